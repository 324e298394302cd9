import type { HealthInteractionFact } from './facts';
import { addDays } from './time';

/** The latest relationship (non-sales) contact, ignoring anything after `asOf` when it is given. */
export function lastRelationshipContactAt(
  interactions: readonly Pick<HealthInteractionFact, 'occurredAt' | 'purpose'>[],
  asOf?: Date,
): Date | null {
  let last: Date | null = null;
  for (const { occurredAt, purpose } of interactions) {
    if (purpose !== 'RELATIONSHIP') continue;
    if (asOf && occurredAt.getTime() > asOf.getTime()) continue;
    if (last === null || occurredAt.getTime() > last.getTime()) last = occurredAt;
  }
  return last;
}

/** A check-in is due one cadence after the last relationship contact, or after creation if none yet. */
export function nextCheckInDueAt(
  createdAt: Date,
  lastRelationshipContactAt: Date | null,
  cadenceDays: number,
): Date {
  return addDays(lastRelationshipContactAt ?? createdAt, cadenceDays);
}

/** Overdue only once the due instant has passed: a check-in due now is due, not late. */
export function isCheckInOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}
