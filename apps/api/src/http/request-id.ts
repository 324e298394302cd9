import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../auth/actor';
import type { SharedReads } from '../database/shared-reads';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

/** What code far from the request object may need of it: its id, and who is acting. */
interface RequestScope {
  id: string;
  /** The request's GraphQL context once made: its `actor` is read live (sign-in and sign-out change it). */
  context?: { actor: Actor | undefined };
  /** Set while a GraphQL query runs: its workspace reads share one transaction (see SharedReads). */
  sharedReads?: SharedReads;
}

const requestScopes = new AsyncLocalStorage<RequestScope>();

/** The id of the request being served, for logs written far from the request object. */
export const currentRequestId = (): string | undefined => requestScopes.getStore()?.id;

/**
 * The member this request acts as, if any: `Db` records it as who made each change, so no service
 * has to pass it along. Undefined outside a request (scheduled work) and before the session is read.
 */
export const currentActor = (): Actor | undefined => requestScopes.getStore()?.context?.actor;

/** Ties the request's GraphQL context to the request, for `currentActor`. */
export function attachToRequest(context: { actor: Actor | undefined }): void {
  const scope = requestScopes.getStore();
  if (scope) scope.context = context;
}

/** The transaction this request's workspace reads share, if it is a GraphQL query. */
export const currentSharedReads = (): SharedReads | undefined => requestScopes.getStore()?.sharedReads;

/** Lets the rest of this request's workspace reads share `reads`; false outside a request. */
export function shareReadsInRequest(reads: SharedReads): boolean {
  const scope = requestScopes.getStore();
  if (!scope) return false;
  scope.sharedReads = reads;
  return true;
}

const SAFE_ID = /^[\w.-]{8,100}$/;

/** Gives each request an id (a proxy's X-Request-Id when sane), echoes it back and logs the outcome. */
export function requestId(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    req.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', req.id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug(
        { requestId: req.id, method: req.method, url: req.path, status: res.statusCode, ms },
        'request',
      );
    });
    requestScopes.run({ id: req.id }, next);
  };
}
