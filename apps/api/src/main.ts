import 'reflect-metadata';
import { createApp, stopApp } from './app';
import { type AppConfig, loadConfigOrExit } from './config/config';
import { dataDirLinkSecret } from './config/link-secret';
import { startEmbeddedPostgres } from './database/embedded';
import { migrate } from './database/migrate';
import { createLogger, type Logger } from './logger';

/** The database the app uses: DATABASE_URL, else a PostgreSQL embedded in RAPPORT_DATA_DIR. */
export async function openDatabase(config: AppConfig, logger: Logger) {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => {} };
  logger.info({ dataDir: config.dataDir }, 'starting the embedded PostgreSQL');
  return startEmbeddedPostgres(config.dataDir, logger);
}

const SHUTDOWN_DEADLINE_MS = 10_000;

async function main() {
  const config = loadConfigOrExit();
  const logger = createLogger(config.logLevel);
  if (!config.linkSecret && config.databaseUrl) {
    // Each server would keep its own secret: with several on one database, the last to start changes
    // the request pool's password under the others, and feedback links would differ between them.
    logger.warn(
      { dataDir: config.dataDir },
      'RAPPORT_SECRET is not set: using one kept in the data directory, which servers sharing this database do not share',
    );
  }
  config.linkSecret ??= await dataDirLinkSecret(config.dataDir);
  const database = await openDatabase(config, logger);
  const applied = await migrate(database.url);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  const app = await createApp(config, database.url, logger, { jobs: true });
  await app.listen(config.port);
  logger.info(`Rapport is ready on ${config.publicUrl}`);

  // Graceful: the server stops accepting, in-flight requests finish, scheduled work stops, then the
  // database. A second signal, or the deadline, ends it at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'stopping now, without waiting for requests in flight');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.warn(`still busy ${SHUTDOWN_DEADLINE_MS / 1000} s after ${signal}: stopping now`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await stopApp(app);
    await database.stop();
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `Rapport failed to start: ${error.message}` : error);
    process.exit(1);
  });
}
