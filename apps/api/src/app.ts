import 'reflect-metadata';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { ensureAppLogin } from './database/app-login';
import { createDataSource } from './database/data-source';
import { bodyErrors, requireUtf8 } from './http/body-errors';
import { Draining } from './http/draining';
import { SharedShapeExpressAdapter } from './http/express-adapter';
import { requestId } from './http/request-id';
import { webApp } from './http/web-app';
import { type Logger, NestPinoLogger } from './logger';

export const BODY_LIMIT = '1mb';
const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

export interface AppOptions {
  /** Run scheduled work (pg-boss) in this process: on in `npm start`, off unless asked in tests. */
  jobs: boolean;
}

/**
 * The whole HTTP application (GraphQL, health checks, the web client), not yet listening.
 * `databaseUrl` is the database owner's login: the request pool logs in as the app's own login role
 * (see app-login.ts) and runs as the unprivileged app role; only pg-boss, for its own schema, uses it.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
  options: AppOptions = { jobs: false },
): Promise<INestApplication> {
  if (!config.linkSecret) throw new Error('No app secret: set RAPPORT_SECRET');
  const dataSource = createDataSource(await ensureAppLogin(databaseUrl, config.linkSecret), 'app');
  await dataSource.initialize();
  const jobs = options.jobs ? { databaseUrl, logger, cron: config.healthCron } : null;
  const module = AppModule.create(config, dataSource, logger, jobs, new Draining());
  const app = await NestFactory.create<NestExpressApplication>(module, new SharedShapeExpressAdapter(), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
  });
  app.disable('x-powered-by');
  // Behind a load balancer the peer is the balancer: per-IP rate limits need the client's address.
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.use(app.get(Draining).middleware);
  app.use(requestId(logger));
  // API answers (a dashboard: 27 KB of JSON) compressed for clients that accept it, brotli first: on a
  // phone's network the bytes are the wait. The web client's files come precompressed (web-app.ts).
  app.use(compression());
  app.use(cookieParser());
  app.use(express.json({ limit: BODY_LIMIT, verify: requireUtf8 }));
  app.use(bodyErrors);
  app.use(webApp(WEB_DIST));
  return app;
}

/**
 * Stops the app gracefully: new requests are refused, Nest drains the HTTP server and stops
 * scheduled work, handlers still running finish, then the pool closes. (Nest's application object
 * is a proxy that ignores assignments, so this cannot replace `app.close`.)
 */
export async function stopApp(app: INestApplication): Promise<void> {
  const draining = app.get(Draining);
  draining.start();
  await app.close();
  await draining.idle();
  const dataSource = app.get(DataSource);
  if (dataSource.isInitialized) await dataSource.destroy();
}
