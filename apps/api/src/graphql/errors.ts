import type { ErrorCode, FieldErrors } from '@rapport/domain';
import { GraphQLError } from 'graphql';

function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badUserInput = (fields: FieldErrors, message = 'Some fields are invalid'): GraphQLError =>
  appError('BAD_USER_INPUT', message, { fields });

export const notFound = (what = 'Not found'): GraphQLError => appError('NOT_FOUND', what);
export const unauthenticated = (): GraphQLError => appError('UNAUTHENTICATED', 'Sign in first');
export const forbidden = (message = 'Only an owner can do that'): GraphQLError =>
  appError('FORBIDDEN', message);
export const conflict = (message: string, fields?: FieldErrors): GraphQLError =>
  appError('CONFLICT', message, fields ? { fields } : {});
export const rateLimited = (message = 'Too many attempts; try again later'): GraphQLError =>
  appError('RATE_LIMITED', message);
