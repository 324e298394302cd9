import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import type { ErrorCode } from '@rapport/domain';
import {
  type DescribedError,
  describeGraphQLErrors,
  NETWORK_ERROR,
  UNEXPECTED_ERROR,
} from './error-messages';

export type { DescribedError } from './error-messages';

/** Turns whatever Apollo threw into a code, a readable message and per-field messages. */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) return describeGraphQLErrors(error.errors);
  if (ServerError.is(error) || ServerParseError.is(error)) return { ...NETWORK_ERROR, fields: {} };
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof TypeError) return { ...NETWORK_ERROR, fields: {} };
  return { ...UNEXPECTED_ERROR, fields: {} };
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === code);
}
