import type { EntityManager, QueryRunner } from 'typeorm';
import { QueryFailedError } from 'typeorm';

/**
 * One transaction for the workspace reads of one GraphQL query (its root fields and loaders) instead
 * of one each: the dashboard's six transactions became one, sparing about fifteen round trips of
 * BEGIN, set_config and COMMIT per view (on two cores each round trip also hands the API's core to a
 * PostgreSQL backend and back).
 * Opened by the first read (`open` connects, begins and sets the workspace, in one round trip),
 * committed by `finish` when the response is ready.
 *
 * A read failing with a database error aborts the shared transaction: that read, and every read after
 * it, then runs in a transaction of its own (`alone`, with its retries), as without sharing, and
 * `finish` rolls back (the only writes of a query are counts cached for later reads).
 */
export class SharedReads {
  private runner?: Promise<QueryRunner>;
  private broken = false;
  private finished = false;

  constructor(private readonly open: () => Promise<QueryRunner>) {}

  async run<T>(work: (em: EntityManager) => Promise<T>, alone: () => Promise<T>): Promise<T> {
    if (this.broken || this.finished) return alone();
    let runner: QueryRunner;
    try {
      this.runner ??= this.open();
      runner = await this.runner;
    } catch {
      this.broken = true;
      return alone();
    }
    try {
      return await work(runner.manager);
    } catch (error) {
      if (!(error instanceof QueryFailedError)) throw error; // e.g. NOT_FOUND: the transaction is intact
      this.broken = true;
      return alone();
    }
  }

  /** Commits (or, once broken, rolls back) and gives the connection back; reads after this run alone. */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const runner = await this.runner?.catch(() => undefined);
    if (!runner) return;
    try {
      await runner.query(this.broken ? 'rollback' : 'commit');
    } catch {
      // The answer was read already; what is lost is at most counts cached for later reads. A lost
      // connection is dropped from the pool by TypeORM; any other refusal still ends the transaction.
      await runner.query('rollback').catch(() => {});
    } finally {
      await runner.release();
    }
  }
}
