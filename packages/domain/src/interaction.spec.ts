import { CLOCK_SKEW_MS, interactionPageSchema, logInteractionSchema } from './interaction';
import { validate } from './validation';

const NOW = new Date('2026-06-15T12:00:00Z');
const CUSTOMER_ID = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';
const TOUCHPOINT_ID = '7a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const schema = logInteractionSchema(NOW);
const minimal = {
  customerId: CUSTOMER_ID,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: 'Called to say thanks',
};
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('logInteractionSchema', () => {
  it('fills the defaults: now, no touchpoint, no follow-up, no key', () => {
    expect(validate(schema, minimal)).toEqual({
      ok: true,
      value: {
        ...minimal,
        touchpointId: null,
        frictionNote: null,
        occurredAt: NOW,
        followUpAt: null,
        idempotencyKey: null,
      },
    });
  });

  it.each([
    { case: 'a touchpoint instead of a channel', patch: { channel: undefined, touchpointId: TOUCHPOINT_ID } },
    { case: 'sentiment -2', patch: { sentiment: -2 } },
    { case: 'sentiment +2', patch: { sentiment: 2 } },
    { case: 'a 2000-character summary', patch: { summary: 'x'.repeat(2000) } },
    { case: 'a past date', patch: { occurredAt: new Date('2026-01-01T00:00:00Z') } },
    { case: 'an ISO date text', patch: { occurredAt: '2026-06-01T09:30:00+02:00' } },
    { case: 'a follow-up after the contact', patch: { followUpAt: at(86_400_000) } },
    { case: 'a retry key', patch: { idempotencyKey: 'k'.repeat(200) } },
  ])('accepts $case', ({ patch }) => {
    expect(validate(schema, { ...minimal, ...patch }).ok).toBe(true);
  });

  it('pulls a time a few seconds ahead (clock skew) back to now', () => {
    const result = validate(schema, { ...minimal, occurredAt: at(CLOCK_SKEW_MS) });
    expect(result).toMatchObject({ ok: true, value: { occurredAt: NOW } });
  });

  it('trims the summary and blanks the friction note to null', () => {
    const result = validate(schema, { ...minimal, summary: '  Thanks  ', frictionNote: '   ' });
    expect(result).toMatchObject({ ok: true, value: { summary: 'Thanks', frictionNote: null } });
  });

  it.each([
    {
      case: 'no channel and no touchpoint',
      patch: { channel: null },
      fields: { channel: 'Choose a channel or a touchpoint' },
    },
    { case: 'sentiment 3', patch: { sentiment: 3 }, fields: { sentiment: 'At most 2' } },
    { case: 'sentiment -3', patch: { sentiment: -3 }, fields: { sentiment: 'At least -2' } },
    {
      case: 'a fractional sentiment',
      patch: { sentiment: 0.5 },
      fields: { sentiment: 'Use a whole number from -2 to 2' },
    },
    { case: 'a blank summary', patch: { summary: '  ' }, fields: { summary: 'Required' } },
    {
      case: 'a 2001-character summary',
      patch: { summary: 'x'.repeat(2001) },
      fields: { summary: 'At most 2000 characters' },
    },
    { case: 'a bad customer id', patch: { customerId: 'nope' }, fields: { customerId: 'Not a valid id' } },
    { case: 'an unknown purpose', patch: { purpose: 'GOSSIP' }, fields: { purpose: expect.any(String) } },
    {
      case: 'a time beyond the skew allowance',
      patch: { occurredAt: at(CLOCK_SKEW_MS + 1) },
      fields: { occurredAt: 'Cannot be in the future' },
    },
    {
      case: 'a time before 2000',
      patch: { occurredAt: new Date('1999-12-31T23:59:59Z') },
      fields: { occurredAt: 'Too far in the past' },
    },
    {
      case: 'a date text without a zone',
      patch: { occurredAt: '2026-06-01T09:30:00' },
      fields: { occurredAt: 'Enter a date and time with its time zone' },
    },
    {
      case: 'a follow-up before the contact',
      patch: { followUpAt: at(-1) },
      fields: { followUpAt: 'Must be after the contact' },
    },
    { case: 'an empty retry key', patch: { idempotencyKey: '' }, fields: { idempotencyKey: 'Required' } },
    {
      case: 'a 201-character retry key',
      patch: { idempotencyKey: 'k'.repeat(201) },
      fields: { idempotencyKey: 'At most 200 characters' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    expect(validate(schema, { ...minimal, ...patch })).toEqual({ ok: false, fields });
  });

  it('judges the future against the `now` it was made for', () => {
    const later = new Date(NOW.getTime() + 3_600_000);
    expect(validate(logInteractionSchema(later), { ...minimal, occurredAt: at(60_000) }).ok).toBe(true);
  });

  it('reads a clock at each parse, so a server builds the schema once', () => {
    let now = NOW;
    const live = logInteractionSchema(() => now);
    const input = { ...minimal, occurredAt: at(3_600_000) };
    expect(validate(live, input)).toEqual({ ok: false, fields: { occurredAt: 'Cannot be in the future' } });
    now = at(7_200_000);
    expect(validate(live, input).ok).toBe(true);
    expect(validate(live, minimal)).toMatchObject({ ok: true, value: { occurredAt: now } });
  });
});

describe('interactionPageSchema', () => {
  it('defaults to 20 and reads null as left out', () => {
    expect(validate(interactionPageSchema, { first: null })).toEqual({ ok: true, value: { first: 20 } });
  });

  it.each([
    { input: { first: 0 }, fields: { first: 'At least 1' } },
    { input: { first: 101 }, fields: { first: 'At most 100' } },
    { input: { after: 'x'.repeat(501) }, fields: { after: 'Not a valid cursor' } },
  ])('refuses $input', ({ input, fields }) => {
    expect(validate(interactionPageSchema, input)).toEqual({ ok: false, fields });
  });
});
