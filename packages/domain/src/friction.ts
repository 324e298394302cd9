import { z } from 'zod';
import { FRICTION_STATUSES } from './enums';
import { expectedVersion, id, idempotencyKey, optionalText, requiredText } from './validation';

/** Where a friction point came from. */
export const FRICTION_SOURCES = ['AUDIT', 'FEEDBACK', 'INTERACTION', 'MANUAL'] as const;
export type FrictionSource = (typeof FRICTION_SOURCES)[number];

const severity = z
  .number('Rate severity from 1 to 3')
  .int('Rate severity from 1 to 3')
  .min(1, 'At least 1')
  .max(3, 'At most 3');

export const raiseFrictionPointSchema = z.object({
  touchpointId: id.nullish().transform((v) => v ?? null),
  customerId: id.nullish().transform((v) => v ?? null),
  /** The interaction whose friction note this comes from, if any. */
  interactionId: id.nullish().transform((v) => v ?? null),
  description: requiredText(2_000),
  severity,
  ownerId: id.nullish().transform((v) => v ?? null),
  idempotencyKey,
});
export type RaiseFrictionPointInput = z.output<typeof raiseFrictionPointSchema>;

/** Names only what changes; `ownerId: null` unassigns. */
export const updateFrictionPointSchema = z.object({
  /** `null` means no change, like leaving it out. */
  status: z
    .enum(FRICTION_STATUSES)
    .nullish()
    .transform((s) => s ?? undefined),
  ownerId: id.nullable().optional(),
  resolution: optionalText(2_000).optional(),
  version: expectedVersion,
});
export type UpdateFrictionPointInput = z.output<typeof updateFrictionPointSchema>;

/** A point can only be resolved with a note saying how (given now, or already there). */
export function missingResolution(
  status: string,
  resolution: string | null | undefined,
  existing: string | null,
): boolean {
  return status === 'RESOLVED' && !(resolution === undefined ? existing : resolution);
}

export const frictionFilterSchema = z.object({
  status: z.enum(FRICTION_STATUSES).nullish(),
  touchpointId: id.nullish(),
  customerId: id.nullish(),
});
