import { Client } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/** Where `send` sends: a transaction's entity manager, or a pg client (the benchmark's baseline). */
export type Sender = EntityManager | Client;

/**
 * Sends one statement on the transaction's connection now, before this returns, and answers its
 * rows. Statements sent one after another without waiting go out in that order and run in it, each
 * its own statement with its own snapshot; on the request pool (pg's pipeline mode) they are written
 * together instead of each after the answer before it, sparing round trips. `em.query` cannot promise
 * that order: TypeORM awaits before it sends.
 *
 * A failure is TypeORM's `QueryFailedError`, as from `em.query`. The answer is marked handled, so a
 * caller that stops at an earlier statement's failure (after which PostgreSQL refuses the rest of the
 * transaction) does not leave an unhandled rejection behind.
 */
export function send<T = Record<string, unknown>>(on: Sender, sql: string, params: unknown[]): Promise<T[]> {
  const client =
    on instanceof Client
      ? on
      : (on.queryRunner as { databaseConnection?: Client } | undefined)?.databaseConnection;
  if (!client) throw new Error('send() needs a transaction (a connected query runner)');
  const rows = client.query(sql, params).then(
    (result) => result.rows as T[],
    (error: Error) => {
      throw new QueryFailedError(sql, params, error);
    },
  );
  rows.catch(() => {});
  return rows;
}
