import { lastRelationshipContactAt } from './check-in';
import type { FactsAt } from './facts';
import type { HealthModel } from './model';
import type { FactorReading } from './reading';
import { daysAgo, multiple, plural, wholeDays } from './text';
import { clamp, daysBetween } from './time';

/**
 * How long since the last relationship contact, in cadences (r): full up to one cadence, falling
 * linearly to zero at three. A customer never contacted is given the benefit of the doubt (neutral)
 * only during their first cadence; after that, never having checked in is as bad as it gets.
 */
export function readRecency(facts: FactsAt, model: HealthModel): FactorReading {
  const cadence = facts.cadenceDays;
  const last = lastRelationshipContactAt(facts.interactions);

  if (last === null) {
    const ageDays = daysBetween(facts.createdAt, facts.at);
    if (ageDays < cadence) {
      return {
        key: 'recency',
        value: model.noDataFactor,
        explanation: 'No non-sales contact yet; the customer is new',
        action: 'Check in: no non-sales contact yet',
      };
    }
    const since = `since the customer was added ${daysAgo(ageDays)}`;
    return {
      key: 'recency',
      value: 0,
      explanation: `No non-sales contact ${since}`,
      action: `Check in: no non-sales contact ${since}`,
    };
  }

  const days = daysBetween(last, facts.at);
  const r = days / cadence;
  const { fullWithinCadences: full, zeroAtCadences: zero } = model.recency;
  const value = clamp((zero - r) / (zero - full), 0, 1);
  const cadenceText = `the ${cadence}-day cadence`;

  if (r <= full) {
    return {
      key: 'recency',
      value,
      explanation: `Last non-sales contact ${daysAgo(days)}, within ${cadenceText}`,
      action: null,
    };
  }
  const gap = plural(wholeDays(days), 'day');
  return {
    key: 'recency',
    value,
    explanation: `No non-sales contact in ${gap} — ${multiple(r)}× ${cadenceText}`,
    action: `Check in: no non-sales contact in ${gap}`,
  };
}
