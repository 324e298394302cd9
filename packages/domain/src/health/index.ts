export { isCheckInOverdue, lastRelationshipContactAt, nextCheckInDueAt } from './check-in';
export type { HealthFacts, HealthFeedbackFact, HealthFrictionFact, HealthInteractionFact } from './facts';
export { type HealthFactor, health, type RelationshipHealth } from './health';
export {
  bandOf,
  DEFAULT_HEALTH_MODEL,
  type HealthFactorKey,
  type HealthModel,
  healthModelSchema,
  WEIGHTED_FACTOR_KEYS,
  type WeightedFactorKey,
} from './model';
