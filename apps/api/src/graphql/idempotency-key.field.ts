import { Args, Field } from '@nestjs/graphql';

const DESCRIPTION =
  'Retrying with the same key (within 24 hours) returns the first result instead of creating twice; ' +
  'the same key with a different request is CONFLICT.';

/** The `idempotencyKey` field of a create input (see database/idempotency.ts). */
export const IdempotencyKeyField = () => Field(() => String, { nullable: true, description: DESCRIPTION });

/** The same, as an argument beside an input that updates share (createTouchpoint). */
export const IdempotencyKeyArg = () =>
  Args('idempotencyKey', { type: () => String, nullable: true, description: DESCRIPTION });
