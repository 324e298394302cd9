import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scheduled health pass keeps its clock per workspace (`workspace_directory.health_refreshed_at`)
 * instead of per customer, and writes a customer only when its derived state changed. It used to
 * rewrite every customer row (and its snapshot) each hour just to advance `health_as_of`: for 100,000
 * customers that is 100,000 new row versions an hour, index churn, and pages that are never
 * all-visible, so every count over customers had to visit the heap. `health_as_of` now says what
 * instant the stored health was computed for, which stays true when a later pass finds it unchanged.
 */
export class HealthPassPerWorkspace1764820000000 implements MigrationInterface {
  name = 'HealthPassPerWorkspace1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table workspace_directory add column health_refreshed_at timestamptz;
      drop index customers_health_age;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create index customers_health_age on customers (workspace_id, health_as_of nulls first);
      alter table workspace_directory drop column health_refreshed_at;
    `);
  }
}
