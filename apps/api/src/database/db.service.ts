import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { ChangeOrigin, LinkOrigin } from '@rapport/domain';
import { DataSource, EntityManager } from 'typeorm';
import { currentActor } from '../http/request-id';
import { isDatabaseUnavailable, isRetryableConflict } from './pg-errors';

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
    return this.transaction(async (em) => {
      await em.query(
        `select set_config('app.workspace_id', $1, true), set_config('app.member_id', $2, true),
                set_config('app.change_origin', $3, true)`,
        [workspaceId, memberId ?? '', origin],
      );
      return work(em);
    });
  }

  /** For the global tables only (sessions, credentials, tokens, rate limits): no workspace is set. */
  global<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.transaction(work);
  }

  async ping(): Promise<boolean> {
    try {
      await this.dataSource.query('select 1');
      return true;
    } catch {
      return false;
    }
  }

  private async transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let committing = false;
      try {
        return await this.dataSource.transaction(async (em) => {
          const result = await work(em);
          committing = true;
          return result;
        });
      } catch (error) {
        const curable = isRetryableConflict(error) || isDatabaseUnavailable(error);
        if (committing || !curable || attempt >= TRANSACTION_ATTEMPTS) throw error;
        await sleep(25 * 2 ** attempt * (0.5 + Math.random()));
      }
    }
  }
}
