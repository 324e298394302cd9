import { DEFAULT_HEALTH_MODEL, type HealthModel, health } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { CustomerStateService } from '../modules/relationship-health/customer-state.service';
import { type HealthSubject, loadHealthFacts } from '../modules/relationship-health/health-facts';
import { DAY_MS, HISTORY_DAYS } from './plan';

/**
 * The default model with windows that reach over the whole demo history: given it, loadHealthFacts
 * loads every fact, not only those that health as of now can see.
 */
const WHOLE_HISTORY: HealthModel = {
  ...DEFAULT_HEALTH_MODEL,
  sentiment: { ...DEFAULT_HEALTH_MODEL.sentiment, windowDays: HISTORY_DAYS },
  feedback: { windowDays: HISTORY_DAYS },
};

/**
 * Stores every demo customer's health as of `now` through the app's own CustomerStateService (which
 * writes today's snapshot too), then a snapshot for each of the HISTORY_DAYS days before today the
 * customer existed: the domain's health of the facts known at the end of that day (UTC), the score
 * the app's recomputations would have left as that day's latest.
 */
export async function recomputeHealth(
  em: EntityManager,
  customerState: CustomerStateService,
  workspaceId: string,
  now: Date,
): Promise<void> {
  const subjects = await healthSubjects(em, workspaceId);
  await customerState.refresh(
    em,
    workspaceId,
    subjects.map((s) => s.id),
    now,
  );
  const dayEnds = endsOfPastDays(now);
  const snapshots = (await loadHealthFacts(em, workspaceId, subjects, now, WHOLE_HISTORY)).flatMap(
    ({ subject, facts }) =>
      dayEnds
        .filter((end) => end >= subject.createdAt)
        .map((end) => {
          const { score, band } = health(facts, end);
          return { id: subject.id, day: end.toISOString().slice(0, 10), score, band };
        }),
  );
  // A row for a past day is there already only if seeding ran over midnight (UTC).
  await em.query(
    `insert into health_snapshots (workspace_id, customer_id, day, score, band)
     select $1, v.id, v.day, v.score, v.band
       from jsonb_to_recordset($2::jsonb) as v(id uuid, day date, score int, band text)
     on conflict (workspace_id, customer_id, day) do update set score = excluded.score, band = excluded.band`,
    [workspaceId, JSON.stringify(snapshots)],
  );
}

async function healthSubjects(em: EntityManager, workspaceId: string): Promise<HealthSubject[]> {
  const rows: { id: string; created_at: Date; cadence_days: number }[] = await em.query(
    `select c.id, c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days
       from customers c join workspaces w on w.id = c.workspace_id
      where c.workspace_id = $1 order by c.id`,
    [workspaceId],
  );
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, cadenceDays: r.cadence_days }));
}

/** The last millisecond of each of the HISTORY_DAYS days (UTC) before the day of `now`, newest first. */
function endsOfPastDays(now: Date): Date[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: HISTORY_DAYS }, (_, i) => new Date(today - i * DAY_MS - 1));
}
