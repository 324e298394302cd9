import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version on customers and friction points, raised by every edit (not by the health refresh), so
 * an update made from a stale form is refused instead of overwriting someone else's change.
 */
export class Versions1764650000000 implements MigrationInterface {
  name = 'Versions1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table customers add column version int not null default 1;
      alter table friction_points add column version int not null default 1;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table customers drop column version;
      alter table friction_points drop column version;
    `);
  }
}
