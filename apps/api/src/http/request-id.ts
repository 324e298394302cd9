import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}

const requestIds = new AsyncLocalStorage<string>();

/** The id of the request being served, for logs written far from the request object. */
export const currentRequestId = (): string | undefined => requestIds.getStore();

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
    requestIds.run(req.id, next);
  };
}
