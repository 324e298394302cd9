import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client';
import type { ErrorCode, FieldErrors } from '@rapport/domain';

export interface DescribedError {
  /** `extensions.code` of the first GraphQL error; null for network and unknown errors. */
  code: ErrorCode | null;
  /** A sentence to show the user. */
  message: string;
  /** `extensions.fields` (BAD_USER_INPUT, sometimes CONFLICT): field path → message. */
  fields: FieldErrors;
}

const UNEXPECTED = 'Something went wrong on our side. Try again in a moment.';

const FALLBACK_MESSAGES: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again to continue.',
  FORBIDDEN: 'Your role does not allow this. Ask a workspace owner.',
  NOT_FOUND: 'We could not find that. It may have been removed.',
  BAD_USER_INPUT: 'Some details need fixing.',
  CONFLICT: 'That conflicts with something that already exists.',
  RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
  INTERNAL_SERVER_ERROR: UNEXPECTED,
};

const NETWORK_MESSAGE = 'We could not reach Rapport. Check your connection and try again.';

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((message) => typeof message === 'string')
  );
}

/** Turns whatever Apollo threw into a code, a readable message and per-field messages. */
export function describeError(error: unknown): DescribedError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = (first?.extensions?.code as ErrorCode | undefined) ?? null;
    const fields: FieldErrors = {};
    for (const e of error.errors) {
      const f = e.extensions?.fields;
      // BAD_USER_INPUT names its fields; so may others (CONFLICT on `email`, say).
      if (isFieldErrors(f)) Object.assign(fields, f);
    }
    // Server messages for these codes are written for people; the others get a generic sentence.
    const useServerMessage = code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'NOT_FOUND';
    const message = (useServerMessage && first?.message) || (code && FALLBACK_MESSAGES[code]) || UNEXPECTED;
    return { code, message, fields };
  }
  if (ServerError.is(error) || ServerParseError.is(error)) {
    return { code: null, message: NETWORK_MESSAGE, fields: {} };
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the network is down.
    return { code: null, message: NETWORK_MESSAGE, fields: {} };
  }
  return { code: null, message: UNEXPECTED, fields: {} };
}

export function hasErrorCode(error: unknown, code: ErrorCode): boolean {
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === code);
}
