import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way into the database for request work. Every tenant transaction first sets
 * `app.workspace_id` (transaction-local), which the row-level-security policies read.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  inWorkspace<T>(workspaceId: string, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
      return work(em);
    });
  }

  /** For the global tables only (sessions, credentials, tokens, rate limits): no workspace is set. */
  global<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('select 1');
      return true;
    } catch {
      return false;
    }
  }
}
