import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { type EmbeddedDatabase, freePort, startEmbeddedPostgres } from '../database/embedded';
import { ApiClient } from './api-client';
import { watchReadiness } from './readiness-watch';
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

function startApp(databaseUrl: string, port: number, logFile: string): ChildProcess {
  const app = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      RAPPORT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(logFile);
  app.stdout?.pipe(out);
  app.stderr?.pipe(out);
  return app;
}

async function waitUntilReady(base: string, app: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} while starting`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the app did not become ready in 30 s');
}

async function setUp(client: ApiClient): Promise<string[]> {
  await client.ok(
    `mutation($w: String!, $n: String!, $e: String!, $p: String!) {
      signUp(workspaceName: $w, name: $n, email: $e, password: $p) { member { id } } }`,
    { w: 'Chaos Bakery', n: 'Olive Owner', e: 'olive@chaos.example', p: 'correct horse battery' },
  );
  const ids: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const data = await client.ok(
      `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
      {
        input: { name: `Chaos customer ${i}` },
      },
    );
    ids.push(String(data.createCustomer?.id));
  }
  return ids;
}

/** What the database holds of the stream: rows per key, and whether each acknowledged id is the stored one. */
async function stored(databaseUrl: string, acknowledged: Map<string, string>) {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ key: string; n: number; id: string }>(
      `select idempotency_key as key, count(*)::int as n, min(id::text) as id
         from interactions where idempotency_key like 'chaos-%' group by 1`,
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return {
      rows: rows.reduce((sum, r) => sum + r.n, 0),
      storedAcknowledged: [...acknowledged].filter(([key, id]) => byKey.get(key)?.id === id).length,
      duplicates: rows.reduce((sum, r) => sum + r.n - 1, 0),
    };
  } finally {
    await db.end();
  }
}

async function stopApp(app: ChildProcess): Promise<number | null> {
  if (app.exitCode !== null) return app.exitCode;
  const exited = new Promise<number | null>((resolve) => app.once('exit', resolve));
  app.kill('SIGTERM');
  return exited;
}

async function main(): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-chaos-'));
  const logFile = join(dataDir, 'app.log');
  let database: EmbeddedDatabase | undefined;
  let app: ChildProcess | undefined;
  let passed = false;
  try {
    database = await startEmbeddedPostgres(dataDir, quiet, 'rapport');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    app = startApp(database.url, port, logFile);
    let appExited = false;
    app.once('exit', () => {
      appExited = true;
    });
    await waitUntilReady(base, app);
    const client = new ApiClient(base);
    const customerIds = await setUp(client);
    log(
      `${WRITES} writes by ${WRITERS} writers; the database crashes after ${Math.round(WRITES / 3)} for ${OUTAGE_MS} ms`,
    );

    const readiness = watchReadiness(base);
    let outage: Promise<{ down: number; up: number }> | undefined;
    const crashAndRestart = async (db: EmbeddedDatabase) => {
      await db.crash();
      const down = Date.now();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
      await db.restart();
      return { down, up: Date.now() };
    };
    const started = Date.now();
    const counts = await writeStream(client, {
      writes: WRITES,
      writers: WRITERS,
      customerIds,
      onAcknowledged: (n) => {
        if (!outage && database && n >= WRITES / 3) outage = crashAndRestart(database);
      },
    });
    const elapsed = Date.now() - started;
    const window = await outage;
    await new Promise((resolve) => setTimeout(resolve, 500));
    await readiness.stop();

    const result = await stored(database.url, counts.acknowledged);
    const notReady = readiness.changes.find((c) => !c.ready && window && c.at >= window.down);
    const readyAgain = readiness.changes.find((c) => c.ready && window && c.at >= window.up);
    const retries = [...counts.retries].map(([why, n]) => `${why} ${n}`).join(', ') || 'none';
    log(
      `acknowledged ${counts.acknowledged.size}, stored ${result.storedAcknowledged}, duplicates ${result.duplicates}`,
    );
    log(
      `rows with a chaos key ${result.rows}; abandoned keys ${counts.abandoned.length}; retries: ${retries}`,
    );
    log(
      `readyz: not ready ${notReady && window ? `${notReady.at - window.down} ms after the crash` : 'never seen'}, ` +
        `ready again ${readyAgain && window ? `${readyAgain.at - window.up} ms after the restart` : 'never seen'}; ` +
        `${Math.round((counts.acknowledged.size / elapsed) * 1000)} writes/s over ${(elapsed / 1000).toFixed(1)} s`,
    );
    for (const [message, n] of counts.refusals) log(`refused ${n}×: ${message}`);

    const failures = [
      counts.acknowledged.size !== WRITES && `${WRITES - counts.acknowledged.size} writes never acknowledged`,
      result.storedAcknowledged !== counts.acknowledged.size && 'an acknowledged write is missing',
      result.duplicates > 0 && 'a key is stored twice',
      counts.refusals.size > 0 && 'errors a client cannot retry (not 5xx) during the outage',
      appExited && 'the app died',
      !notReady && '/readyz never reported the outage',
      !readyAgain && '/readyz never reported ready again',
    ].filter(Boolean);
    const exitCode = await stopApp(app);
    if (exitCode !== 0) failures.push(`the app exited with ${exitCode} on SIGTERM`);
    for (const failure of failures) log(`FAIL: ${failure} (app log: ${logFile})`);
    passed = failures.length === 0;
    if (passed) log('PASS');
    return passed;
  } finally {
    if (app && app.exitCode === null) await stopApp(app);
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
