import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../config/config';
import { dataDirLinkSecret } from '../config/link-secret';
import { createLogger } from '../logger';
import { openDatabase } from '../main';
import type { SeedLargeOptions } from './options';
import { seedLarge } from './seed-large';
import { LARGE_OWNER } from './world';

const USAGE = 'Usage: npm run seed:large -- --customers N --interactions N [--small-workspaces N] [--seed N]';

class UsageError extends Error {}

/** A positive (or, with `zero`, non-negative) whole number, or a clear complaint naming the option. */
function wholeNumber(name: string, text: string | undefined, zero = false): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || (!zero && value < 1)) {
    throw new UsageError(
      `--${name} must be a ${zero ? 'non-negative' : 'positive'} whole number, not "${text}"`,
    );
  }
  return value;
}

function parseOptions(argv: string[]): SeedLargeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string' },
      interactions: { type: 'string' },
      'small-workspaces': { type: 'string' },
      seed: { type: 'string' },
    },
    strict: true,
  });
  const customers = wholeNumber('customers', values.customers);
  const interactions = wholeNumber('interactions', values.interactions);
  if (customers === undefined || interactions === undefined) {
    throw new UsageError('--customers and --interactions are required');
  }
  return {
    customers,
    interactions,
    smallWorkspaces: wholeNumber('small-workspaces', values['small-workspaces'], true),
    seed: wholeNumber('seed', values.seed, true),
  };
}

/**
 * `npm run seed:large -- --customers 100000 --interactions 1000000`: the large benchmark workspace,
 * in the database the app uses (DATABASE_URL, else the embedded PostgreSQL in RAPPORT_DATA_DIR),
 * with the app's link secret (RAPPORT_SECRET, else the data directory's).
 */
async function main(): Promise<number> {
  let options: SeedLargeOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')))
      throw error;
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const config = loadConfigOrExit();
  const logger = createLogger(process.env.LOG_LEVEL ? config.logLevel : 'fatal');
  const linkSecret = config.linkSecret ?? (await dataDirLinkSecret(config.dataDir));
  const database = await openDatabase(config, logger);
  try {
    const result = await seedLarge(database.url, { ...options, linkSecret }, (line) =>
      console.log(`  ${line}`),
    );
    const signIn = `Sign in as ${LARGE_OWNER.email} / ${LARGE_OWNER.password}`;
    if (!result.created) {
      console.log(
        `The large workspace already exists (${result.customers.toLocaleString('en-US')} customers); nothing was changed.\n${signIn}`,
      );
      return 0;
    }
    const { summary } = result;
    const rows = Object.values(summary.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `\nSeeded ${rows.toLocaleString('en-US')} rows in ${(summary.totalMs / 1000).toFixed(1)} s ` +
        `(load ${(summary.loadMs / 1000).toFixed(1)} s, health refresh ${(summary.healthRefreshMs / 1000).toFixed(1)} s ` +
        `for ${summary.healthRefreshed.toLocaleString('en-US')} customers).\n${signIn}`,
    );
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? `seed:large failed: ${error.message}` : error);
    process.exit(1);
  },
);
