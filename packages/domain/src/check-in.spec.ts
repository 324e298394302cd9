import {
  checkInListSchema,
  completeCheckInSchema,
  MAX_CHECK_IN_PLANNING_DAYS,
  scheduleCheckInSchema,
  skipCheckInSchema,
} from './check-in';
import { reportPeriodSchema } from './dashboard';
import { validate } from './validation';

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const CUSTOMER_ID = '3f0c6f0e-9b7a-4c3e-8f1a-2b5d6c7e8f90';

describe('scheduleCheckInSchema', () => {
  const schema = scheduleCheckInSchema(NOW);

  it('takes a customer and a due date; the assignee is chosen later when not given', () => {
    const dueAt = new Date(NOW.getTime() + 7 * DAY);
    expect(validate(schema, { customerId: CUSTOMER_ID, dueAt, note: ' ' })).toEqual({
      ok: true,
      value: { customerId: CUSTOMER_ID, dueAt, assigneeId: null, note: null, idempotencyKey: null },
    });
  });

  it('allows a due date in the past (catching up) and up to a year ahead', () => {
    for (const offset of [-30 * DAY, MAX_CHECK_IN_PLANNING_DAYS * DAY]) {
      expect(validate(schema, { customerId: CUSTOMER_ID, dueAt: new Date(NOW.getTime() + offset) }).ok).toBe(
        true,
      );
    }
  });

  it('measures "a year ahead" from the clock at each parse', () => {
    let now = NOW;
    const live = scheduleCheckInSchema(() => now);
    const input = {
      customerId: CUSTOMER_ID,
      dueAt: new Date(NOW.getTime() + (MAX_CHECK_IN_PLANNING_DAYS + 1) * DAY),
    };
    expect(validate(live, input).ok).toBe(false);
    now = new Date(NOW.getTime() + 2 * DAY);
    expect(validate(live, input).ok).toBe(true);
  });

  it.each([
    {
      case: 'beyond a year',
      patch: { dueAt: new Date(NOW.getTime() + (MAX_CHECK_IN_PLANNING_DAYS + 1) * DAY) },
      fields: { dueAt: 'At most a year ahead' },
    },
    { case: 'no due date', patch: { dueAt: undefined }, fields: { dueAt: 'Enter a date and time' } },
    { case: 'a bad assignee', patch: { assigneeId: 'me' }, fields: { assigneeId: 'Not a valid id' } },
    {
      case: 'a 501-character note',
      patch: { note: 'x'.repeat(501) },
      fields: { note: 'At most 500 characters' },
    },
  ])('refuses $case', ({ patch, fields }) => {
    const input = { customerId: CUSTOMER_ID, dueAt: new Date(NOW.getTime() + DAY), ...patch };
    expect(validate(schema, input)).toEqual({ ok: false, fields });
  });
});

describe('completeCheckInSchema', () => {
  const schema = completeCheckInSchema(NOW);

  it('needs only a summary: outbound, neutral, now, channel left to the service', () => {
    expect(validate(schema, { summary: 'Asked how the move went' })).toEqual({
      ok: true,
      value: {
        summary: 'Asked how the move went',
        touchpointId: null,
        channel: null,
        direction: 'OUTBOUND',
        sentiment: 0,
        frictionNote: null,
        occurredAt: NOW,
        followUpAt: null,
      },
    });
  });

  it.each([
    { patch: { summary: '' }, fields: { summary: 'Required' } },
    { patch: { summary: 'ok', sentiment: 5 }, fields: { sentiment: 'At most 2' } },
    {
      patch: { summary: 'ok', occurredAt: new Date(NOW.getTime() + DAY) },
      fields: { occurredAt: 'Cannot be in the future' },
    },
  ])('refuses $patch', ({ patch, fields }) => {
    expect(validate(schema, patch)).toEqual({ ok: false, fields });
  });
});

describe('skipCheckInSchema', () => {
  it('needs a reason', () => {
    expect(validate(skipCheckInSchema, { reason: ' On holiday ' })).toEqual({
      ok: true,
      value: { reason: 'On holiday' },
    });
    expect(validate(skipCheckInSchema, { reason: ' ' })).toEqual({
      ok: false,
      fields: { reason: 'Required' },
    });
  });
});

describe('checkInListSchema', () => {
  it('lists planned check-ins, 50 at a time, by default', () => {
    expect(validate(checkInListSchema, {})).toEqual({ ok: true, value: { status: 'PLANNED', first: 50 } });
  });

  it('refuses an unknown status and oversized pages', () => {
    expect(validate(checkInListSchema, { status: 'LATE', first: 101 })).toMatchObject({
      ok: false,
      fields: { status: expect.any(String), first: 'At most 100' },
    });
  });
});

describe('reportPeriodSchema', () => {
  it('defaults to 90 days and bounds the period to 1..366', () => {
    expect(validate(reportPeriodSchema, { days: null })).toEqual({ ok: true, value: { days: 90 } });
    expect(validate(reportPeriodSchema, { days: 0 })).toEqual({
      ok: false,
      fields: { days: 'At least 1 day' },
    });
    expect(validate(reportPeriodSchema, { days: 367 })).toEqual({
      ok: false,
      fields: { days: 'At most 366 days' },
    });
  });
});
