import { ConfigError, loadConfig } from '../config/config';
import { createLogger } from '../logger';
import { openDatabase } from '../main';
import { migrate } from './migrate';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL or the embedded database, then exits. */
async function run() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  try {
    const applied = await migrate(database.url);
    logger.info({ applied }, applied.length > 0 ? 'applied migrations' : 'no pending migrations');
  } finally {
    await database.stop();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
