import { lastRelationshipContactAt, nextCheckInDueAt } from './check-in';
import { frictionAction } from './friction';
import { type HealthModel, totalWeight } from './model';
import type { HealthEvaluation } from './reading';
import { plural } from './text';
import { daysBetween, settle } from './time';

/**
 * The action for whatever costs the most points: a weighted factor loses weight × (1 − value),
 * friction loses its penalty. Ties go to the first in factor order (recency, balance, sentiment,
 * feedback, friction) so the answer is stable; losses are settled first so float noise cannot break a tie.
 */
export function nextBestAction(evaluation: HealthEvaluation, model: HealthModel): string {
  const total = totalWeight(model);
  const candidates = [
    ...evaluation.readings.map((r) => ({
      loss: settle((100 * model.weights[r.key] * (1 - r.value)) / total),
      action: r.action,
    })),
    { loss: evaluation.penalty, action: frictionAction(evaluation.facts.openFrictionPoints) },
  ];

  let best: { loss: number; action: string } | null = null;
  for (const { loss, action } of candidates) {
    if (action !== null && loss > 0 && (best === null || loss > best.loss)) best = { loss, action };
  }
  if (best === null || best.loss < model.negligibleLossPoints) return keepItUp(evaluation);
  return best.action;
}

/** Nothing worth fixing: point at the next check-in, the one thing that keeps a customer healthy. */
function keepItUp({ facts }: HealthEvaluation): string {
  const dueAt = nextCheckInDueAt(
    facts.createdAt,
    lastRelationshipContactAt(facts.interactions),
    facts.cadenceDays,
  );
  // Whole days left, rounded up, so it agrees with "last contact N days ago" (rounded down).
  const daysLeft = Math.ceil(settle(daysBetween(facts.at, dueAt))) || 0;
  if (daysLeft > 0) return `Keep it up: next check-in due in ${plural(daysLeft, 'day')}`;
  if (daysLeft === 0) return 'Keep it up: next check-in due today';
  return `Check in: the next check-in was due ${plural(-daysLeft, 'day')} ago`;
}
