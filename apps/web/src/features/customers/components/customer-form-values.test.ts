import { customerFieldFor, newFactRow, valuesToInput } from './customer-form-values';

describe('customer form values', () => {
  it('drops blank fact rows and maps error paths back to the rows', () => {
    const rows = [newFactRow(), newFactRow('Dog', 'Biscuit'), newFactRow(' ', ''), newFactRow('Goal', '')];
    const { input, keptFacts } = valuesToInput({
      name: 'A',
      company: '',
      email: '',
      phone: '',
      tags: [],
      notes: '',
      facts: rows,
      ownerId: '',
      cadenceDays: ' ',
    });
    expect(input.profileFacts).toEqual([
      { label: 'Dog', value: 'Biscuit' },
      { label: 'Goal', value: '' },
    ]);
    expect(input.ownerId).toBeNull();
    expect(input.cadenceDays).toBeNull();

    const fieldFor = customerFieldFor(keptFacts);
    expect(fieldFor('profileFacts.1.value')).toBe(`facts.${rows[3]?.key}.value`);
    expect(fieldFor('profileFacts.0')).toBe(`facts.${rows[1]?.key}.label`);
    expect(fieldFor('profileFacts.7.label')).toBe('facts');
    expect(fieldFor('tags.2')).toBe('tags');
    expect(fieldFor('name')).toBe('name');
    expect(fieldFor('unknown')).toBeNull();
  });
});
