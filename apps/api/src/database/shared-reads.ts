import type { EntityManager, QueryRunner } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { send } from './send';

/**
 * One transaction for the workspace reads of one GraphQL query (its root fields and loaders) instead
 * of one each: the dashboard's six transactions became one, sparing about fifteen round trips of
 * BEGIN, set_config and COMMIT per view (on two cores each round trip also hands the API's core to a
 * PostgreSQL backend and back).
 * Opened by the first read (`open` connects, begins and sets the workspace, in one round trip),
 * committed by `finish` when the response is ready (without waiting for the commit's answer).
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

  /**
   * Commits (or, once broken, rolls back) and gives the connection back at once, without waiting for
   * the answer: the response is ready, and the pool's next user of the connection is written behind
   * the commit (the request pool pipelines), so its statements run after it. Reads after this run
   * alone.
   */
  async finish(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const runner = await this.runner?.catch(() => undefined);
    if (!runner) return;
    // Refused or not, a commit ends the transaction; what a failure loses is at most counts cached for
    // later reads. A lost connection leaves the pool. (`send` marks the answer handled.)
    void send(runner.manager, this.broken ? 'rollback' : 'commit', []);
    await runner.release();
  }
}
