import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

const API_PATHS = /^\/(graphql|healthz|readyz)(\/|$)/;

/**
 * Serves the built web client and answers deep links (`/customers/123`, `/f/<token>`, …) with its
 * index.html so the client-side router takes over.
 */
export function webApp(distDir: string): Router {
  const router = express.Router();
  const index = join(distDir, 'index.html');
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
    res.sendFile(index);
  });
  return router;
}
