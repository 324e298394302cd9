import { type DynamicModule, Global, Inject, type LoggerService, Module } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs; cookies and passwords are never logged. `destination` (stdout) is for tests. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]', '*.password', '*.token'],
  };
  return destination ? pino(options, destination) : pino(options);
}

export const APP_LOGGER = Symbol('APP_LOGGER');
export const InjectLogger = () => Inject(APP_LOGGER);

/** Makes the app's pino logger injectable everywhere. */
@Global()
@Module({})
export class LoggerModule {
  static forLogger(logger: Logger): DynamicModule {
    return {
      module: LoggerModule,
      providers: [{ provide: APP_LOGGER, useValue: logger }],
      exports: [APP_LOGGER],
    };
  }
}

/** Routes Nest's own messages into pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
