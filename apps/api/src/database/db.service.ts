import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { ChangeOrigin, LinkOrigin } from '@rapport/domain';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, type QueryRunner } from 'typeorm';
import { currentActor, currentSharedReads, shareReadsInRequest } from '../http/request-id';
import { isDatabaseUnavailable, isRetryableConflict } from './pg-errors';
import { SharedReads } from './shared-reads';

const SCOPE_SETTINGS = ['app.workspace_id', 'app.member_id', 'app.change_origin'] as const;

/**
 * SQL opening a transaction and, in a workspace, setting its scope: the workspace (row-level security)
 * and who acts (change history). One round trip: a simple-protocol query, so literals (escaped).
 */
export const beginSql = (scope?: Scope) =>
  scope
    ? `begin; select ${SCOPE_SETTINGS.map((name, i) => `set_config('${name}', ${escapeLiteral(scope[i] ?? '')}, true)`).join(', ')}`
    : 'begin';

/** A workspace transaction's settings, in SCOPE_SETTINGS' order ('' for no member). */
export type Scope = readonly [workspaceId: string, memberId: string, origin: ChangeOrigin];

/** Tells TypeORM whether the runner is in a transaction that `Db` opened (see `Db.transaction`). */
const inTransaction = (runner: QueryRunner, active: boolean) => {
  (runner as { isTransactionActive: boolean }).isTransactionActive = active;
};

/** Runs of one transaction, at most, when it fails for a reason that running it again can cure. */
export const TRANSACTION_ATTEMPTS = 3;

/** Who a workspace transaction's changes are recorded as made by, when not the request's actor. */
export interface Acting {
  /** A public link: no member is recorded, even when the browser also holds a member's session. */
  via?: LinkOrigin;
  /** The member a sign-up or an accepted invitation is creating: they act before they have a session. */
  memberId?: string;
}

/**
 * The one way into the database for request work. Every tenant transaction first sets
 * `app.workspace_id` (transaction-local), which the row-level-security policies read, and who is
 * acting, which the change-history triggers record: `app.member_id` (the request's member when they
 * belong to this workspace, else empty) and `app.change_origin` (MEMBER, a public link, or SYSTEM for
 * work outside any request). Services pass nothing for it.
 *
 * A transaction that fails before its commit on a serialization failure, a deadlock or a lost
 * connection is run again (Postgres rolled it back, so nothing of it remains): `work` must therefore
 * do database work only. A failure during the commit is not retried here, since the outcome is
 * unknown; the caller sees it, and a write with an idempotency key can be sent again safely.
 */
@Injectable()
export class Db {
  constructor(readonly dataSource: DataSource) {}

  inWorkspace<T>(
    workspaceId: string,
    work: (em: EntityManager) => Promise<T>,
    acting: Acting = {},
  ): Promise<T> {
    const actor = currentActor();
    const memberId = acting.via
      ? null
      : (acting.memberId ?? (actor?.workspaceId === workspaceId ? actor.memberId : null));
    const origin: ChangeOrigin = acting.via ?? (memberId ? 'MEMBER' : 'SYSTEM');
    const alone = () => this.transaction(work, [workspaceId, memberId ?? '', origin]);
    const shared = currentSharedReads();
    const asTheActor = !acting.via && !acting.memberId && actor?.workspaceId === workspaceId;
    return shared && asTheActor ? shared.run(work, alone) : alone();
  }

  /**
   * Makes the rest of the current request's reads in the actor's workspace share one transaction
   * (for a GraphQL query: see SharedReads); the caller finishes it. Undefined outside a request.
   */
  shareReads(): SharedReads | undefined {
    const reads = new SharedReads(async () => {
      const actor = currentActor();
      if (!actor) throw new Error('Reads are shared only for a member');
      const runner = this.dataSource.createQueryRunner();
      try {
        await runner.connect();
        await runner.query(beginSql([actor.workspaceId, actor.memberId, 'MEMBER']));
        return runner;
      } catch (error) {
        await runner.release();
        throw error;
      }
    });
    return shareReadsInRequest(reads) ? reads : undefined;
  }

  /** For the global tables only (sessions, credentials, tokens, rate limits): no workspace is set. */
  global<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  /**
   * One statement on the global tables, on its own: no transaction around it, so one round trip.
   * It is run again on the failures a transaction is, even on a lost connection whose outcome is
   * unknown, so it must be idempotent (a read, or a write that may safely happen twice).
   */
  statement<T = unknown[]>(sql: string, params: unknown[]): Promise<T> {
    return this.retrying(
      () => this.dataSource.query(sql, params),
      () => false,
    );
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Runs `work` in a transaction of its own, scoped to a workspace when `scope` is given. BEGIN and the
   * scope go in one round trip, which TypeORM's transaction API cannot do (it sends BEGIN alone): the
   * runner is marked as in a transaction, as TypeORM's `startTransaction` marks it, since its
   * builders refuse row locks outside one. The work uses the manager's queries and builders, which
   * open no transaction of their own.
   */
  private transaction<T>(work: (em: EntityManager) => Promise<T>, scope?: Scope): Promise<T> {
    let committing = false;
    return this.retrying(
      async () => {
        committing = false;
        const runner = this.dataSource.createQueryRunner();
        try {
          await runner.connect();
          try {
            await runner.query(beginSql(scope));
            inTransaction(runner, true);
            const result = await work(runner.manager);
            committing = true;
            await runner.query('commit');
            return result;
          } catch (error) {
            if (!committing) await runner.query('rollback').catch(() => {});
            throw error;
          }
        } finally {
          inTransaction(runner, false);
          await runner.release();
        }
      },
      () => committing,
    );
  }

  /** Runs `attempt` again on a curable failure, unless `outcomeUnknown` (it failed while committing). */
  private async retrying<T>(attempt: () => Promise<T>, outcomeUnknown: () => boolean): Promise<T> {
    for (let run = 1; ; run++) {
      try {
        return await attempt();
      } catch (error) {
        const curable = isRetryableConflict(error) || isDatabaseUnavailable(error);
        if (outcomeUnknown() || !curable || run >= TRANSACTION_ATTEMPTS) throw error;
        await sleep(25 * 2 ** run * (0.5 + Math.random()));
      }
    }
  }
}
