import { validate } from '@rapport/domain';
import type { z } from 'zod';
import { badUserInput } from './errors';

/** Checks input against a domain schema; BAD_USER_INPUT naming every bad field otherwise. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = validate(schema, input);
  if (!result.ok) throw badUserInput(result.fields);
  return result.value;
}

/** GraphQL hands omitted arguments over as undefined keys; drop them so `.strict()` schemas and partial updates see only what was sent. */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids that cannot exist are treated like unknown ones, never as a server error. */
export const isUuid = (value: string): boolean => UUID.test(value);
