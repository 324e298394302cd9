import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LoadResult, LoadSettings } from './load';
import type { CpuPerRequest } from './process-cpu';
import type { StatementCount } from './sql-statements';

export interface OperationResult {
  operation: string;
  /** `api`: the built app; `baseline`: the bare http + pg server. */
  server: 'api' | 'baseline';
  load: LoadResult;
  statements: StatementCount | null;
  /** CPU per request in the measured window: the server under load's, and PostgreSQL's. */
  cpu: CpuPerRequest;
}

/** What apps/web/perf/web-budgets.mjs measured (Lighthouse 0–100: the default mobile preset, median of runs). */
export interface WebResult {
  /** The JavaScript index.html loads, gzipped. */
  initialJsGzipBytes: number;
  /** The most any one route needs before it renders (initial JS and the route's own chunks). */
  largestRouteGzipBytes: number;
  lighthouse: Record<
    string,
    { score: number; fcpMs: number; lcpMs: number; tbtMs: number; cls: number; scores?: number[] }
  >;
}

export interface BenchResults {
  ranAt: string;
  machine: { cpus: number; node: string; postgres: string };
  workspace: { customers: number; interactions: number };
  settings: LoadSettings;
  operations: OperationResult[];
  healthSummary: LoadResult;
  refresh: { customers: number; seconds: number };
  coldStartSeconds: number;
  peakRssMb: number | null;
  web: WebResult;
  budgets: Budget[];
}

export interface Budget {
  budget: string;
  measured: string;
  met: boolean;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Every budget of the issue, judged from the results. */
export function judge(results: Omit<BenchResults, 'budgets'>): Budget[] {
  const op = (operation: string, server: 'api' | 'baseline' = 'api') =>
    results.operations.find((o) => o.operation === operation && o.server === server);
  const budgets: Budget[] = [];
  const add = (budget: string, measured: string, met: boolean) => budgets.push({ budget, measured, met });
  for (const name of ['customer list', 'customer list, overdue']) {
    const result = op(name);
    if (!result) continue;
    const baseline = op(name, 'baseline');
    add(`${name}: p95 ≤ 50 ms`, ms(result.load.p95), result.load.p95 <= 50);
    if (baseline) {
      const share = result.load.requestsPerSecond / baseline.load.requestsPerSecond;
      add(`${name}: ≥ 50 % of the baseline's req/s`, `${(share * 100).toFixed(0)} %`, share >= 0.5);
    }
    const statements = result.statements?.queries;
    add(
      `${name}: ≤ 4 SQL statements per request`,
      statements === undefined ? 'not counted' : statements.toFixed(2),
      statements !== undefined && statements <= 4,
    );
  }
  for (const name of ['customer page', 'dashboard']) {
    const result = op(name);
    if (result) add(`${name}: p95 ≤ 100 ms`, ms(result.load.p95), result.load.p95 <= 100);
  }
  const log = op('logInteraction');
  if (log) {
    // The bare write beside it: the ceiling for this write on this machine, which the budget is not.
    const bare = op('logInteraction', 'baseline');
    add(
      'logInteraction: ≥ 500 req/s',
      log.load.requestsPerSecond.toFixed(0) +
        (bare ? ` (baseline ${bare.load.requestsPerSecond.toFixed(0)}, p99 ${ms(bare.load.p99)})` : ''),
      log.load.requestsPerSecond >= 500,
    );
    add('logInteraction: p99 ≤ 50 ms', ms(log.load.p99), log.load.p99 <= 50);
  }
  for (const result of results.operations) {
    if (result.load.failures > 0)
      add(`${result.operation} (${result.server}): no failures`, `${result.load.failures}`, false);
  }
  add('health summary: ≤ 200 ms (p95)', ms(results.healthSummary.p95), results.healthSummary.p95 <= 200);
  add(
    `health refresh of ${results.refresh.customers} customers: ≤ 60 s`,
    `${results.refresh.seconds.toFixed(1)} s`,
    results.refresh.seconds <= 60,
  );
  add(
    'API peak RSS under load: ≤ 300 MB',
    results.peakRssMb === null ? 'not measured' : `${results.peakRssMb.toFixed(0)} MB`,
    results.peakRssMb !== null && results.peakRssMb <= 300,
  );
  add('cold start: ≤ 10 s', `${results.coldStartSeconds.toFixed(2)} s`, results.coldStartSeconds <= 10);
  const kb = results.web.initialJsGzipBytes / 1024;
  const routeKb = results.web.largestRouteGzipBytes / 1024;
  add('web initial JS: ≤ 250 KB gzipped', `${kb.toFixed(0)} KB`, kb <= 250);
  add('web JS before any route renders: ≤ 250 KB gzipped', `${routeKb.toFixed(0)} KB`, routeKb <= 250);
  for (const [page, { score, fcpMs, lcpMs, tbtMs, cls, scores }] of Object.entries(results.web.lighthouse)) {
    add(
      `Lighthouse performance (mobile), ${page}: ≥ 90`,
      `${score} (FCP ${fcpMs.toFixed(0)} ms, LCP ${lcpMs.toFixed(0)} ms, TBT ${tbtMs.toFixed(0)} ms, CLS ${cls.toFixed(2)}` +
        `${scores ? `; runs ${scores.join(', ')}` : ''})`,
      score >= 90,
    );
  }
  return budgets;
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 1) => value.toFixed(digits).padStart(8);

/** The table the benchmark prints. */
export function format(results: BenchResults): string {
  const lines = [
    `Rapport benchmark, ${results.ranAt}: ${results.machine.cpus} CPUs, Node ${results.machine.node}, PostgreSQL ${results.machine.postgres}`,
    `Large workspace: ${results.workspace.customers} customers, ${results.workspace.interactions} interactions. ` +
      `${results.settings.connections} connections, ${results.settings.warmupSeconds} s warm-up, ${results.settings.seconds} s measured.`,
    '',
    `${pad('operation', 26)}${pad('server', 10)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'SQL/req'.padStart(9)}${'+tx/req'.padStart(9)}${'cpu ms'.padStart(8)}${'pg ms'.padStart(8)}${'failed'.padStart(8)}`,
  ];
  const optional = (value: number | null | undefined, width: number) =>
    (value === null || value === undefined ? '–' : value.toFixed(2)).padStart(width);
  for (const { operation, server, load, statements, cpu } of results.operations) {
    lines.push(
      `${pad(operation, 26)}${pad(server, 10)}${num(load.requestsPerSecond, 0)}${num(load.p50)}${num(load.p95)}${num(load.p99)}` +
        `${optional(statements?.queries, 9)}${optional(statements?.transactionControl, 9)}` +
        `${optional(cpu.serverMs, 8)}${optional(cpu.postgresMs, 8)}${String(load.failures).padStart(8)}`,
    );
  }
  lines.push('', 'Budgets:');
  for (const { budget, measured, met } of results.budgets) {
    lines.push(`  ${met ? 'met   ' : 'MISSED'}  ${pad(budget, 52)} ${measured}`);
  }
  return lines.join('\n');
}

export async function writeResults(file: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}
