import { z } from 'zod';
import { SURPRISES } from './enums';
import { id, idempotencyKey, optionalText, requiredText } from './validation';

/** The four factors an auditor rates at every step, 1..5. */
export const AUDIT_FACTORS = ['accuracy', 'availability', 'partnership', 'advice'] as const;
export type AuditFactor = (typeof AUDIT_FACTORS)[number];
export type FactorRatings = Record<AuditFactor, number>;

export const MAX_AUDIT_STEPS = 30;
export const FRICTION_LEVELS = ['none', 'hesitation', 'obstacle', 'blocker'] as const;

const rating = z.number('Rate from 1 to 5').int('Rate from 1 to 5').min(1, 'At least 1').max(5, 'At most 5');

export const createAuditSchema = z.object({
  title: requiredText(200),
  scenario: requiredText(2_000),
  touchpointIds: z
    .array(id, 'Choose the touchpoints to visit')
    .min(1, 'Choose at least one touchpoint')
    .max(MAX_AUDIT_STEPS, `At most ${MAX_AUDIT_STEPS} steps`)
    .refine((ids) => new Set(ids).size === ids.length, 'Visit each touchpoint once'),
  auditorName: requiredText(120),
  external: z.boolean('Say whether an outsider runs it'),
  idempotencyKey,
});
export type CreateAuditInput = z.output<typeof createAuditSchema>;

/** One step of an audit as the auditor lived it. */
export const observationSchema = z.object({
  touchpointId: id,
  expected: optionalText(2_000),
  experienced: requiredText(4_000),
  surprise: z.enum(SURPRISES),
  friction: z
    .number('Rate friction from 0 to 3')
    .int('Rate friction from 0 to 3')
    .min(0, 'At least 0')
    .max(3, 'At most 3'),
  accuracy: rating,
  availability: rating,
  partnership: rating,
  advice: rating,
  wouldReturn: z.boolean('Say whether this makes you want to return'),
  notes: optionalText(4_000),
});
export type ObservationInput = z.output<typeof observationSchema>;

/** An observation raises a friction point when it made the auditor hesitate or let them down. */
export function raisesFriction(observation: Pick<ObservationInput, 'friction' | 'surprise'>): boolean {
  return observation.friction >= 1 || observation.surprise === 'LETDOWN';
}

/** The severity of the friction point an observation raises: its friction, at least 1. */
export function frictionSeverityOf(observation: Pick<ObservationInput, 'friction'>): number {
  return Math.max(1, observation.friction);
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

function populationStandardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

/** Mean rating per factor over observations; null without any. */
export function factorMeans(ratings: readonly FactorRatings[]): Record<AuditFactor, number | null> {
  return Object.fromEntries(
    AUDIT_FACTORS.map((factor) => [factor, ratings.length > 0 ? mean(ratings.map((r) => r[factor])) : null]),
  ) as Record<AuditFactor, number | null>;
}

/**
 * How alike the experience of a touchpoint is from audit to audit, 0..1: 1 − σ̄ / 2, where σ̄ is the
 * mean over the four factors of the population standard deviation of that factor's ratings, one
 * rating per submitted audit. Ratings span 1..5, so σ is at most 2 and the result stays in 0..1.
 * Null with fewer than two audits: one audit says nothing about consistency.
 */
export function consistency(ratingsPerAudit: readonly FactorRatings[]): number | null {
  if (ratingsPerAudit.length < 2) return null;
  const sigmaBar = mean(
    AUDIT_FACTORS.map((factor) => populationStandardDeviation(ratingsPerAudit.map((r) => r[factor]))),
  );
  return 1 - sigmaBar / 2;
}
