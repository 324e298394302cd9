import { createDataSource } from './data-source';

/** Any fixed number: every process that migrates this database takes the same lock. */
const MIGRATION_LOCK = 7_231_004;

/** Applies pending migrations, one process at a time, and returns the names it applied. */
export async function migrate(adminUrl: string): Promise<string[]> {
  const dataSource = createDataSource(adminUrl, 'admin', 2);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}
