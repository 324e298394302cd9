import { Injectable } from '@nestjs/common';
import { health, lastRelationshipContactAt, nextCheckInDueAt } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.service';
import { type HealthSubject, loadHealthFacts } from './health-facts';

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

  /** Recomputes these customers as of `now`, inside the caller's workspace transaction. */
  async refresh(em: EntityManager, workspaceId: string, customerIds: readonly string[], now = new Date()) {
    for (let start = 0; start < customerIds.length; start += REFRESH_BATCH) {
      await this.refreshBatch(em, workspaceId, customerIds.slice(start, start + REFRESH_BATCH), now);
    }
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
   * The scheduled pass: recomputes, workspace by workspace and batch by batch (each in its own
   * transaction), every customer whose state was computed before `staleBefore` or never.
   * Answers how many customers it recomputed.
   */
  async refreshStale(staleBefore: Date): Promise<number> {
    const workspaces: { id: string }[] = await this.db.global((em) =>
      em.query(`select id from workspace_directory order by id`),
    );
    let refreshed = 0;
    for (const { id: workspaceId } of workspaces) {
      for (;;) {
        const done = await this.db.inWorkspace(workspaceId, async (em) => {
          const rows: { id: string }[] = await em.query(
            `select id from customers where workspace_id = $1 and (health_as_of is null or health_as_of < $2)
              order by health_as_of nulls first limit $3`,
            [workspaceId, staleBefore, REFRESH_BATCH],
          );
          await this.refresh(
            em,
            workspaceId,
            rows.map((r) => r.id),
          );
          return rows.length;
        });
        refreshed += done;
        if (done < REFRESH_BATCH) break;
      }
    }
    return refreshed;
  }

  private async refreshBatch(em: EntityManager, workspaceId: string, ids: readonly string[], now: Date) {
    if (ids.length === 0) return;
    const subjects: HealthSubject[] = (
      await em.query(
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
      )
    ).map((r: { id: string; created_at: Date; cadence_days: number }) => ({
      id: r.id,
      createdAt: r.created_at,
      cadenceDays: r.cadence_days,
    }));
    const states = (await loadHealthFacts(em, workspaceId, subjects, now)).map(({ subject, facts }) => {
      const last = lastRelationshipContactAt(facts.interactions, now);
      const result = health(facts, now);
      return {
        id: subject.id,
        last,
        due: nextCheckInDueAt(subject.createdAt, last, subject.cadenceDays),
        score: result.score,
        band: result.band,
        health: result,
      };
    });
    const values = JSON.stringify(states);
    await em.query(
      `update customers c set last_relationship_contact_at = v.last, next_check_in_due_at = v.due,
              health_score = v.score, health_band = v.band, health = v.health, health_as_of = $3
         from jsonb_to_recordset($2::jsonb) as v(id uuid, last timestamptz, due timestamptz, score int, band text, health jsonb)
        where c.workspace_id = $1 and c.id = v.id`,
      [workspaceId, values, now],
    );
    // One snapshot per customer per (UTC) day: the day's latest score. Sent without the health
    // documents, which Postgres would otherwise parse a second time only to drop them.
    const snapshots = JSON.stringify(states.map(({ id, score, band }) => ({ id, score, band })));
    await em.query(
      `insert into health_snapshots (workspace_id, customer_id, day, score, band)
       select $1, v.id, ($3::timestamptz at time zone 'UTC')::date, v.score, v.band
         from jsonb_to_recordset($2::jsonb) as v(id uuid, score int, band text)
       on conflict (workspace_id, customer_id, day) do update set score = excluded.score, band = excluded.band`,
      [workspaceId, snapshots, now],
    );
  }
}
