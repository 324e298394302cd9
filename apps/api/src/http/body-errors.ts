import { isUtf8 } from 'node:buffer';
import type { NextFunction, Request, Response } from 'express';

const NOT_UTF8 = 'encoding.invalid';

/**
 * The JSON body parser's `verify` hook: a body that is not UTF-8 (JSON's only encoding) is refused
 * with 400, where the parser would otherwise read it with U+FFFD in place of the bad bytes and the
 * API would store something other than what was sent.
 */
export function requireUtf8(_req: Request, _res: Response, body: Buffer): void {
  if (!isUtf8(body)) {
    throw Object.assign(new Error('Request body is not valid UTF-8'), { status: 400, type: NOT_UTF8 });
  }
}

/** Body-parser failures (too large: 413, not UTF-8 or malformed JSON: 400) answered in GraphQL's error shape. */
export function bodyErrors(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const { status, type } = (error ?? {}) as { status?: number; type?: string };
  if (!status || !type) return next(error);
  const message =
    status === 413
      ? 'Request body is larger than 1 MB'
      : type === NOT_UTF8
        ? 'Request body is not valid UTF-8'
        : 'Request body is not valid JSON';
  res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', fields: {} } }] });
}
