import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../database/embedded';
import { ApiClient, signUpWithCustomers } from './api-client';
import { AppProcess } from './app-process';
import { watchReadiness } from './readiness-watch';
import { storedWrites } from './stored-writes';
import { writeStream } from './write-stream';

/**
 * `npm run chaos`: the built app, in its own process, on an embedded PostgreSQL that is crashed
 * (SIGQUIT, as `pg_ctl stop -m immediate`) and started again while a stream of idempotent
 * `logInteraction` calls runs. Afterwards every acknowledged write must be stored exactly once, the
 * app must never have died, and `/readyz` must have said so during the outage. Prints the counts;
 * exits 1 on any failure. `--short` is the version CI runs.
 */
const { values: args } = parseArgs({
  options: {
    writes: { type: 'string' },
    writers: { type: 'string', default: '8' },
    'outage-ms': { type: 'string' },
    short: { type: 'boolean', default: false },
  },
});
const WRITES = Number(args.writes ?? (args.short ? 600 : 5_000));
const WRITERS = Number(args.writers);
const OUTAGE_MS = Number(args['outage-ms'] ?? (args.short ? 1_500 : 3_000));
const CUSTOMERS = 20;

const log = (line: string) => console.log(`[chaos] ${line}`);
const quiet = { debug() {}, warn() {} };

/** Crashes the database, leaves it down for OUTAGE_MS, starts it again; answers when each happened. */
async function outage(database: EmbeddedDatabase): Promise<{ down: number; up: number }> {
  const down = Date.now();
  await database.crash();
  await sleep(OUTAGE_MS);
  await database.restart();
  return { down, up: Date.now() };
}

/** Runs the stream across an outage; answers the failures found (none: passed). */
async function run(database: EmbeddedDatabase, app: AppProcess): Promise<string[]> {
  const client = new ApiClient(app.base);
  const customerIds = await signUpWithCustomers(client, CUSTOMERS);
  log(
    `${WRITES} writes by ${WRITERS} writers; the database crashes after ${Math.round(WRITES / 3)} for ${OUTAGE_MS} ms`,
  );

  const readiness = watchReadiness(app.base);
  let crashed: Promise<{ down: number; up: number }> | undefined;
  const started = Date.now();
  const counts = await writeStream(client, {
    writes: WRITES,
    writers: WRITERS,
    customerIds,
    onAcknowledged: (n) => {
      if (!crashed && n >= WRITES / 3) crashed = outage(database);
    },
  });
  const elapsed = Date.now() - started;
  const window = await crashed;
  await sleep(500);
  await readiness.stop();

  const stored = await storedWrites(database.url, counts.acknowledged);
  const notReady = window && readiness.changes.find((c) => !c.ready && c.at >= window.down);
  const readyAgain = window && readiness.changes.find((c) => c.ready && c.at >= window.up);
  const retries = [...counts.retries].map(([why, n]) => `${why} ${n}`).join(', ') || 'none';
  log(
    `acknowledged ${counts.acknowledged.size}, stored ${stored.storedAcknowledged}, duplicates ${stored.duplicates}`,
  );
  log(
    `rows with a stream key ${stored.rows}; abandoned keys ${counts.abandoned.length}; retries: ${retries}`,
  );
  log(
    `readyz: not ready ${notReady && window ? `${notReady.at - window.down} ms after the crash` : 'never seen'}, ` +
      `ready again ${readyAgain && window ? `${readyAgain.at - window.up} ms after the restart` : 'never seen'}; ` +
      `${Math.round((counts.acknowledged.size / elapsed) * 1000)} writes/s over ${(elapsed / 1000).toFixed(1)} s`,
  );
  for (const [message, n] of counts.refusals) log(`refused ${n}×: ${message}`);

  const appDied = !app.running;
  const exitCode = await app.stop();
  return [
    counts.acknowledged.size !== WRITES && `${WRITES - counts.acknowledged.size} writes never acknowledged`,
    stored.storedAcknowledged !== counts.acknowledged.size && 'an acknowledged write is missing',
    stored.duplicates > 0 && 'a key is stored twice',
    counts.refusals.size > 0 && 'errors a client cannot retry (not 5xx) during the outage',
    appDied && 'the app died',
    !notReady && '/readyz never reported the outage',
    !readyAgain && '/readyz never reported ready again',
    !appDied && exitCode !== 0 && `the app exited with ${exitCode} on SIGTERM`,
  ].filter((failure): failure is string => typeof failure === 'string');
}

async function main(): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-chaos-'));
  const logFile = join(dataDir, 'app.log');
  let database: EmbeddedDatabase | undefined;
  let app: AppProcess | undefined;
  let passed = false;
  try {
    database = await startEmbeddedPostgres(dataDir, quiet, 'rapport');
    app = await AppProcess.start(database.url, logFile);
    const failures = await run(database, app);
    for (const failure of failures) log(`FAIL: ${failure} (app log: ${logFile})`);
    passed = failures.length === 0;
    if (passed) log('PASS');
    return passed;
  } finally {
    await app?.stop();
    await database?.stop();
    if (passed && !process.env.CHAOS_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(`[chaos] could not run: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
