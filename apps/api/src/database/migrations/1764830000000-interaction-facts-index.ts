import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Health reads a customer's interactions through (workspace_id, customer_id, occurred_at, id) and
 * needs only their purpose and sentiment besides (health-facts.ts). Carrying those two in the index
 * lets every part of that query be an index-only scan: a customer's interactions are spread over the
 * table's pages in the order they were logged, one page visit each otherwise. With 100,000 customers
 * and a million interactions, one batch of 500 customers went from 38 ms to 8 ms (EXPLAIN ANALYZE).
 */
export class InteractionFactsIndex1764830000000 implements MigrationInterface {
  name = 'InteractionFactsIndex1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index interactions_by_customer;
      create index interactions_by_customer on interactions (workspace_id, customer_id, occurred_at desc, id desc)
        include (purpose, sentiment);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index interactions_by_customer;
      create index interactions_by_customer on interactions (workspace_id, customer_id, occurred_at desc, id desc);
    `);
  }
}
