import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { createApp, stopApp } from '../app';
import { type AppConfig, loadConfigOrExit } from '../config/config';
import { dataDirLinkSecret } from '../config/link-secret';
import { ensureAppLogin } from '../database/app-login';
import { migrate } from '../database/migrate';
import { createLogger } from '../logger';
import { openDatabase } from '../main';
import { BUSINESS_NAME, OWNER, STAFF } from './data';
import { DemoIncompleteError, seedDemo } from './seed';

/**
 * `npm run demo`: starts the app in this process on a free port, exactly as `npm start` would (same
 * RAPPORT_DATA_DIR or DATABASE_URL, same link secret, migrations applied), seeds the demo workspace
 * through GraphQL over HTTP, dates its history back in the same database, and stops again. Idempotent.
 */
function signInHelp(config: AppConfig): string {
  return [
    `Run \`npm start\`, open ${config.publicUrl} and sign in:`,
    `  owner  ${OWNER.email.padEnd(26)} password ${OWNER.password}`,
    `  staff  ${STAFF.email.padEnd(26)} password ${STAFF.password}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const started = performance.now();
  const config = loadConfigOrExit();
  // Quiet unless LOG_LEVEL is set: the app would log request lines, and the expected failed sign-in
  // of the "does the demo exist?" check as an error. A failing step still says what failed.
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'fatal');
  config.linkSecret ??= await dataDirLinkSecret(config.dataDir);
  const database = await openDatabase(config, logger);
  try {
    await migrate(database.url);
    const app = await createApp(config, database.url, logger, { jobs: false });
    try {
      await app.listen(0, '127.0.0.1');
      const endpoint = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/graphql`;
      const databaseUrl = await ensureAppLogin(database.url, config.linkSecret);
      const result = await seedDemo(
        { api: endpoint, databaseUrl },
        { log: (line) => console.log(`  ${line}`) },
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (result.created) {
        console.log(`\nThe ${BUSINESS_NAME} demo workspace is ready (${seconds} s).\n${signInHelp(config)}`);
      } else {
        console.log(
          `The demo workspace already exists ("${result.workspaceName}"); nothing was changed.\n${signInHelp(config)}`,
        );
      }
      return 0;
    } finally {
      await stopApp(app);
    }
  } catch (error) {
    if (error instanceof DemoIncompleteError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `The demo could not be seeded: ${error.message}` : error);
    if (!process.env.LOG_LEVEL)
      console.error('With LOG_LEVEL=error, the app logs what went wrong on its side.');
    process.exit(1);
  },
);
