import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from '../chaos/app-process';
import { refreshHealthAsTheAppDoes } from '../seed-large/seed-large';
import { openBenchDatabase } from './bench-database';
import { BENCH_SECRET, openLargeWorkspace, workspaceSize } from './large-workspace';
import { type Load, sendTimes } from './load';
import { CUSTOMER_LIST, LOG_INTERACTION, logInteractionVariables } from './operations';
import { signIn } from './sign-in';

/**
 * `npm run bench:instructions`: the built app's user-space instructions per request, counted by
 * valgrind's callgrind, for comparing two builds. Requests a second and CPU time move with this
 * machine's speed (by a quarter within an hour); the count does not, though it moves with which
 * functions V8 has optimised while counting (one build's write: 2.5–3.4 M in eight runs), so compare
 * several runs of each build. V8 runs `--predictable` (its collector and compilers on the main
 * thread, on no clock), the requests go out in the same order to the same customers, only requests
 * after a warm-up are counted, and the scheduled health pass runs just before the app starts (so it
 * is not due during the count). The warm-up is long (3,000 requests): with V8's optimising compiler
 * on the main thread, after 300 requests half of a write's count was still compilation (8.7 M
 * instructions a write, against 3.8 M after 3,000). Only the main thread's instructions are counted,
 * not libuv's pool, where the work of a connection's password exchange, say, lands at times of its
 * own. What it misses: the kernel's work (system calls), PostgreSQL, and waiting; what it includes
 * beyond requests: the app's timers (pg-boss's polling, about 3 million instructions a second, some
 * 0.3 million per request at valgrind's pace).
 */
const WARM_UP = Number(process.env.BENCH_WARMUP_REQUESTS ?? 3000);
const COUNTED = Number(process.env.BENCH_REQUESTS ?? 400);
const CONNECTIONS = 4;

/** The same customers in the same order on every run (mulberry32). */
function seededPick<T>(items: readonly T[], seed: number): () => T {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return items[Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * items.length)] as T;
  };
}

const callgrindControl = (command: string, pid: number) =>
  execFileSync('callgrind_control', [command, String(pid)], { stdio: 'ignore' });

/** Main-thread instructions callgrind has counted since it was last zeroed, from the dump this asks for. */
async function dumpedInstructions(pid: number, dir: string): Promise<number> {
  callgrindControl('--dump', pid);
  // Each dump is a file per thread: callgrind.out.1-01 (the main thread), .1-02, …, then .2-01, …
  const dumps = (await readdir(dir))
    .map((f) => /^callgrind\.out\.(\d+)-01$/.exec(f))
    .filter((m) => m !== null);
  const latest = dumps.sort((a, b) => Number(b[1]) - Number(a[1]))[0]?.[0];
  const totals = latest && /^(?:summary|totals): (\d+)/m.exec(await readFile(join(dir, latest), 'utf8'));
  if (!totals) throw new Error(`no callgrind dump in ${dir}`);
  return Number(totals[1]);
}

async function main(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0)
    throw new Error('valgrind is needed (Debian: apt-get install valgrind)');
  const only = process.env.BENCH_ONLY?.toLowerCase();
  const database = await openBenchDatabase();
  try {
    const workspace = await openLargeWorkspace(database.url, workspaceSize(), BENCH_SECRET);
    // The app's scheduled pass, due an hour after the last, would otherwise run during the count.
    await refreshHealthAsTheAppDoes(database.url, BENCH_SECRET);
    const dir = await mkdtemp(join(tmpdir(), 'rapport-instructions-'));
    const app = await AppProcess.start(database.url, join(dir, 'app.log'), {
      secret: BENCH_SECRET,
      env: { NODE_ENV: 'production', TRUST_PROXY: 'loopback' },
      nodeArgs: ['--predictable'],
      runUnder: [
        'valgrind',
        '--tool=callgrind',
        '--separate-threads=yes',
        // Instrumented only while counting: the warm-up runs some five times faster uninstrumented.
        '--instr-atstart=no',
        // Not V8's optimising compiler: on the main thread here (--predictable), in production on a
        // thread of its own; when it runs depends on timing (counts of one build differed by a quarter).
        '--toggle-collect=v8::internal::Runtime_CompileOptimized(*',
        '--collect-atstart=yes', // a toggle would otherwise start collection off
        `--callgrind-out-file=${join(dir, 'callgrind.out')}`,
      ],
      readyWithinMs: 10 * 60_000,
    });
    const pid = app.child.pid as number;
    try {
      const cookie = await signIn(app.base, workspace.owner.email, workspace.owner.password);
      const customer = seededPick(workspace.customerIds, Number(process.env.BENCH_SEED ?? 1));
      let sent = 0;
      const gql = (query: string, variables?: () => unknown): Load => ({
        url: `${app.base}/graphql`,
        headers: { cookie },
        body: () => JSON.stringify({ query, variables: variables?.() }),
      });
      const operations: [string, Load][] = [
        ['logInteraction', gql(LOG_INTERACTION, () => logInteractionVariables(customer(), ++sent))],
        ['customer list', gql(CUSTOMER_LIST)],
      ];
      for (const [operation, load] of operations) {
        if (only && !operation.toLowerCase().includes(only)) continue;
        await sendTimes(load, CONNECTIONS, WARM_UP);
        callgrindControl('--instr=on', pid);
        callgrindControl('--zero', pid);
        const counted = await sendTimes(load, CONNECTIONS, COUNTED);
        const instructions = await dumpedInstructions(pid, dir);
        callgrindControl('--instr=off', pid);
        if (counted.failures > 0) throw new Error(`${operation}: ${counted.failures} requests failed`);
        console.log(
          `${operation}: ${(instructions / counted.requests / 1e6).toFixed(3)} M instructions per request ` +
            `(${counted.requests} requests after ${WARM_UP}, ${CONNECTIONS} connections)`,
        );
      }
    } finally {
      app.child.kill('SIGKILL');
      await app.exited;
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
