import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { ChangeOrigin, LinkOrigin } from '@rapport/domain';
import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, type QueryRunner } from 'typeorm';
import type { Actor } from '../auth/actor';
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

/**
 * Who a workspace transaction acts for, which the change history records: the request's signed-in
 * member (`actor`: recorded only when they belong to the workspace), a public link (never a member,
 * even when the browser also holds a member's session), the member a sign-up or an accepted
 * invitation is creating (they act before they have a session), or nobody: 'system' (scheduled work).
 */
export type Acting = { actor: Actor | undefined } | { via: LinkOrigin } | { memberId: string } | 'system';

/** The request's member, when `acting` is one who belongs to `workspaceId`. */
function memberActing(workspaceId: string, acting: Acting): Actor | undefined {
  const actor = typeof acting === 'object' && 'actor' in acting ? acting.actor : undefined;
  return actor?.workspaceId === workspaceId ? actor : undefined;
}

/** A workspace transaction's settings for `acting`. */
function scopeOf(workspaceId: string, acting: Acting): Scope {
  if (acting === 'system') return [workspaceId, '', 'SYSTEM'];
  if ('via' in acting) return [workspaceId, '', acting.via];
  if ('memberId' in acting) return [workspaceId, acting.memberId, 'MEMBER'];
  const member = memberActing(workspaceId, acting);
  return member ? [workspaceId, member.memberId, 'MEMBER'] : [workspaceId, '', 'SYSTEM'];
}

/**
 * The one way into the database for request work. Every tenant transaction first sets
 * `app.workspace_id` (transaction-local), which the row-level-security policies read, and who is
 * acting, which the change-history triggers record: `app.member_id` and `app.change_origin` (MEMBER,
 * a public link, or SYSTEM), from the caller's `Acting`.
 *
 * A transaction that fails before its commit on a serialization failure, a deadlock or a lost
 * connection is run again (Postgres rolled it back, so nothing of it remains): `work` must therefore
 * do database work only. A failure during the commit is not retried here, since the outcome is
 * unknown; the caller sees it, and a write with an idempotency key can be sent again safely.
 */
@Injectable()
export class Db {
  /** The shared transaction of each member's query in flight, by the request's actor (see shareReads). */
  private readonly sharedReads = new WeakMap<Actor, SharedReads>();

  constructor(readonly dataSource: DataSource) {}

  /** A signed-in member's work in their workspace, recorded as theirs. */
  asMember<T>(actor: Actor, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.inWorkspace(actor.workspaceId, work, { actor });
  }

  inWorkspace<T>(workspaceId: string, work: (em: EntityManager) => Promise<T>, acting: Acting): Promise<T> {
    const alone = () => this.transaction(work, scopeOf(workspaceId, acting));
    const member = memberActing(workspaceId, acting);
    const shared = member && this.sharedReads.get(member);
    return shared ? shared.run(work, alone) : alone();
  }

  /**
   * Makes the rest of a member's query's reads in their workspace share one transaction (see
   * SharedReads), found by the request's actor object, which is the request's own (the session is
   * resolved anew for each request). The caller finishes it.
   */
  shareReads(actor: Actor): SharedReads {
    const reads = new SharedReads(async () => {
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
    this.sharedReads.set(actor, reads);
    return reads;
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
