import type { NextFunction, Request, Response } from 'express';

/**
 * Refuses requests that arrive once the app is stopping (HTTP 503 with `Connection: close`, in
 * GraphQL's error shape) before they reach any resolver, and counts those still running. Without
 * it a request sent on a kept-alive connection as shutdown began could run, commit, and lose its
 * answer when the connection closes; refused, it never runs, so sending it again is safe.
 */
export class Draining {
  private stopping = false;
  private running = 0;
  private onIdle: (() => void) | undefined;

  start(): void {
    this.stopping = true;
  }

  /** Resolves once no request that got past the middleware is still being handled. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.onIdle = resolve;
    });
  }

  readonly middleware = (_req: Request, res: Response, next: NextFunction) => {
    if (this.stopping) {
      res.set('connection', 'close').set('retry-after', '1');
      res.status(503).json({
        errors: [
          {
            message: 'Rapport is restarting. Please try again.',
            extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
          },
        ],
      });
      return;
    }
    this.running += 1;
    res.once('close', () => {
      this.running -= 1;
      if (this.running === 0) this.onIdle?.();
    });
    next();
  };
}
