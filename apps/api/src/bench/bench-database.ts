import { join, resolve } from 'node:path';
import { startEmbeddedPostgres } from '../database/embedded';

export interface BenchDatabase {
  /** The owner's login. */
  url: string;
  /** The embedded cluster's directory (its processes' CPU is measured); null for DATABASE_URL. */
  clusterDir: string | null;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set, else an embedded PostgreSQL in RAPPORT_BENCH_DATA_DIR (default
 * `.rapport-bench` where npm was started), kept between runs so the large workspace is seeded once.
 * The embedded server loads pg_stat_statements, which counts the statements each request sends.
 */
export async function openBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, clusterDir: null, stop: async () => {} };
  const dataDir = resolve(env.INIT_CWD ?? process.cwd(), env.RAPPORT_BENCH_DATA_DIR ?? '.rapport-bench');
  const embedded = await startEmbeddedPostgres(
    dataDir,
    { debug: () => {}, warn: (message) => console.warn(message) },
    'rapport',
    { shared_preload_libraries: 'pg_stat_statements' },
  );
  return { url: embedded.url, clusterDir: join(dataDir, 'pg'), stop: () => embedded.stop() };
}
