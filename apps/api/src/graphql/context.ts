import type { Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { Loaders } from './loaders';

/** Per-request GraphQL context. `actor` is set from the session cookie, or by sign-up/sign-in. */
export interface RequestContext {
  req: Request;
  res: Response;
  requestId: string;
  actor: Actor | undefined;
  loaders: Loaders;
}

/** The caller's address, for per-IP rate limits. */
export const clientIp = (ctx: Pick<RequestContext, 'req'>): string =>
  ctx.req.ip ?? ctx.req.socket.remoteAddress ?? 'unknown';
