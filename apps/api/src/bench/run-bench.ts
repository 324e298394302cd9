import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { Pool } from 'pg';
import { createApp, stopApp } from '../app';
import { AppProcess } from '../chaos/app-process';
import { loadConfig } from '../config/config';
import { appLoginRole, ensureAppLogin } from '../database/app-login';
import { APP_ROLE } from '../database/app-role';
import { freePort } from '../database/embedded';
import { createLogger } from '../logger';
import { CustomerStateService } from '../modules/relationship-health/customer-state.service';
import { openBenchDatabase } from './bench-database';
import { BENCH_SECRET, type LargeWorkspace, openLargeWorkspace, workspaceSize } from './large-workspace';
import { type Load, type LoadResult, type LoadSettings, runLoad, warmUp } from './load';
import {
  CUSTOMER_LIST,
  CUSTOMER_PAGE,
  DASHBOARD,
  HEALTH_SUMMARY,
  LOG_INTERACTION,
  logInteractionVariables,
  OVERDUE_LIST,
  SUBMIT_FEEDBACK,
} from './operations';
import { cpuWindow } from './process-cpu';
import { peakRssMb } from './process-memory';
import {
  type BenchResults,
  format,
  judge,
  type OperationResult,
  type WebResult,
  writeResults,
} from './report';
import { signIn } from './sign-in';
import { StatementCounter } from './sql-statements';

/**
 * `npm run bench`: the budgets of the large workspace, measured. Seeds it once (seed:large), times
 * the scheduled health refresh over every customer, starts the built app and, beside it, the bare
 * http + pg baseline, loads each with autocannon, measures the web client, prints a table and writes
 * bench/results.json. Exits 1 when a budget is missed. See docs/performance.md.
 */
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const RESULTS_FILE = join(ROOT, 'bench', 'results.json');
const WEB_BUDGETS = join(ROOT, 'apps', 'web', 'perf', 'web-budgets.mjs');

const settings: LoadSettings = {
  connections: Number(process.env.BENCH_CONNECTIONS ?? 8),
  warmupSeconds: Number(process.env.BENCH_WARMUP_SECONDS ?? 3),
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
};

/** How long each read runs unmeasured once both servers have started (see measureOperations). */
const WARM_UP_SECONDS = Number(process.env.BENCH_SERVER_WARMUP_SECONDS ?? 5);

/** A part of the operations by name (e.g. `BENCH_ONLY=list`): a quick look, nothing else, nothing written. */
const ONLY = process.env.BENCH_ONLY?.toLowerCase();

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/** One request of the load, answered 2xx without GraphQL errors (else the run stops): its JSON. */
async function check(name: string, load: Load): Promise<unknown> {
  const res = await fetch(load.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...load.headers, ...load.headersPerRequest?.() },
    body: load.body(),
  });
  const text = await res.text();
  if (!res.ok || text.includes('"errors"'))
    throw new Error(`${name} answers ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * A baseline is a ceiling only if it does the API's work: the page it answers must be the API's, to
 * the last field. Asked up to three times, as an overdue page changes when a due time passes.
 */
async function expectSameAnswer(name: string, baseline: Load, api: Load): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const [bare, app] = await Promise.all([
      check(`${name} (baseline)`, baseline),
      check(`${name} (api)`, api),
    ]);
    if (isDeepStrictEqual(bare, app)) return;
    if (attempt === 3)
      throw new Error(
        `${name}: the baseline answers ${JSON.stringify(bare).slice(0, 300)}…, the API ${JSON.stringify(app).slice(0, 300)}…`,
      );
  }
}

/** The health pass the scheduler runs, over every customer (all made stale), in this process. */
async function timeHealthRefresh(url: string, secret: string): Promise<BenchResults['refresh']> {
  const config = loadConfig({ LOG_LEVEL: 'silent', RAPPORT_SECRET: secret });
  const app = await createApp(config, url, createLogger('silent'));
  try {
    const start = performance.now();
    const customers = await app.get(CustomerStateService).refreshStale(new Date());
    return { customers, seconds: (performance.now() - start) / 1000 };
  } finally {
    await stopApp(app);
  }
}

async function startBaseline(appLoginUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(__dirname, 'baseline-server.js')], {
    env: { ...process.env, DATABASE_URL: appLoginUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.stdout) await once(child.stdout, 'data');
  return { child, url: `http://127.0.0.1:${port}/graphql` };
}

interface WebBudgetsReport {
  initialJs: { gzipBytes: number; routes: Record<string, { gzipBytes: number }> };
  lighthouse: { mobile: WebResult['lighthouse'] };
}

/**
 * Lighthouse runs per page, the run with the median score reported: its scores of one build spread by
 * 15 points here (the dashboard: 70–87 in one session); Lighthouse's variability guide advises five.
 */
const LIGHTHOUSE_RUNS = 5;

/** The web client's budgets, from apps/web/perf/web-budgets.mjs against the running app. */
async function measureWeb(base: string, cookie: string, feedbackPath: string): Promise<WebResult> {
  const args = [
    '--json',
    '--runs',
    String(LIGHTHOUSE_RUNS),
    '--dist',
    join(ROOT, 'apps', 'web', 'dist'),
    '--base',
    base,
  ];
  const child = spawn(
    process.execPath,
    [WEB_BUDGETS, ...args, '--cookie', cookie, '--feedback-path', feedbackPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`web-budgets.mjs exited with ${code}`);
  const report = JSON.parse(out) as WebBudgetsReport;
  return {
    initialJsGzipBytes: report.initialJs.gzipBytes,
    largestRouteGzipBytes: Math.max(...Object.values(report.initialJs.routes).map((r) => r.gzipBytes)),
    lighthouse: report.lighthouse.mobile,
  };
}

async function measureOperations(
  app: AppProcess,
  baseline: { child: ChildProcess; url: string },
  clusterDir: string | null,
  workspace: LargeWorkspace,
  cookie: string,
  counter: StatementCounter | null,
): Promise<OperationResult[]> {
  const api = `${app.base}/graphql`;
  const asOwner = { cookie };
  const gql = (query: string, variables?: () => Record<string, unknown>) => () =>
    JSON.stringify({ query, variables: variables?.() });
  let sent = 0;
  let answers = 0;
  // A new contact each time, with its own key (the baseline writes the same, with the app's statements).
  const logInteraction = gql(LOG_INTERACTION, () =>
    logInteractionVariables(pick(workspace.customerIds), ++sent),
  );
  // The customers pages, each answered by the baseline and by the API.
  const pages = (
    [
      ['customer list', CUSTOMER_LIST],
      ['customer list, overdue', OVERDUE_LIST],
    ] as const
  ).map(([operation, query]) => ({
    operation,
    baseline: { url: baseline.url, headers: asOwner, body: gql(query) },
    api: { url: api, headers: asOwner, body: gql(query) },
  }));
  for (const page of pages) {
    if (!ONLY || page.operation.toLowerCase().includes(ONLY))
      await expectSameAnswer(page.operation, page.baseline, page.api);
  }
  const customerPage = {
    url: api,
    headers: asOwner,
    body: gql(CUSTOMER_PAGE, () => ({ id: pick(workspace.customerIds) })),
  };
  const dashboard = { url: api, headers: asOwner, body: gql(DASHBOARD) };
  // A server that has been serving is warm: its code optimised, its startup garbage collected. Measured
  // first after a start, an operation ran at three quarters of the rate it ran at when measured after
  // another, so every read runs unmeasured first, on both servers, whichever operations are measured.
  for (const load of [...pages.flatMap((page) => [page.baseline, page.api]), customerPage, dashboard])
    await warmUp(load, settings, WARM_UP_SECONDS);
  const loads: [string, 'api' | 'baseline', Load][] = [
    ...pages.flatMap(({ operation, ...load }): [string, 'api' | 'baseline', Load][] => [
      [operation, 'baseline', load.baseline],
      [operation, 'api', load.api],
    ]),
    ['customer page', 'api', customerPage],
    ['dashboard', 'api', dashboard],
    ['logInteraction', 'baseline', { url: baseline.url, headers: asOwner, body: logInteraction }],
    ['logInteraction', 'api', { url: api, headers: asOwner, body: logInteraction }],
    [
      'submitFeedback (public)',
      'api',
      {
        url: api,
        body: gql(SUBMIT_FEEDBACK, () => ({
          token: workspace.nextFeedbackToken(),
          input: { score: 4, comment: null },
        })),
        // Customers answer from their own phones: one address each (the app trusts the loopback proxy).
        headersPerRequest: () => {
          answers++;
          return {
            'x-forwarded-for': `10.${(answers >> 16) & 255}.${(answers >> 8) & 255}.${answers & 255}`,
          };
        },
      },
    ],
  ];
  const results: OperationResult[] = [];
  for (const [operation, server, load] of loads) {
    if (ONLY && !operation.toLowerCase().includes(ONLY)) continue;
    await check(`${operation} (${server})`, load);
    let cpu: ReturnType<typeof cpuWindow> | undefined;
    const result = await runLoad(load, settings, async () => {
      await counter?.reset();
      cpu = cpuWindow((server === 'api' ? app.child : baseline.child).pid, clusterDir);
    });
    const cpuPerRequest = cpu?.end(result.requests) ?? { serverMs: null, postgresMs: null };
    const statements = (await counter?.perRequest(result.requests)) ?? null;
    results.push({ operation, server, load: result, statements, cpu: cpuPerRequest });
    const peak = app.child.pid ? peakRssMb(app.child.pid) : null;
    console.log(
      `${operation} (${server}): ${result.requestsPerSecond.toFixed(0)} req/s, p95 ${result.p95.toFixed(1)} ms` +
        (statements ? `, ${statements.queries.toFixed(2)} statements/request` : '') +
        (cpuPerRequest.serverMs !== null ? `, CPU/request ${cpuPerRequest.serverMs.toFixed(2)} ms` : '') +
        (cpuPerRequest.postgresMs !== null ? ` + PostgreSQL ${cpuPerRequest.postgresMs.toFixed(2)} ms` : '') +
        (peak ? `; API peak RSS so far ${peak.toFixed(0)} MB` : ''),
    );
  }
  return results;
}

/** Runs the benchmark; answers whether every budget was met (a partial run judges none). */
async function main(): Promise<boolean> {
  const database = await openBenchDatabase();
  const admin = new Pool({ connectionString: database.url, max: 2 });
  const children: ChildProcess[] = [];
  let app: AppProcess | undefined;
  try {
    const secret = BENCH_SECRET;
    const workspace = await openLargeWorkspace(database.url, workspaceSize(), secret);
    console.log(`large workspace: ${workspace.customers} customers, ${workspace.interactions} interactions`);

    const refresh = ONLY ? null : await timeHealthRefresh(database.url, secret);
    if (refresh)
      console.log(`health refresh: ${refresh.customers} customers in ${refresh.seconds.toFixed(1)} s`);

    // Steady state: a live database's autovacuum has long caught up with the bulk load and the pass.
    await admin.query('vacuum (analyze)');

    const logDir = await mkdtemp(join(tmpdir(), 'rapport-bench-'));
    app = await AppProcess.start(database.url, join(logDir, 'app.log'), {
      secret,
      // Behind a proxy on loopback, as in production: per-address limits see each client's address.
      env: { NODE_ENV: 'production', TRUST_PROXY: 'loopback' },
      // BENCH_PROFILE=<dir>: a CPU profile of the app (open it in Chrome's DevTools).
      nodeArgs: process.env.BENCH_PROFILE
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
        : [],
    });
    console.log(`app ready in ${(app.startupMs / 1000).toFixed(2)} s (log: ${app.logFile})`);
    const baseline = await startBaseline(await ensureAppLogin(database.url, secret));
    children.push(baseline.child);

    const { rows } = await admin.query<{ db: string; version: string }>(
      `select current_database() as db, current_setting('server_version') as version`,
    );
    const counter = await StatementCounter.open(admin, [appLoginRole(String(rows[0]?.db)), APP_ROLE]);
    const cookie = await signIn(app.base, workspace.owner.email, workspace.owner.password);

    const operations = await measureOperations(
      app,
      baseline,
      database.clusterDir,
      workspace,
      cookie,
      counter,
    );
    if (!refresh) return true; // a partial run (BENCH_ONLY)
    const healthSummary: LoadResult = await runLoad(
      {
        url: `${app.base}/graphql`,
        headers: { cookie },
        body: () => JSON.stringify({ query: HEALTH_SUMMARY }),
      },
      { connections: 1, warmupSeconds: 1, seconds: 5 },
    );
    const peak = app.child.pid ? peakRssMb(app.child.pid) : null;
    const web = await measureWeb(app.base, cookie, `/f/${workspace.nextFeedbackToken()}`);

    const measured = {
      ranAt: new Date().toISOString(),
      machine: { cpus: cpus().length, node: process.version, postgres: String(rows[0]?.version) },
      workspace: { customers: workspace.customers, interactions: workspace.interactions },
      settings,
      operations,
      healthSummary,
      refresh,
      coldStartSeconds: app.startupMs / 1000,
      peakRssMb: peak,
      web,
    };
    const results: BenchResults = { ...measured, budgets: judge(measured) };
    console.log(`\n${format(results)}\n`);
    await writeResults(RESULTS_FILE, results);
    console.log(`written to ${RESULTS_FILE}`);
    return results.budgets.every((b) => b.met);
  } finally {
    // The baseline ends its pool on SIGTERM: it must be gone before the database stops, or its idle
    // connections fail with an unhandled error after the results (5 s at most: never a hung run).
    const exits = children.map((child) => (child.exitCode === null ? once(child, 'exit') : null));
    for (const child of children) child.kill('SIGTERM');
    await Promise.race([Promise.all(exits), sleep(5000, undefined, { ref: false })]);
    await app?.stop();
    await admin.end();
    await database.stop();
  }
}

// Exits explicitly: a budget missed must fail the command, whatever the children's exits left in
// process.exitCode (it read 0 after a run with missed budgets).
main().then(
  (met) => process.exit(met ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
