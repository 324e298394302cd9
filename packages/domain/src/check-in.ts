import { z } from 'zod';
import { CHANNELS, DIRECTIONS } from './enums';
import { type Clock, contactFields, contactTimesAt, LIVE_CLOCK, readClock } from './interaction';
import { dateTime, id, idempotencyKey, optionalText, requiredText } from './validation';

/** A planned check-in: scheduled, then done (which logs the relationship contact) or skipped. */
export const CHECK_IN_STATUSES = ['PLANNED', 'DONE', 'SKIPPED'] as const;
export type CheckInStatus = (typeof CHECK_IN_STATUSES)[number];

/** How far ahead a check-in may be planned. */
export const MAX_CHECK_IN_PLANNING_DAYS = 366;

export function scheduleCheckInSchema(now: Clock = LIVE_CLOCK) {
  const latest = () => readClock(now).getTime() + MAX_CHECK_IN_PLANNING_DAYS * 86_400_000;
  return z.object({
    customerId: id,
    dueAt: dateTime.refine((d) => d.getTime() <= latest(), 'At most a year ahead'),
    assigneeId: id.nullish().transform((a) => a ?? null),
    note: optionalText(500),
    idempotencyKey,
  });
}
export type ScheduleCheckInInput = z.output<ReturnType<typeof scheduleCheckInSchema>>;

/**
 * Completing a check-in logs a relationship contact: how it went. The channel defaults to the
 * customer's last one when neither it nor a touchpoint is given (the one-tap case).
 */
export function completeCheckInSchema(now: Clock = LIVE_CLOCK) {
  return z
    .object({
      ...contactFields,
      channel: z
        .enum(CHANNELS)
        .nullish()
        .transform((c) => c ?? null),
      direction: z
        .enum(DIRECTIONS)
        .nullish()
        .transform((d) => d ?? 'OUTBOUND'),
      sentiment: contactFields.sentiment.nullish().transform((s) => s ?? 0),
    })
    .transform(contactTimesAt(now));
}
export type CompleteCheckInInput = z.output<ReturnType<typeof completeCheckInSchema>>;

export const skipCheckInSchema = z.object({ reason: requiredText(500) });

export const checkInListSchema = z.object({
  assigneeId: id.nullish(),
  customerId: id.nullish(),
  status: z
    .enum(CHECK_IN_STATUSES)
    .nullish()
    .transform((s) => s ?? 'PLANNED'),
  dueBefore: dateTime.nullish(),
  first: z
    .number('Enter a number')
    .int('Use a whole number')
    .min(1, 'At least 1')
    .max(100, 'At most 100')
    .nullish()
    .transform((n) => n ?? 50),
  after: z.string().max(500, 'Not a valid cursor').nullish(),
});
