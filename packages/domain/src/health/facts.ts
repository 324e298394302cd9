import { INTERACTION_PURPOSES, type InteractionPurpose, type SurveyType } from '../enums';

export interface HealthInteractionFact {
  occurredAt: Date;
  purpose: InteractionPurpose;
  /** −2 very negative … +2 very positive. */
  sentiment: number;
}

export interface HealthFeedbackFact {
  answeredAt: Date;
  surveyType: SurveyType;
  score: number;
}

export interface HealthFrictionFact {
  raisedAt: Date;
  resolvedAt: Date | null;
}

/** What health is computed from: one customer's history, in any order, possibly beyond `asOf`. */
export interface HealthFacts {
  createdAt: Date;
  /** The effective cadence (the customer's own, else the workspace default), at least 1. */
  cadenceDays: number;
  interactions: readonly HealthInteractionFact[];
  feedback: readonly HealthFeedbackFact[];
  frictionPoints: readonly HealthFrictionFact[];
}

/** The facts as they stood at one instant: nothing dated later, interactions newest first. */
export interface FactsAt {
  at: Date;
  createdAt: Date;
  cadenceDays: number;
  interactions: readonly HealthInteractionFact[];
  feedback: readonly HealthFeedbackFact[];
  openFrictionPoints: number;
}

export function isFrictionOpenAt(point: HealthFrictionFact, at: Date): boolean {
  const t = at.getTime();
  return point.raisedAt.getTime() <= t && (point.resolvedAt === null || point.resolvedAt.getTime() > t);
}

/**
 * Newest first; simultaneous interactions in a fixed order (relationship contacts first, then by
 * purpose and sentiment) so the result never depends on the order the caller listed them in — not even
 * in the last bit of a floating-point sum.
 */
function newestFirst(a: HealthInteractionFact, b: HealthInteractionFact): number {
  return (
    b.occurredAt.getTime() - a.occurredAt.getTime() ||
    purposeRank(a.purpose) - purposeRank(b.purpose) ||
    a.sentiment - b.sentiment
  );
}

function purposeRank(purpose: InteractionPurpose): number {
  return purpose === 'RELATIONSHIP' ? -1 : INTERACTION_PURPOSES.indexOf(purpose);
}

export function factsAt(facts: HealthFacts, at: Date): FactsAt {
  const t = at.getTime();
  return {
    at,
    createdAt: facts.createdAt,
    cadenceDays: facts.cadenceDays,
    interactions: facts.interactions.filter((i) => i.occurredAt.getTime() <= t).sort(newestFirst),
    feedback: facts.feedback.filter((f) => f.answeredAt.getTime() <= t),
    openFrictionPoints: facts.frictionPoints.filter((p) => isFrictionOpenAt(p, at)).length,
  };
}
