import type { FactsAt } from './facts';
import type { WeightedFactorKey } from './model';

/** One weighted factor as read from the facts, before weights turn it into points. */
export interface FactorReading {
  key: WeightedFactorKey;
  /** 0..1 */
  value: number;
  explanation: string;
  /** What to do when this factor loses the most points; null when it has nothing to ask for. */
  action: string | null;
}

/** The score at one instant and what went into it. */
export interface HealthEvaluation {
  facts: FactsAt;
  readings: FactorReading[];
  penalty: number;
  score: number;
}
