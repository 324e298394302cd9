import type { ErrorCode, FieldErrors } from '@rapport/domain';

// Without Apollo: the public feedback form (its own entry, no Apollo Client) describes its errors
// with these too. errors.ts applies them to what Apollo throws.

export interface DescribedError {
  /** `extensions.code` of the first GraphQL error; null for network and unknown errors. */
  code: ErrorCode | null;
  /** A sentence to show the user. */
  message: string;
  /** `extensions.fields` (BAD_USER_INPUT, sometimes CONFLICT): field path → message. */
  fields: FieldErrors;
}

/** A GraphQL error as the API sends it (Apollo's GraphQLFormattedError has this shape). */
export interface GraphQLErrorLike {
  message: string;
  extensions?: Readonly<Record<string, unknown>> | null;
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

/** The network is down, or the server did not answer in GraphQL. */
export const NETWORK_ERROR: DescribedError = {
  code: null,
  message: 'We could not reach Rapport. Check your connection and try again.',
  fields: {},
};

export const UNEXPECTED_ERROR: DescribedError = { code: null, message: UNEXPECTED, fields: {} };

function isFieldErrors(value: unknown): value is FieldErrors {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.values(value).every((message) => typeof message === 'string')
  );
}

/** The API's GraphQL errors as a code, a readable message and per-field messages. */
export function describeGraphQLErrors(errors: readonly GraphQLErrorLike[]): DescribedError {
  const first = errors[0];
  const code = (first?.extensions?.code as ErrorCode | undefined) ?? null;
  const fields: FieldErrors = {};
  for (const e of errors) {
    const f = e.extensions?.fields;
    // BAD_USER_INPUT names its fields; so may others (CONFLICT on `email`, say).
    if (isFieldErrors(f)) Object.assign(fields, f);
  }
  // Server messages for these codes are written for people; the others get a generic sentence.
  const useServerMessage = code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'NOT_FOUND';
  const message = (useServerMessage && first?.message) || (code && FALLBACK_MESSAGES[code]) || UNEXPECTED;
  return { code, message, fields };
}
