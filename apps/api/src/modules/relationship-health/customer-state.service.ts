import { Injectable } from '@nestjs/common';
import { health, lastRelationshipContactAt, nextCheckInDueAt } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.service';
import { sweepExpiredKeys } from '../../database/idempotency';
import { type Sender, send } from '../../database/send';
import { compactCustomerCounts } from '../customers/customer-counts';
import { type HealthSubject, sendHealthFacts } from './health-facts';

/** How many customers one statement recomputes; bounds memory and statement size. */
export const REFRESH_BATCH = 500;

/**
 * Keeps each customer's derived state current: the check-in clock (last relationship contact, next
 * check-in due) and the stored relationship health with today's snapshot. Every write that changes
 * what they are computed from calls `refresh` in its own transaction; the scheduled pass
 * (`refreshStale`) carries them along as time passes.
 */
@Injectable()
export class CustomerStateService {
  constructor(private readonly db: Db) {}

  /** `refreshCustomers`, for the services. */
  refresh(em: EntityManager, workspaceId: string, customerIds: readonly string[], now = new Date()) {
    return refreshCustomers(em, workspaceId, customerIds, now);
  }

  /** Recomputes every customer that follows the workspace's default cadence (after it changed). */
  async refreshDefaultCadenceFollowers(em: EntityManager, workspaceId: string) {
    const rows: { id: string }[] = await em.query(
      `select id from customers where workspace_id = $1 and cadence_days is null`,
      [workspaceId],
    );
    await this.refresh(
      em,
      workspaceId,
      rows.map((r) => r.id),
    );
  }

  /**
   * The scheduled pass: every workspace whose last pass began before `staleBefore` (or that never had
   * one) has all its customers recomputed, batch by batch, each batch in its own transaction; then its
   * pass is recorded. Answers how many customers it recomputed (written or found unchanged).
   */
  async refreshStale(staleBefore: Date): Promise<number> {
    const workspaces: { id: string }[] = await this.db.global((em) =>
      em.query(
        `select id from workspace_directory where health_refreshed_at is null or health_refreshed_at < $1 order by id`,
        [staleBefore],
      ),
    );
    let recomputed = 0;
    for (const { id } of workspaces) recomputed += await this.refreshWorkspace(id);
    return recomputed;
  }

  private async refreshWorkspace(workspaceId: string): Promise<number> {
    const started = new Date();
    let recomputed = 0;
    let after: string | null = null;
    do {
      const ids: string[] = await this.db.inWorkspace(
        workspaceId,
        async (em) => {
          const rows: { id: string }[] = await em.query(
            `select id from customers where workspace_id = $1 and ($2::uuid is null or id > $2) order by id limit $3`,
            [workspaceId, after, REFRESH_BATCH],
          );
          const batch = rows.map((r) => r.id);
          await this.refresh(em, workspaceId, batch);
          return batch;
        },
        'system',
      );
      recomputed += ids.length;
      after = ids.length === REFRESH_BATCH ? (ids.at(-1) ?? null) : null;
    } while (after);
    await this.db.inWorkspace(
      workspaceId,
      async (em) => {
        await compactCustomerCounts(em, workspaceId);
        await sweepExpiredKeys(em, workspaceId);
      },
      'system',
    );
    await this.db.global((em) =>
      em.query(`update workspace_directory set health_refreshed_at = $2 where id = $1`, [
        workspaceId,
        started,
      ]),
    );
    return recomputed;
  }
}

/**
 * Recomputes these customers as of `now`, inside the caller's workspace transaction. Its first
 * statements are sent before this returns (see `send`): statements the caller sent before are part
 * of what it sees.
 */
export async function refreshCustomers(
  on: Sender,
  workspaceId: string,
  customerIds: readonly string[],
  now = new Date(),
): Promise<void> {
  for (let start = 0; start < customerIds.length; start += REFRESH_BATCH) {
    await refreshBatch(on, workspaceId, customerIds.slice(start, start + REFRESH_BATCH), now);
  }
}

async function refreshBatch(on: Sender, workspaceId: string, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  // Sent together (see `send`), and run in this order: the facts are read once the lock is held.
  const locked = send<{ id: string; created_at: Date; cadence_days: number }>(
    on,
    `select c.id, c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days
       from customers c join workspaces w on w.id = c.workspace_id
      where c.workspace_id = $1 and c.id = any($2::uuid[])
      order by c.id
      -- Serialises recomputations of one customer: a concurrent write's refresh waits here, then
      -- (a new statement, so a new snapshot) sees this transaction's facts once it commits.
      -- NO KEY: the writes hold key-share locks on the customer (their rows reference it), which
      -- a plain FOR UPDATE would wait on, two such writes deadlocking each other.
      for no key update of c`,
    [workspaceId, ids],
  );
  const [lockedRows, factsOf] = await Promise.all([locked, sendHealthFacts(on, workspaceId, ids, now)]);
  const subjects: HealthSubject[] = lockedRows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    cadenceDays: r.cadence_days,
  }));
  const states = subjects.map((subject) => {
    const subjectFacts = factsOf(subject);
    const last = lastRelationshipContactAt(subjectFacts.interactions, now);
    const result = health(subjectFacts, now);
    return {
      id: subject.id,
      last,
      due: nextCheckInDueAt(subject.createdAt, last, subject.cadenceDays),
      score: result.score,
      band: result.band,
      health: result,
    };
  });
  // Only what changed is written: most of a pass finds a customer as it was, and an unchanged row
  // left alone keeps its page all-visible (the counts over customers read the index alone). And one
  // snapshot per customer per (UTC) day: the day's latest score. One statement for both.
  await send(
    on,
    `with v as (
       select * from jsonb_to_recordset($2::jsonb)
         as v(id uuid, last timestamptz, due timestamptz, score int, band text, health jsonb)
     ), changed as (
       update customers c set last_relationship_contact_at = v.last, next_check_in_due_at = v.due,
              health_score = v.score, health_band = v.band, health = v.health, health_as_of = $3
         from v
        where c.workspace_id = $1 and c.id = v.id
          and (c.health_as_of is null
               or (c.last_relationship_contact_at, c.next_check_in_due_at, c.health_score, c.health_band, c.health)
                  is distinct from (v.last, v.due, v.score, v.band, v.health))
     )
     insert into health_snapshots (workspace_id, customer_id, day, score, band)
     select $1, v.id, ($3::timestamptz at time zone 'UTC')::date, v.score, v.band from v
     on conflict (workspace_id, customer_id, day) do update set score = excluded.score, band = excluded.band
       where (health_snapshots.score, health_snapshots.band) is distinct from (excluded.score, excluded.band)`,
    [workspaceId, JSON.stringify(states), now],
  );
}
