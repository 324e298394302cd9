import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

const API_PATHS = /^\/(graphql|healthz|readyz)(\/|$)/;

/** Vite names the files in assets/ after their content: a changed file gets a new name. */
const IMMUTABLE = { maxAge: '1y', immutable: true } as const;

/** The build writes `.br` and `.gz` next to each compressible asset (apps/web/vite-precompress.ts). */
const ENCODINGS = { br: '.br', gzip: '.gz' } as const;

/** A hashed asset's name: no directories, so it cannot point outside assets/. */
const ASSET_NAME = /^\/[\w.-]+$/;

/** Serves an asset's precompressed file when the browser accepts its encoding. */
function precompressed(assetsDir: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(req.path)) return next();
    res.vary('Accept-Encoding');
    const encoding = req.acceptsEncodings('br', 'gzip');
    if (encoding !== 'br' && encoding !== 'gzip') return next();
    const file = join(assetsDir, req.path + ENCODINGS[encoding]);
    if (!existsSync(file)) return next();
    res.type(extname(req.path)).setHeader('content-encoding', encoding);
    res.sendFile(file, IMMUTABLE, (error) => error && next(error));
  };
}

/**
 * Serves the built web client and answers deep links (`/customers/123`, `/f/<token>`, …) with its
 * index.html so the client-side router takes over. Hashed assets are compressed and cached for good;
 * index.html is revalidated each time, so a deploy reaches the next page load.
 */
export function webApp(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
  const assets = join(distDir, 'assets');
  router.use('/assets', precompressed(assets), express.static(assets, { index: false, ...IMMUTABLE }));
  // A missing asset (e.g. a chunk of the previous release) is a 404, not index.html.
  router.use('/assets', (_req: Request, res: Response) => {
    res.status(404).type('text').send('Not found');
  });
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (API_PATHS.test(req.path) || !req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text')
        .send('The web client is not built yet: run `npm start` (or `npm run build`).');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.vary('Accept-Encoding');
    // The build compresses index.html too: it carries the entry's stylesheet (apps/web/vite-inline-css.ts).
    const encoding = req.acceptsEncodings('br', 'gzip');
    const compressed = (encoding === 'br' || encoding === 'gzip') && index + ENCODINGS[encoding];
    if (compressed && existsSync(compressed)) {
      res.type('html').setHeader('content-encoding', encoding);
      res.sendFile(compressed);
      return;
    }
    res.sendFile(index);
  });
  return router;
}
