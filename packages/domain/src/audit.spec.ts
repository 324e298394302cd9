import fc from 'fast-check';
import {
  AUDIT_FACTORS,
  consistency,
  createAuditSchema,
  type FactorRatings,
  factorMeans,
  frictionSeverityOf,
  MAX_AUDIT_STEPS,
  observationSchema,
  raisesFriction,
} from './audit';
import { validate } from './validation';

const TOUCHPOINT_ID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
/** `n` distinct valid uuids. */
const uuids = (n: number) =>
  Array.from({ length: n }, (_, i) => `7a1d2c3b-4e5f-4a6b-8c7d-${i.toString(16).padStart(12, '0')}`);
const chars = (n: number) => 'x'.repeat(n);

describe('createAuditSchema', () => {
  const minimal = {
    title: 'Repair by phone',
    scenario: 'Book a repair by phone, then pick it up in store',
    touchpointIds: [TOUCHPOINT_ID],
    auditorName: 'Ada Auditor',
    external: false,
  };

  it('accepts a minimal audit and trims its texts', () => {
    expect(
      validate(createAuditSchema, { ...minimal, title: '  Repair by phone ', auditorName: ' Ada Auditor ' }),
    ).toEqual({ ok: true, value: { ...minimal, idempotencyKey: null } });
  });

  it.each([
    { case: 'a 200-character title', patch: { title: chars(200) } },
    { case: 'a 2000-character scenario', patch: { scenario: chars(2_000) } },
    { case: 'a 120-character auditor name', patch: { auditorName: chars(120) } },
    { case: `${MAX_AUDIT_STEPS} touchpoints`, patch: { touchpointIds: uuids(MAX_AUDIT_STEPS) } },
    { case: 'an outsider running it', patch: { external: true } },
  ])('accepts $case', ({ patch }) => {
    expect(validate(createAuditSchema, { ...minimal, ...patch })).toEqual({
      ok: true,
      value: { ...minimal, ...patch, idempotencyKey: null },
    });
  });

  it.each([
    {
      case: 'a missing title',
      patch: { title: undefined },
      fields: { title: 'Invalid input: expected string, received undefined' },
    },
    { case: 'a blank title', patch: { title: '   ' }, fields: { title: 'Required' } },
    {
      case: 'a 201-character title',
      patch: { title: chars(201) },
      fields: { title: 'At most 200 characters' },
    },
    {
      case: 'a title with a NUL',
      patch: { title: 'a\u0000b' },
      fields: { title: 'Must not contain NUL characters' },
    },
    { case: 'a blank scenario', patch: { scenario: '' }, fields: { scenario: 'Required' } },
    {
      case: 'a 2001-character scenario',
      patch: { scenario: chars(2_001) },
      fields: { scenario: 'At most 2000 characters' },
    },
    {
      case: 'a missing auditor name',
      patch: { auditorName: undefined },
      fields: { auditorName: 'Invalid input: expected string, received undefined' },
    },
    { case: 'a blank auditor name', patch: { auditorName: ' ' }, fields: { auditorName: 'Required' } },
    {
      case: 'a 121-character auditor name',
      patch: { auditorName: chars(121) },
      fields: { auditorName: 'At most 120 characters' },
    },
    {
      case: 'no touchpoints at all',
      patch: { touchpointIds: undefined },
      fields: { touchpointIds: 'Choose the touchpoints to visit' },
    },
    {
      case: 'an empty list of touchpoints',
      patch: { touchpointIds: [] },
      fields: { touchpointIds: 'Choose at least one touchpoint' },
    },
    {
      case: `${MAX_AUDIT_STEPS + 1} touchpoints`,
      patch: { touchpointIds: uuids(MAX_AUDIT_STEPS + 1) },
      fields: { touchpointIds: `At most ${MAX_AUDIT_STEPS} steps` },
    },
    {
      case: 'a touchpoint twice',
      patch: { touchpointIds: [TOUCHPOINT_ID, uuids(1)[0], TOUCHPOINT_ID] },
      fields: { touchpointIds: 'Visit each touchpoint once' },
    },
    {
      case: 'a touchpoint id that is not a uuid',
      patch: { touchpointIds: [TOUCHPOINT_ID, 'nope'] },
      fields: { 'touchpointIds.1': 'Not a valid id' },
    },
    {
      case: 'a missing external flag',
      patch: { external: undefined },
      fields: { external: 'Say whether an outsider runs it' },
    },
    {
      case: 'an external flag as text',
      patch: { external: 'yes' },
      fields: { external: 'Say whether an outsider runs it' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(createAuditSchema, { ...minimal, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('observationSchema', () => {
  const minimal = {
    touchpointId: TOUCHPOINT_ID,
    experienced: 'Waited ten minutes on hold',
    surprise: 'NONE',
    friction: 0,
    accuracy: 4,
    availability: 2,
    partnership: 3,
    advice: 5,
    wouldReturn: true,
  };

  it('accepts a minimal observation: no expectation, no notes', () => {
    expect(validate(observationSchema, minimal)).toEqual({
      ok: true,
      value: { ...minimal, expected: null, notes: null },
    });
  });

  it('trims texts and reads blank optional texts as null', () => {
    expect(
      validate(observationSchema, { ...minimal, experienced: '  On hold  ', expected: '   ', notes: '' }),
    ).toEqual({ ok: true, value: { ...minimal, experienced: 'On hold', expected: null, notes: null } });
  });

  it.each([
    { case: 'an expectation and notes', patch: { expected: 'A quick answer', notes: 'Friendly though' } },
    { case: 'null expectation and notes', patch: { expected: null, notes: null } },
    { case: 'friction 3 (a blocker)', patch: { friction: 3 } },
    { case: 'a delight', patch: { surprise: 'DELIGHT' } },
    { case: 'a letdown', patch: { surprise: 'LETDOWN' } },
    { case: 'all ratings 1', patch: { accuracy: 1, availability: 1, partnership: 1, advice: 1 } },
    { case: 'all ratings 5', patch: { accuracy: 5, availability: 5, partnership: 5, advice: 5 } },
    { case: 'not wanting to return', patch: { wouldReturn: false } },
    { case: 'a 4000-character experience', patch: { experienced: chars(4_000) } },
    { case: 'a 2000-character expectation', patch: { expected: chars(2_000) } },
    { case: 'a 4000-character note', patch: { notes: chars(4_000) } },
  ])('accepts $case', ({ patch }) => {
    expect(validate(observationSchema, { ...minimal, ...patch })).toMatchObject({
      ok: true,
      value: patch,
    });
  });

  it.each([
    {
      case: 'a touchpoint id that is not a uuid',
      patch: { touchpointId: 'x' },
      fields: { touchpointId: 'Not a valid id' },
    },
    {
      case: 'a missing experience',
      patch: { experienced: undefined },
      fields: { experienced: 'Invalid input: expected string, received undefined' },
    },
    { case: 'a blank experience', patch: { experienced: '  ' }, fields: { experienced: 'Required' } },
    {
      case: 'a 4001-character experience',
      patch: { experienced: chars(4_001) },
      fields: { experienced: 'At most 4000 characters' },
    },
    {
      case: 'a 2001-character expectation',
      patch: { expected: chars(2_001) },
      fields: { expected: 'At most 2000 characters' },
    },
    {
      case: 'a 4001-character note',
      patch: { notes: chars(4_001) },
      fields: { notes: 'At most 4000 characters' },
    },
    {
      case: 'an unknown surprise',
      patch: { surprise: 'SHOCK' },
      fields: { surprise: 'Invalid option: expected one of "NONE"|"DELIGHT"|"LETDOWN"' },
    },
    { case: 'friction -1', patch: { friction: -1 }, fields: { friction: 'At least 0' } },
    { case: 'friction 4', patch: { friction: 4 }, fields: { friction: 'At most 3' } },
    { case: 'friction 1.5', patch: { friction: 1.5 }, fields: { friction: 'Rate friction from 0 to 3' } },
    { case: 'friction as text', patch: { friction: '1' }, fields: { friction: 'Rate friction from 0 to 3' } },
    {
      case: 'a missing friction',
      patch: { friction: undefined },
      fields: { friction: 'Rate friction from 0 to 3' },
    },
    ...AUDIT_FACTORS.flatMap((factor) => [
      { case: `${factor} 0`, patch: { [factor]: 0 }, fields: { [factor]: 'At least 1' } },
      { case: `${factor} 6`, patch: { [factor]: 6 }, fields: { [factor]: 'At most 5' } },
      { case: `${factor} 2.5`, patch: { [factor]: 2.5 }, fields: { [factor]: 'Rate from 1 to 5' } },
      { case: `${factor} missing`, patch: { [factor]: undefined }, fields: { [factor]: 'Rate from 1 to 5' } },
    ]),
    {
      case: 'a missing would-return',
      patch: { wouldReturn: undefined },
      fields: { wouldReturn: 'Say whether this makes you want to return' },
    },
    {
      case: 'would-return as text',
      patch: { wouldReturn: 'yes' },
      fields: { wouldReturn: 'Say whether this makes you want to return' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(observationSchema, { ...minimal, ...patch })).toEqual({ ok: false, fields });
  });
});

describe('raisesFriction and frictionSeverityOf', () => {
  it.each([
    { friction: 0, surprise: 'NONE', raises: false, severity: 1 },
    { friction: 0, surprise: 'DELIGHT', raises: false, severity: 1 },
    { friction: 0, surprise: 'LETDOWN', raises: true, severity: 1 },
    { friction: 1, surprise: 'NONE', raises: true, severity: 1 },
    { friction: 1, surprise: 'DELIGHT', raises: true, severity: 1 },
    { friction: 2, surprise: 'NONE', raises: true, severity: 2 },
    { friction: 2, surprise: 'LETDOWN', raises: true, severity: 2 },
    { friction: 3, surprise: 'DELIGHT', raises: true, severity: 3 },
    { friction: 3, surprise: 'LETDOWN', raises: true, severity: 3 },
  ] as const)(
    'friction $friction with surprise $surprise: raises $raises, severity $severity',
    ({ friction, surprise, raises, severity }) => {
      expect(raisesFriction({ friction, surprise })).toBe(raises);
      expect(frictionSeverityOf({ friction })).toBe(severity);
    },
  );
});

const r = (accuracy: number, availability: number, partnership: number, advice: number): FactorRatings => ({
  accuracy,
  availability,
  partnership,
  advice,
});

describe('factorMeans', () => {
  it('is null for every factor without any observation', () => {
    expect(factorMeans([])).toEqual({ accuracy: null, availability: null, partnership: null, advice: null });
  });

  it('is the rating itself for one observation', () => {
    expect(factorMeans([r(1, 2, 3, 4)])).toEqual({ accuracy: 1, availability: 2, partnership: 3, advice: 4 });
  });

  it('is the mean per factor', () => {
    expect(factorMeans([r(1, 2, 3, 5), r(2, 2, 5, 5), r(3, 5, 4, 5)])).toEqual({
      accuracy: 2,
      availability: 3,
      partnership: 4,
      advice: 5,
    });
  });
});

describe('consistency', () => {
  it('is null without audits or with one: one audit says nothing about consistency', () => {
    expect(consistency([])).toBeNull();
    expect(consistency([r(1, 5, 1, 5)])).toBeNull();
  });

  it('is 1 when every audit rated alike', () => {
    expect(consistency([r(2, 3, 4, 5), r(2, 3, 4, 5)])).toBe(1);
    expect(consistency([r(1, 1, 1, 1), r(1, 1, 1, 1), r(1, 1, 1, 1)])).toBe(1);
  });

  it('is 0 when half the audits rated everything 1 and half everything 5 (σ = 2 on every factor)', () => {
    expect(consistency([r(1, 1, 1, 1), r(5, 5, 5, 5)])).toBe(0);
    expect(consistency([r(1, 1, 1, 1), r(5, 5, 5, 5), r(5, 5, 5, 5), r(1, 1, 1, 1)])).toBe(0);
  });

  it('two audits: 0.625', () => {
    // Population σ of two ratings is half their difference:
    //   accuracy     5, 5 → σ 0
    //   availability 4, 2 → σ 1
    //   partnership  3, 3 → σ 0
    //   advice       1, 5 → σ 2
    // σ̄ = (0 + 1 + 0 + 2) / 4 = 0.75, so consistency = 1 − 0.75 / 2 = 0.625.
    expect(consistency([r(5, 4, 3, 1), r(5, 2, 3, 5)])).toBe(0.625);
  });

  it('three audits: 1 − √(2/3) / 4 ≈ 0.7959', () => {
    //   accuracy     5, 5, 5 → mean 5, σ 0
    //   availability 4, 2, 3 → mean 3, squared deviations 1, 1, 0 → variance 2/3, σ √(2/3) ≈ 0.8165
    //   partnership  3, 3, 3 → σ 0
    //   advice       2, 4, 3 → mean 3, same as availability, σ √(2/3)
    // σ̄ = 2√(2/3) / 4 = √(2/3) / 2 ≈ 0.4082, so consistency = 1 − σ̄ / 2 = 1 − √(2/3) / 4 ≈ 0.79588.
    const result = consistency([r(5, 4, 3, 2), r(5, 2, 3, 4), r(5, 3, 3, 3)]);
    expect(result).toBeCloseTo(1 - Math.sqrt(2 / 3) / 4, 12);
    expect(result).toBeCloseTo(0.79588, 5);
  });

  const rating = fc.integer({ min: 1, max: 5 });
  const ratings = fc.record({ accuracy: rating, availability: rating, partnership: rating, advice: rating });

  it('stays within 0..1 for any two or more audits rated 1..5', () => {
    fc.assert(
      fc.property(fc.array(ratings, { minLength: 2, maxLength: 40 }), (audits) => {
        const result = consistency(audits);
        expect(result).not.toBeNull();
        expect(result).toBeGreaterThanOrEqual(0);
        expect(result).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('does not depend on the order of the audits', () => {
    fc.assert(
      fc.property(
        fc
          .array(ratings, { minLength: 2, maxLength: 20 })
          .chain((audits) =>
            fc.tuple(fc.constant(audits), fc.shuffledSubarray(audits, { minLength: audits.length })),
          ),
        ([audits, shuffled]) => {
          expect(shuffled).toHaveLength(audits.length);
          expect(consistency(shuffled)).toBeCloseTo(consistency(audits) as number, 12);
        },
      ),
    );
  });
});
