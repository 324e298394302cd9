import { MAX_PAGE_SIZE } from './customer';
import { CHANGE_ORIGINS, CHANGED_ENTITIES, historyPageSchema } from './history';
import { validate } from './validation';

describe('historyPageSchema', () => {
  it('pages 20 at a time over every kind when nothing is given (null means not given)', () => {
    expect(validate(historyPageSchema, {})).toEqual({ ok: true, value: { first: 20 } });
    expect(validate(historyPageSchema, { first: null, after: null, entity: null })).toEqual({
      ok: true,
      value: { first: 20, after: null, entity: null },
    });
  });

  it.each(CHANGED_ENTITIES)('narrows to %s', (entity) => {
    expect(validate(historyPageSchema, { entity, first: MAX_PAGE_SIZE })).toEqual({
      ok: true,
      value: { entity, first: MAX_PAGE_SIZE },
    });
  });

  it.each([
    { input: { first: 0 }, fields: { first: 'At least 1' } },
    { input: { first: MAX_PAGE_SIZE + 1 }, fields: { first: 'At most 100' } },
    { input: { first: 1.5 }, fields: { first: 'Use a whole number' } },
    { input: { after: 'x'.repeat(501) }, fields: { after: 'Not a valid cursor' } },
    { input: { entity: 'CHECK_IN' }, fields: { entity: expect.any(String) } },
  ])('refuses $input', ({ input, fields }) => {
    expect(validate(historyPageSchema, input)).toEqual({ ok: false, fields });
  });

  it('knows the public links apart from members and the system', () => {
    expect(CHANGE_ORIGINS).toEqual(['MEMBER', 'AUDIT_LINK', 'FEEDBACK_LINK', 'SURVEY_LINK', 'SYSTEM']);
  });
});
