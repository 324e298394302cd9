import type { HealthBand } from '../enums';
import { readBalance } from './balance';
import { factsAt, type HealthFacts } from './facts';
import { readFeedback } from './feedback';
import { frictionExplanation, frictionPenalty } from './friction';
import { bandOf, DEFAULT_HEALTH_MODEL, type HealthFactorKey, type HealthModel, totalWeight } from './model';
import { nextBestAction } from './next-best-action';
import type { HealthEvaluation } from './reading';
import { readRecency } from './recency';
import { readSentiment } from './sentiment';
import { addDays, clamp, settle } from './time';

/** One line of "why this score", as the contract's HealthFactor. */
export interface HealthFactor {
  key: HealthFactorKey;
  /** The factor's own score, 0..1; for friction, the number of open friction points. */
  value: number;
  /** Points this factor adds to the score (one decimal, for display); for friction, minus the penalty. */
  points: number;
  explanation: string;
}

/** The contract's RelationshipHealth. */
export interface RelationshipHealth {
  score: number;
  band: HealthBand;
  /** Score at asOf minus score `trendDays` earlier. */
  trend: number;
  factors: HealthFactor[];
  nextBestAction: string;
}

function evaluate(facts: HealthFacts, at: Date, model: HealthModel): HealthEvaluation {
  const seen = factsAt(facts, at);
  const readings = [
    readRecency(seen, model),
    readBalance(seen, model),
    readSentiment(seen, model),
    readFeedback(seen, model),
  ];
  const weighted = readings.reduce((sum, r) => sum + model.weights[r.key] * r.value, 0);
  // Round the unrounded weighted sum once, half up (57.5 → 58), then take the friction penalty off.
  const base = Math.round(settle((100 * weighted) / totalWeight(model)));
  const penalty = frictionPenalty(seen.openFrictionPoints, model);
  return { facts: seen, readings, penalty, score: clamp(base - penalty, 0, 100) };
}

const toOneDecimal = (x: number) => Math.round(x * 10) / 10 || 0; // `|| 0`: never report −0

function factorsOf(evaluation: HealthEvaluation, model: HealthModel): HealthFactor[] {
  const total = totalWeight(model);
  const weighted = evaluation.readings.map(
    (r): HealthFactor => ({
      key: r.key,
      value: r.value,
      points: toOneDecimal((100 * model.weights[r.key] * r.value) / total),
      explanation: r.explanation,
    }),
  );
  const open = evaluation.facts.openFrictionPoints;
  return [
    ...weighted,
    {
      key: 'friction',
      value: open,
      points: toOneDecimal(-evaluation.penalty),
      explanation: frictionExplanation(open, model),
    },
  ];
}

/**
 * Relationship health of one customer at `asOf` (PRODUCT.md, "Relationship health"). Pure: facts dated
 * after `asOf` are ignored, so any past date can be recomputed — which is how the trend is found.
 */
export function health(
  facts: HealthFacts,
  asOf: Date,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): RelationshipHealth {
  const now = evaluate(facts, asOf, model);
  // The trend compares with the score computed from the facts as they stood `trendDays` earlier.
  // Taken literally, as the spec writes it: a customer created after that date is still scored then,
  // with no facts (a "new" customer: every factor neutral, 50 by default), so a customer younger
  // than `trendDays` shows a trend of score − 50 rather than none.
  const then = evaluate(facts, addDays(asOf, -model.trendDays), model);
  return {
    score: now.score,
    band: bandOf(now.score, model),
    trend: now.score - then.score,
    factors: factorsOf(now, model),
    nextBestAction: nextBestAction(now, model),
  };
}
