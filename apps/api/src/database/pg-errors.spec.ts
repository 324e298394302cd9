import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, isRetryableConflict, isUniqueViolation } from './pg-errors';

const pgError = (code: string, message = 'error') => Object.assign(new Error(message), { code });
const wrapped = (driverError: Error) => new QueryFailedError('select 1', [], driverError);

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a reset connection', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection exception (08006)', pgError('08006')],
    [
      'an administrator shutdown (57P01)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['a crash shutdown (57P02)', pgError('57P02')],
    ['a server still starting (57P03)', pgError('57P03', 'the database system is starting up')],
    ['a connection that died mid-query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    [
      'a Unix socket that is not there (the server is down, so it removed it)',
      Object.assign(new Error('connect ENOENT /data/pg/.s.PGSQL.5432'), {
        code: 'ENOENT',
        syscall: 'connect',
      }),
    ],
  ])('is true for %s, bare or wrapped by TypeORM and GraphQL', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(error))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: wrapped(error) })).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505')],
    ['a check violation', pgError('23514')],
    ['a serialization failure', pgError('40001')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    [
      'a missing file',
      Object.assign(new Error("ENOENT: no such file, open 'x'"), { code: 'ENOENT', syscall: 'open' }),
    ],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(error && wrapped(error))).toBe(false);
  });

  it('does not loop on errors that wrap each other', () => {
    const a: Record<string, unknown> = { message: 'a' };
    a.cause = { message: 'b', cause: a };
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});

describe('isRetryableConflict', () => {
  it('is true for serialization failures and deadlocks only', () => {
    expect(isRetryableConflict(wrapped(pgError('40001')))).toBe(true);
    expect(isRetryableConflict(wrapped(pgError('40P01')))).toBe(true);
    expect(isRetryableConflict(wrapped(pgError('23505')))).toBe(false);
    expect(isRetryableConflict(pgError('57P01'))).toBe(false);
  });
});

describe('isUniqueViolation', () => {
  it('matches the constraint when one is named', () => {
    const error = wrapped(Object.assign(pgError('23505'), { constraint: 'interactions_idempotency' }));
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, 'interactions_idempotency')).toBe(true);
    expect(isUniqueViolation(error, 'other')).toBe(false);
  });
});
