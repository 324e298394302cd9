import { customerFieldFor, customerToValues, newFactRow, valuesToInput } from './customer-form-values';

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

  it("keeps a customer's own cadence even when it equals the workspace default", () => {
    const customer = {
      id: 'c1',
      name: 'Bea',
      company: null,
      email: null,
      phone: null,
      tags: [],
      status: 'ACTIVE',
      cadenceDays: 30,
      createdAt: '2026-01-01T00:00:00.000Z',
      owner: null,
      notes: null,
      profileFacts: [],
    };
    const own = customerToValues({ ...customer, ownCadenceDays: 30 } as never);
    expect(own.cadenceDays).toBe('30');
    expect(valuesToInput(own).input.cadenceDays).toBe(30);
    const followsDefault = customerToValues({ ...customer, ownCadenceDays: null } as never);
    expect(followsDefault.cadenceDays).toBe('');
    expect(valuesToInput(followsDefault).input.cadenceDays).toBeNull();
  });
});
