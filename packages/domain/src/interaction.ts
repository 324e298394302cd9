import { z } from 'zod';
import { CHANNELS, DIRECTIONS, INTERACTION_PURPOSES } from './enums';
import { dateTime, id, idempotencyKey, optionalText, requiredText } from './validation';

/** A clock a few seconds ahead of the server's is tolerated; "in the future" starts after this. */
export const CLOCK_SKEW_MS = 30_000;
/** The oldest contact worth logging; anything earlier is a typo. */
export const EARLIEST_INTERACTION = new Date('2000-01-01T00:00:00Z');
export const SENTIMENT_MIN = -2;
export const SENTIMENT_MAX = 2;

/** The details of a contact, shared by logging an interaction and completing a planned check-in. */
export const contactFields = {
  touchpointId: id.nullish().transform((t) => t ?? null),
  channel: z
    .enum(CHANNELS)
    .nullish()
    .transform((c) => c ?? null),
  direction: z.enum(DIRECTIONS),
  sentiment: z
    .number('Enter a number from -2 to 2')
    .int('Use a whole number from -2 to 2')
    .min(SENTIMENT_MIN, `At least ${SENTIMENT_MIN}`)
    .max(SENTIMENT_MAX, `At most ${SENTIMENT_MAX}`),
  summary: requiredText(2_000),
  frictionNote: optionalText(2_000),
  occurredAt: dateTime.nullish(),
  followUpAt: dateTime.nullish().transform((d) => d ?? null),
};

/**
 * "Now" for a schema: a fixed time, or a clock read at each parse, so that a server builds the schema
 * once (building a zod schema costs some thirty times parsing with it).
 */
export type Clock = Date | (() => Date);
export const LIVE_CLOCK: Clock = () => new Date();
export const readClock = (clock: Clock): Date => (typeof clock === 'function' ? clock() : clock);

interface ContactTimes {
  occurredAt?: Date | null;
  followUpAt: Date | null;
}

/**
 * When a contact happened: `now` when not given, never in the future beyond the clock-skew
 * allowance (a time within it is pulled back to `now`), and no follow-up planned before it.
 */
export function contactTimesAt(clock: Clock) {
  return <T extends ContactTimes>(input: T, ctx: z.RefinementCtx): T & { occurredAt: Date } => {
    const now = readClock(clock);
    const requested = input.occurredAt ?? now;
    if (requested.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'Cannot be in the future' });
    } else if (requested.getTime() < EARLIEST_INTERACTION.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['occurredAt'], message: 'Too far in the past' });
    }
    const occurredAt = requested.getTime() > now.getTime() ? now : requested;
    if (input.followUpAt && input.followUpAt.getTime() < occurredAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['followUpAt'], message: 'Must be after the contact' });
    }
    return { ...input, occurredAt };
  };
}

/** Without a touchpoint, the channel must be named (with one, it is the touchpoint's). */
export function requireChannelOrTouchpoint(
  input: { touchpointId: string | null; channel: string | null },
  ctx: z.RefinementCtx,
) {
  if (!input.touchpointId && !input.channel) {
    ctx.addIssue({ code: 'custom', path: ['channel'], message: 'Choose a channel or a touchpoint' });
  }
}

/** `logInteraction`'s input, judged at `now`. */
export function logInteractionSchema(now: Clock = LIVE_CLOCK) {
  return z
    .object({ customerId: id, ...contactFields, purpose: z.enum(INTERACTION_PURPOSES), idempotencyKey })
    .superRefine(requireChannelOrTouchpoint)
    .transform(contactTimesAt(now));
}
export type LogInteractionInput = z.output<ReturnType<typeof logInteractionSchema>>;

export const INTERACTION_PAGE_MAX = 100;

export const interactionPageSchema = z.object({
  first: z
    .number('Enter a number')
    .int('Use a whole number')
    .min(1, 'At least 1')
    .max(INTERACTION_PAGE_MAX, `At most ${INTERACTION_PAGE_MAX}`)
    .nullish()
    .transform((n) => n ?? 20),
  after: z.string().max(500, 'Not a valid cursor').nullish(),
});
