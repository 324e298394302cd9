import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../database/embedded';

/** apps/api/dist/main.js, from dist/chaos (npm run chaos) and from src/chaos (tests) alike. */
const BUILT_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/**
 * The options `npm start` gives node (apps/api/package.json: `node [--option …] dist/main.js`), so the
 * app measured and tested here runs as it is deployed. Among them, the heap limit: without one, V8
 * on a machine with memory to spare let the heap grow to 330 MB under load; with it, it stays near
 * 175 MB (`npm run bench`).
 */
export function startScriptNodeArgs(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const options = /^node((?: --\S+)*) dist\/main\.js$/.exec(scripts.start)?.[1];
  if (options === undefined) throw new Error(`Unexpected start script: ${scripts.start}`);
  return options.split(' ').filter(Boolean);
}

export interface AppProcessOptions {
  logLevel?: string;
  /** RAPPORT_SECRET; a random one by default. */
  secret?: string;
  /** More environment, e.g. NODE_ENV. */
  env?: Record<string, string>;
  /** Options for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** A program node runs under, with its options (e.g. valgrind: see bench/instructions.ts). */
  runUnder?: string[];
  /** How long it may take to answer `/readyz`: 30 s by default. */
  readyWithinMs?: number;
}

/** The built app (`dist/main.js`) in a process of its own, as `npm start` runs it, on `databaseUrl`. */
export class AppProcess {
  readonly exited: Promise<number | null>;
  /** From spawning the process to its first 200 on `/readyz`. */
  startupMs = 0;

  private constructor(
    readonly child: ChildProcess,
    readonly base: string,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts it with its output in `logFile` and waits until `/readyz` answers 200. */
  static async start(
    databaseUrl: string,
    logFile: string,
    {
      logLevel = 'warn',
      secret = randomBytes(32).toString('hex'),
      env = {},
      nodeArgs = [],
      runUnder = [],
      readyWithinMs = 30_000,
    }: AppProcessOptions = {},
  ): Promise<AppProcess> {
    const port = await freePort();
    const spawned = performance.now();
    const [program = process.execPath, ...args] = [...runUnder, process.execPath];
    const child = spawn(program, [...args, ...startScriptNodeArgs(), ...nodeArgs, BUILT_MAIN], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        RAPPORT_SECRET: secret,
        LOG_LEVEL: logLevel,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = createWriteStream(logFile);
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    const app = new AppProcess(child, `http://127.0.0.1:${port}`, logFile);
    try {
      await app.untilReady(readyWithinMs);
      app.startupMs = performance.now() - spawned;
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return app;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends SIGTERM and waits for the exit code. */
  async stop(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }

  private async untilReady(withinMs: number): Promise<void> {
    for (const started = performance.now(); performance.now() - started < withinMs; ) {
      if (!this.running)
        throw new Error(`the app exited with ${this.child.exitCode} while starting (${this.logFile})`);
      const ready = await fetch(`${this.base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return;
      await sleep(10);
    }
    throw new Error(`the app did not become ready in ${withinMs / 1000} s (${this.logFile})`);
  }
}
