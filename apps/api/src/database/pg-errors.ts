/** True when `error` is Postgres refusing with `sqlState` on the named constraint (any when omitted). */
function isViolation(error: unknown, sqlState: string, constraint?: string): boolean {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } }).driverError ?? error;
  const { code, constraint: name } = driverError as { code?: string; constraint?: string };
  return code === sqlState && (constraint === undefined || name === constraint);
}

/** True when `error` is Postgres refusing a duplicate on the named constraint or index (any when omitted). */
export const isUniqueViolation = (error: unknown, constraint?: string) =>
  isViolation(error, '23505', constraint);

/** True when `error` is Postgres refusing a reference to a missing row through the named foreign key. */
export const isForeignKeyViolation = (error: unknown, constraint: string) =>
  isViolation(error, '23503', constraint);

/** The error itself and what it wraps (GraphQL's originalError, TypeORM's driverError, `cause`). */
function* causes(error: unknown): Generator<{ code?: unknown; message?: unknown; syscall?: unknown }> {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    yield next;
    const wrapper = next as { originalError?: unknown; driverError?: unknown; cause?: unknown };
    queue.push(wrapper.originalError, wrapper.driverError, wrapper.cause);
  }
}

/** Socket errors, SQLSTATE class 08 (connection exception) and 57P01–57P03 (server shutting down or starting). */
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|08...|57P0[123])$/;
/** What node-postgres says when a connection dies or cannot be had, without a code. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|terminating connection/i;

/** True when the database could not be reached or dropped the connection: try again later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const { code, message, syscall } of causes(error)) {
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    // Connecting to a Unix socket that is not there: a server that is down removed it.
    if (code === 'ENOENT' && syscall === 'connect') return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  }
  return false;
}

/** A serialization failure or a deadlock: Postgres rolled the transaction back, and running it again may succeed. */
export function isRetryableConflict(error: unknown): boolean {
  for (const { code } of causes(error)) if (code === '40001' || code === '40P01') return true;
  return false;
}
