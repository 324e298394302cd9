import type { Pool } from 'pg';

/** BEGIN, COMMIT and the like: counted apart from the statements that do the work. */
const TRANSACTION_CONTROL = /^\s*(begin|start transaction|commit|rollback|savepoint|release)\b/i;

export interface StatementCount {
  /** Statements that read or write data, per request. */
  queries: number;
  /** Transaction control statements, per request. */
  transactionControl: number;
}

/**
 * Counts the statements the given roles send, from `pg_stat_statements` (top-level statements only,
 * so a trigger's or function's own statements are not counted apart from the one that ran them).
 */
export class StatementCounter {
  private constructor(
    private readonly admin: Pool,
    private readonly roles: readonly string[],
  ) {}

  /** null when the server does not load pg_stat_statements (a DATABASE_URL server may not). */
  static async open(admin: Pool, roles: readonly string[]): Promise<StatementCounter | null> {
    try {
      await admin.query('create extension if not exists pg_stat_statements');
      await admin.query('select pg_stat_statements_reset()');
      return new StatementCounter(admin, roles);
    } catch {
      return null;
    }
  }

  reset(): Promise<unknown> {
    return this.admin.query('select pg_stat_statements_reset()');
  }

  /** Statements since the last reset, divided by `requests`. */
  async perRequest(requests: number): Promise<StatementCount> {
    const { rows } = await this.admin.query<{ query: string; calls: string }>(
      `select s.query, s.calls from pg_stat_statements s join pg_roles r on r.oid = s.userid
        where r.rolname = any($1) and s.dbid = (select oid from pg_database where datname = current_database())`,
      [this.roles],
    );
    let queries = 0;
    let transactionControl = 0;
    for (const { query, calls } of rows) {
      if (TRANSACTION_CONTROL.test(query)) transactionControl += Number(calls);
      else queries += Number(calls);
    }
    return { queries: queries / requests, transactionControl: transactionControl / requests };
  }
}
