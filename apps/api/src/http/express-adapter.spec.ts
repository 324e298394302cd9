import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Application, Request, Response } from 'express';
import { SharedShapeExpressAdapter } from './express-adapter';

describe('SharedShapeExpressAdapter', () => {
  let server: Server;
  afterEach(() => new Promise((done) => server?.close(done)));

  it("makes each request and response with Express's prototypes, so Express's own setting changes nothing", async () => {
    const adapter = new SharedShapeExpressAdapter();
    const app = adapter.getInstance<Application & { request: object; response: object }>();
    const prototypes: { request: object; response: object }[] = [];
    app.use((req: Request, res: Response) => {
      res.cookie('seen', req.get('x-probe') ?? 'none').send(`${req.method} ${req.path}`);
    });
    adapter.initHttpServer({});
    server = adapter.getHttpServer();
    // Before Express's handler: the objects as Node's server made them.
    server.prependListener('request', (req: IncomingMessage, res) => {
      prototypes.push({ request: Object.getPrototypeOf(req), response: Object.getPrototypeOf(res) });
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;

    for (const probe of ['one', 'two']) {
      const res = await fetch(`http://127.0.0.1:${port}/path?q=1`, { headers: { 'x-probe': probe } });
      expect(await res.text()).toBe('GET /path'); // Express's request and response methods work
      expect(res.headers.get('set-cookie')).toMatch(new RegExp(`^seen=${probe};`));
    }
    expect(prototypes).toHaveLength(2);
    for (const { request, response } of prototypes) {
      expect(request).toBe(app.request);
      expect(response).toBe(app.response);
    }
  });

  it('refuses the server options it does not honour', () => {
    expect(() => new SharedShapeExpressAdapter().initHttpServer({ forceCloseConnections: true })).toThrow(
      /plain HTTP only/,
    );
  });
});
