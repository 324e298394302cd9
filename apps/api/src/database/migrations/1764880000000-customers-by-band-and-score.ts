import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `customers_by_band` becomes the band's customers in score order. It was made for the health summary
 * and the band counts, which now read `customer_counts`, and no statement used it any more (0 scans
 * after a full benchmark), while every customer refresh wrote into it. A customers page filtered by
 * band and ordered by health had to walk the health index through the other bands instead: 21–129 ms
 * on a workspace of 100,000 customers (generic plan), 0.07 ms with this index, keyset pages included.
 */
export class CustomersByBandAndScore1764880000000 implements MigrationInterface {
  name = 'CustomersByBandAndScore1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index customers_by_band;
      create index customers_by_band on customers (workspace_id, status, health_band, health_score, id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index customers_by_band;
      create index customers_by_band on customers (workspace_id, status, health_band)
        include (health_score, next_check_in_due_at);
    `);
  }
}
