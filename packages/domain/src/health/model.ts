import { z } from 'zod';
import type { HealthBand } from '../enums';

/** The factors that carry a weight; friction is a penalty on top, not a weighted factor. */
export const WEIGHTED_FACTOR_KEYS = ['recency', 'balance', 'sentiment', 'feedback'] as const;
export type WeightedFactorKey = (typeof WEIGHTED_FACTOR_KEYS)[number];
export type HealthFactorKey = WeightedFactorKey | 'friction';

const nonNegative = z.number().min(0);
const positive = z.number().positive();

/**
 * Everything tunable about the health model. PRODUCT.md asks for weights and bands to be data so an
 * owner may later tune them per workspace; the schema is what such a setting would be checked against.
 */
export const healthModelSchema = z.object({
  weights: z
    .object({ recency: nonNegative, balance: nonNegative, sentiment: nonNegative, feedback: nonNegative })
    .refine(
      (w) => w.recency + w.balance + w.sentiment + w.feedback > 0,
      'At least one weight must be positive',
    ),
  bands: z
    .object({ healthy: z.number().int().min(0).max(100), watch: z.number().int().min(0).max(100) })
    .refine((b) => b.watch <= b.healthy, 'The watch band must start at or below the healthy band'),
  frictionPenaltyPerPoint: nonNegative,
  maxFrictionPenalty: nonNegative,
  /** A factor with nothing to go on (no interactions, no feedback, a brand-new customer) is neutral. */
  noDataFactor: z.number().min(0).max(1),
  recency: z
    .object({ fullWithinCadences: positive, zeroAtCadences: positive })
    .refine(
      (r) => r.zeroAtCadences > r.fullWithinCadences,
      'Recency must reach zero after it stops being full',
    ),
  balance: z.object({ lastInteractions: z.number().int().min(1), targetShare: z.number().gt(0).max(1) }),
  sentiment: z.object({ windowDays: positive, halfLifeDays: positive }),
  feedback: z.object({ windowDays: positive }),
  trendDays: positive,
  /** Losses smaller than this are not worth an action; the next best action is then "keep it up". */
  negligibleLossPoints: nonNegative,
});
export type HealthModel = z.output<typeof healthModelSchema>;

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}

/** The initial model of PRODUCT.md, "Relationship health". Frozen: it is shared by every caller. */
export const DEFAULT_HEALTH_MODEL: HealthModel = deepFreeze({
  weights: { recency: 35, balance: 15, sentiment: 25, feedback: 25 },
  bands: { healthy: 70, watch: 40 },
  frictionPenaltyPerPoint: 5,
  maxFrictionPenalty: 15,
  noDataFactor: 0.5,
  recency: { fullWithinCadences: 1, zeroAtCadences: 3 },
  balance: { lastInteractions: 10, targetShare: 0.5 },
  sentiment: { windowDays: 90, halfLifeDays: 30 },
  feedback: { windowDays: 180 },
  trendDays: 30,
  negligibleLossPoints: 5,
});

export function bandOf(score: number, model: Pick<HealthModel, 'bands'> = DEFAULT_HEALTH_MODEL): HealthBand {
  if (score >= model.bands.healthy) return 'HEALTHY';
  if (score >= model.bands.watch) return 'WATCH';
  return 'AT_RISK';
}

export function totalWeight(model: HealthModel): number {
  return WEIGHTED_FACTOR_KEYS.reduce((sum, key) => sum + model.weights[key], 0);
}
