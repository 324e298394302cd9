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
 * A failure is TypeORM's `QueryFailedError`, as from `em.query`. The answer is marked handled (`ahead`).
 */
export function send<T = Record<string, unknown>>(on: Sender, sql: string, params: unknown[]): Promise<T[]> {
  const client =
    on instanceof Client
      ? on
      : (on.queryRunner as { databaseConnection?: Client } | undefined)?.databaseConnection;
  if (!client) throw new Error('send() needs a transaction (a connected query runner)');
  return ahead(
    client.query(sql, params).then(
      (result) => result.rows as T[],
      (error: Error) => {
        throw new QueryFailedError(sql, params, error);
      },
    ),
  );
}

/**
 * Marks a promise of work sent ahead as handled, and answers it: it is awaited later, or never when
 * an earlier statement fails first (PostgreSQL then refuses the rest of the transaction, and the
 * earlier error is the one to report). Anything derived from it (`then`) needs marking again.
 */
export function ahead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
