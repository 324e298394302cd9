import 'reflect-metadata';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express from 'express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { createDataSource } from './database/data-source';
import { bodyErrors } from './http/body-errors';
import { requestId } from './http/request-id';
import { webApp } from './http/web-app';
import { type Logger, NestPinoLogger } from './logger';

export const BODY_LIMIT = '1mb';
const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

/**
 * The whole HTTP application (GraphQL, health checks, the web client), not yet listening.
 * `databaseUrl` is the login the pool uses; every request runs as the unprivileged app role.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: Logger,
): Promise<INestApplication> {
  const dataSource = createDataSource(databaseUrl, 'app');
  await dataSource.initialize();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.create(config, dataSource, logger), {
    bodyParser: false,
    logger: new NestPinoLogger(logger),
  });
  app.disable('x-powered-by');
  app.use(requestId(logger));
  app.use(cookieParser());
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(bodyErrors);
  app.use(webApp(WEB_DIST));
  app.enableShutdownHooks();
  const close = app.close.bind(app);
  app.close = async () => {
    await close();
    if (dataSource.isInitialized) await dataSource.destroy();
  };
  return app;
}
