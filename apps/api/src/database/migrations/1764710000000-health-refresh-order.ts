import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheduled health pass takes stale customers oldest first, never-computed (null) first of all:
 * `order by health_as_of nulls first limit 500`. The index it had sorts nulls last, so each batch
 * gathered and sorted every stale customer of the workspace to keep 500 — quadratic in the number of
 * stale customers (100k after a bulk load). Sorted nulls first, the index hands them over in order and
 * the scan stops after 500. Replaced, not added: every refresh updates this column.
 */
export class HealthRefreshOrder1764710000000 implements MigrationInterface {
  name = 'HealthRefreshOrder1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index customers_health_age;
      create index customers_health_age on customers (workspace_id, health_as_of nulls first);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index customers_health_age;
      create index customers_health_age on customers (workspace_id, health_as_of);
    `);
  }
}
