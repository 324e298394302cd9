import { createServer, IncomingMessage, type Server, ServerResponse } from 'node:http';
import type { NestApplicationOptions } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Application } from 'express';

/** A constructor that builds `Base`'s objects with `prototype` as theirs from the start. */
function withPrototype<T extends typeof IncomingMessage | typeof ServerResponse>(
  Base: T,
  prototype: object,
): T {
  // Node's IncomingMessage and ServerResponse are plain constructor functions: callable on `this`.
  function Made(this: unknown, ...args: unknown[]) {
    (Base as unknown as (...a: unknown[]) => void).apply(this, args);
  }
  Made.prototype = prototype;
  return Made as unknown as T;
}

/**
 * Nest's Express adapter, whose HTTP server makes each request and response with Express's
 * prototypes already in place. Express otherwise sets them on every request (`Object.setPrototypeOf`
 * in `app.handle`), and V8 then gives each request object a map (hidden class) of its own: every
 * megamorphic property access on it misses V8's stub cache and is looked up at run time, some 200
 * per request (with the objects' map migrations, about a quarter of a write's instructions; see
 * docs/performance.md). Given the same prototype, Express's call changes nothing.
 *
 * Rapport serves plain HTTP behind its proxy and drains itself (draining.ts): it passes none of the
 * options Nest's own `initHttpServer` reads (`httpsOptions`, `return503OnClosing`,
 * `forceCloseConnections`), and refuses them rather than ignore them.
 */
export class SharedShapeExpressAdapter extends ExpressAdapter {
  override initHttpServer(options: NestApplicationOptions): void {
    if (options.httpsOptions || options.return503OnClosing || options.forceCloseConnections) {
      throw new Error('SharedShapeExpressAdapter serves plain HTTP only, without Nest’s closing options');
    }
    // Express's per-app prototypes (`app.request`, `app.response`), which its types do not declare.
    const app = this.getInstance<Application & { request: object; response: object }>();
    const server: Server = createServer(
      {
        IncomingMessage: withPrototype(IncomingMessage, app.request),
        ServerResponse: withPrototype(ServerResponse, app.response),
      },
      app,
    );
    this.setHttpServer(server);
  }
}
