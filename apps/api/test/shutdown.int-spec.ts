import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient, signUpWithCustomers } from '../src/chaos/api-client';
import { AppProcess } from '../src/chaos/app-process';
import { storedWrites } from '../src/chaos/stored-writes';
import { writeStream } from '../src/chaos/write-stream';
import { createTestDatabase, type TestDatabase } from './support/harness';

// The built app in its own process (dist/main.js, as `npm start` runs it), stopped with signals.

let database: TestDatabase;
let logDir: string;
beforeEach(async () => {
  database = await createTestDatabase();
  logDir = await mkdtemp(join(tmpdir(), 'rapport-shutdown-'));
});
afterEach(async () => {
  await database.drop();
  await rm(logDir, { recursive: true, force: true });
});

const start = () => AppProcess.start(database.url, join(logDir, 'app.log'), { logLevel: 'info' });
const logLines = (app: AppProcess) =>
  readFileSync(app.logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { level: number; msg: string });

/** A request whose body never arrives: in flight until the process ends. */
async function hangingRequest(app: AppProcess): Promise<void> {
  const { port } = new URL(app.base);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.on('error', () => {});
  socket.write(
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
  );
  await sleep(100);
}

describe('SIGTERM', () => {
  it('under load: requests in flight finish, new ones are refused, nothing acknowledged is lost, exit 0', async () => {
    const app = await start();
    const client = new ApiClient(app.base);
    const customerIds = await signUpWithCustomers(client, 5);
    let signalledAt = 0;
    const stream = writeStream(client, {
      writes: 1_000_000,
      writers: 8,
      customerIds,
      giveUpAfterMs: 0,
      until: () => !app.running,
      onAcknowledged: (n) => {
        if (n === 200) {
          signalledAt = Date.now();
          app.child.kill('SIGTERM');
        }
      },
    });
    const exitCode = await app.exited;
    const stoppedIn = Date.now() - signalledAt;
    const counts = await stream;

    expect(exitCode).toBe(0);
    expect(stoppedIn).toBeLessThan(10_000);
    expect(counts.acknowledged.size).toBeGreaterThanOrEqual(200);
    // Writers that kept sending after the signal were turned away, not left without an answer.
    expect(counts.retries.get('network')).toBeGreaterThan(0);
    expect(counts.refusals.size).toBe(0);
    const stored = await storedWrites(database.url, counts.acknowledged);
    // Every write that reached the database was answered: none was cut off in flight.
    expect(stored).toEqual({
      rows: counts.acknowledged.size,
      storedAcknowledged: counts.acknowledged.size,
      duplicates: 0,
    });
    const lines = logLines(app);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']));
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });

  it('a second one ends the process at once, however busy', async () => {
    const app = await start();
    await hangingRequest(app);
    app.child.kill('SIGTERM');
    await sleep(300);
    expect(app.running).toBe(true);
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(Date.now() - signalledAt).toBeLessThan(2_000);
    expect(logLines(app).map((l) => l.msg)).toContain('stopping now, without waiting for requests in flight');
  });

  it('ends the process after 10 seconds when a request never finishes', async () => {
    const app = await start();
    await hangingRequest(app);
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(1);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(10_000);
    expect(Date.now() - signalledAt).toBeLessThan(13_000);
  }, 20_000);
});
