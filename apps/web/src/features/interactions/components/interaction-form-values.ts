import type { Channel, Direction, InteractionPurpose } from '@rapport/domain';

/** The log-interaction form as the user edits it: text for every input. */
export interface InteractionFormValues {
  touchpointId: string;
  channel: Channel | '';
  direction: Direction;
  purpose: InteractionPurpose;
  sentiment: number;
  summary: string;
  frictionNote: string;
  /** `<input type="datetime-local">` value, local time; blank means now. */
  occurredAt: string;
  /** `<input type="date">` value; blank means no follow-up. */
  followUpAt: string;
}

/** The common case: a relationship check-in, outbound, neutral, on the customer's last channel. */
export function quickLogValues(lastChannel: Channel | null): InteractionFormValues {
  return {
    touchpointId: '',
    channel: lastChannel ?? '',
    direction: 'OUTBOUND',
    purpose: 'RELATIONSHIP',
    sentiment: 0,
    summary: '',
    frictionNote: '',
    occurredAt: '',
    followUpAt: '',
  };
}

/** Fields shown only in the full form; an error on one of them opens it. */
export const DETAIL_FIELDS = [
  'touchpointId',
  'direction',
  'purpose',
  'frictionNote',
  'occurredAt',
  'followUpAt',
];

const FORM_FIELDS = new Set(['channel', 'sentiment', 'summary', ...DETAIL_FIELDS]);

/** Errors on fields the form shows go beside them; the rest (customerId, idempotencyKey) above it. */
export function interactionFieldFor(path: string): string | null {
  return FORM_FIELDS.has(path) ? path : null;
}

function localToIso(local: string): string | null {
  if (!local) return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** A follow-up date means the start of the working day, local time. */
function dayToIso(day: string): string | null {
  return day ? localToIso(`${day}T09:00`) : null;
}

/** The `logInteraction` input of the form's values. */
export function valuesToInput(values: InteractionFormValues, customerId: string, idempotencyKey: string) {
  return {
    customerId,
    touchpointId: values.touchpointId || null,
    channel: values.touchpointId ? null : values.channel || null,
    direction: values.direction,
    purpose: values.purpose,
    sentiment: values.sentiment,
    summary: values.summary.trim(),
    frictionNote: values.frictionNote.trim() || null,
    occurredAt: localToIso(values.occurredAt),
    followUpAt: dayToIso(values.followUpAt),
    idempotencyKey,
  };
}
