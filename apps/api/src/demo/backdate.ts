import type { FrictionSource, FrictionStatus } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { Db } from '../database/db.service';
import { CustomerStateService } from '../modules/relationship-health/customer-state.service';
import { recomputeHealth } from './backfill-health';
import type { DemoContext } from './context';
import { DEMO_SEED } from './data';
import { DAY_MS, onDay, type PlannedContact, type PlannedCustomer } from './plan';
import { Random } from './random';
import { CALL_BACK_KEY } from './seed-friction';

const HOUR_MS = 3_600_000;
/** Answered feedback requests follow contacts of the last four months. */
const FEEDBACK_DAYS = 120;
/** Requests still pending were sent in the last few days, well within their expiry. */
const PENDING_DAYS = 5;

/** How long after it was raised a friction point was last moved on (assigned, taken up, resolved). */
const MOVED_WITHIN_HOURS: Record<FrictionSource, number> = {
  AUDIT: 21 * 24, // the fixes came between the two audit rounds
  INTERACTION: 5 * 24,
  FEEDBACK: 6, // the call-back, the same day
  MANUAL: 2 * 24,
};

/**
 * SQL for a link's lifetime, in the whole days it was issued for: its expiry was computed a few
 * milliseconds after its row was stamped, and those would make the moved expiry differ run to run.
 */
const lifetime = (expiresAt: string, createdAt: string) =>
  `make_interval(days => round(extract(epoch from ${expiresAt} - ${createdAt}) / 86400)::int)`;

/** What every backdating step works with. */
interface Backdating {
  em: EntityManager;
  ctx: DemoContext;
  /** Backdating's own chance, drawn in one fixed order: the same dates on every run. */
  rng: Random;
  /** Where the demo's history ends (the plan's now): nothing is moved past it. */
  now: Date;
}

/**
 * The demo's last step. The API dates audits, friction points and feedback answers the moment they
 * happen and keeps health snapshots from the day they are computed, so right after seeding all of
 * these sit on one day and every chart over time is a single point. This moves them to plausible
 * past dates, in the database and in one transaction (a failure leaves the demo as it was), with the
 * request pool's login, role and row-level security, like any request of the app; then it recomputes
 * health as of now through the app's own code and fills in the daily snapshots of the past.
 */
export async function backdate(ctx: DemoContext, databaseUrl: string): Promise<void> {
  const dataSource = await createDataSource(databaseUrl, 'app', 1).initialize();
  try {
    const db = new Db(dataSource);
    await db.inWorkspace(
      ctx.workspaceId,
      async (em) => {
        const b: Backdating = { em, ctx, rng: new Random(DEMO_SEED + 1), now: ctx.plan.now };
        await backdateCustomers(b);
        await backdateAudits(b);
        const answeredAt = await backdateFeedback(b);
        await backdateFriction(b, answeredAt);
        await backdateCheckIns(b);
        await recomputeHealth(em, new CustomerStateService(db), ctx.workspaceId, new Date());
      },
      'system',
    );
  } finally {
    await dataSource.destroy();
  }
  ctx.log('history dated back: audits, feedback and friction over the last months; daily health since');
}

/** Runs `sql` with $1 the workspace and $2 the rows as JSON, to read with jsonb_to_recordset. */
function withRows(b: Backdating, sql: string, rows: object[]): Promise<unknown> {
  return b.em.query(sql, [b.ctx.workspaceId, JSON.stringify(rows)]);
}

/** A moment after `from`, at most `maxHours` later, and before the end of the history. */
function someTimeAfter(b: Backdating, from: Date, maxHours: number): Date {
  const span = Math.min(maxHours * HOUR_MS, b.now.getTime() - from.getTime());
  return new Date(from.getTime() + (0.1 + 0.9 * b.rng.next()) * span);
}

function seeded(b: Backdating, customer: PlannedCustomer) {
  const made = b.ctx.customers[customer.index];
  if (!made) throw new Error(`${customer.data.name} was not seeded`);
  return made;
}

/** Each customer was added one to two weeks before their first contact. */
async function backdateCustomers(b: Backdating) {
  const rows = b.ctx.plan.customers.map((customer) => {
    const first = customer.contacts[0]?.occurredAt ?? b.now;
    return { id: seeded(b, customer).id, at: new Date(first.getTime() - b.rng.int(7, 14) * DAY_MS) };
  });
  await withRows(
    b,
    `update customers c set created_at = v.at
       from jsonb_to_recordset($2::jsonb) as v(id uuid, at timestamptz)
      where c.workspace_id = $1 and c.id = v.id`,
    rows,
  );
}

/**
 * Round 1 (the owner's own walk) about three months ago, over a day to three; round 2 (the outside
 * shopper's) two to three weeks ago, the link sent days before. The steps are recorded in order
 * between creation and submission, and the shopper's link is issued at creation.
 */
async function backdateAudits(b: Backdating) {
  const round = (external: boolean, submittedDaysAgo: number, takesDays: number) => ({
    external,
    created: onDay(b.rng, b.now, submittedDaysAgo + takesDays),
    submitted: onDay(b.rng, b.now, submittedDaysAgo),
  });
  const round1 = round(false, b.rng.int(84, 96), b.rng.int(1, 3));
  const round2 = round(true, b.rng.int(14, 21), b.rng.int(3, 7));
  await withRows(
    b,
    `update audits a set created_at = v.created, submitted_at = v.submitted
       from jsonb_to_recordset($2::jsonb) as v(external boolean, created timestamptz, submitted timestamptz)
      where a.workspace_id = $1 and a.external = v.external`,
    [round1, round2],
  );
  await b.em.query(
    `update observations o
        set recorded_at = a.created_at + (a.submitted_at - a.created_at) * (s.position + 1) / (s.steps + 1)
       from audits a,
            (select audit_id, touchpoint_id, position, count(*) over (partition by audit_id) as steps
               from audit_steps where workspace_id = $1) s
      where o.workspace_id = $1 and a.workspace_id = $1 and a.id = o.audit_id
        and s.audit_id = o.audit_id and s.touchpoint_id = o.touchpoint_id`,
    [b.ctx.workspaceId],
  );
  await b.em.query(
    `update access_tokens t set expires_at = a.created_at + ${lifetime('t.expires_at', 't.created_at')}, created_at = a.created_at
       from audits a
      where a.workspace_id = $1 and t.kind = 'audit' and t.workspace_id = a.workspace_id and t.subject_id = a.id`,
    [b.ctx.workspaceId],
  );
}

/**
 * Attributed requests: an answered one was sent within hours of a contact of the last four months
 * (and is tied to it), its answer came hours to three days later, within the link's expiry; a pending
 * one was sent in the last few days. The links move with their requests. Counter answers are spread
 * over the same months and keep only their day, as the API stores them. Each survey was set up the
 * day before its first use. Returns the exact time of every answer, by response id, for the friction
 * points the low ones raised.
 */
async function backdateFeedback(b: Backdating): Promise<Map<string, Date>> {
  const answeredAt = new Map<string, Date>();
  await withRows(
    b,
    `update feedback_requests r
        set created_at = v.sent, expires_at = v.sent + ${lifetime('r.expires_at', 'r.created_at')}, answered_at = v.answered,
            interaction_id = v.interaction
       from jsonb_to_recordset($2::jsonb) as v(id uuid, sent timestamptz, answered timestamptz, interaction uuid)
      where r.workspace_id = $1 and r.id = v.id`,
    await dateRequests(b, answeredAt),
  );
  await dateCounterAnswers(b, answeredAt);
  await withRows(
    b,
    `update feedback_responses a
        set responded_at = case when a.request_id is null then date_trunc('day', v.at) else v.at end
       from jsonb_to_recordset($2::jsonb) as v(id uuid, at timestamptz)
      where a.workspace_id = $1 and a.id = v.id`,
    [...answeredAt].map(([id, at]) => ({ id, at })),
  );
  await b.em.query(
    `update access_tokens t set created_at = r.created_at, expires_at = r.expires_at, used_at = r.answered_at
       from feedback_requests r
      where r.workspace_id = $1 and t.kind = 'feedback' and t.workspace_id = r.workspace_id and t.subject_id = r.id`,
    [b.ctx.workspaceId],
  );
  await b.em.query(
    `update surveys s set created_at = used.first - interval '1 day'
       from (select survey_id, min(at) as first
               from (select survey_id, created_at as at from feedback_requests where workspace_id = $1
                     union all
                     select survey_id, responded_at from feedback_responses where workspace_id = $1) uses
              group by survey_id) used
      where s.workspace_id = $1 and s.id = used.survey_id`,
    [b.ctx.workspaceId],
  );
  return answeredAt;
}

/** The new dates of every attributed request, in the plan's order; records each answer's time. */
async function dateRequests(b: Backdating, answeredAt: Map<string, Date>) {
  const requests: { id: string; customer_id: string; type: string; response_id: string | null }[] =
    await b.em.query(
      `select r.id, r.customer_id, s.type, a.id as response_id
         from feedback_requests r
         join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
         left join feedback_responses a on a.workspace_id = r.workspace_id and a.request_id = r.id
        where r.workspace_id = $1`,
      [b.ctx.workspaceId],
    );
  const byAsk = new Map(requests.map((r) => [`${r.customer_id}:${r.type}`, r]));
  return b.ctx.plan.customers.flatMap((customer) =>
    (['NPS', 'CES'] as const)
      .filter((type) => (type === 'NPS' ? customer.nps : customer.ces))
      .map((type) => {
        const request = byAsk.get(`${seeded(b, customer).id}:${type}`);
        if (!request) throw new Error(`No ${type} request for ${customer.data.name}`);
        const dated = dateRequest(b, customer, request.response_id !== null);
        if (request.response_id && dated.answered) answeredAt.set(request.response_id, dated.answered);
        return { id: request.id, ...dated };
      }),
  );
}

function dateRequest(b: Backdating, customer: PlannedCustomer, answered: boolean) {
  const { contacts } = customer;
  const k = answered ? contactToFollow(b, contacts) : contacts.length - 1;
  const contactAt = contacts[k]?.occurredAt ?? b.now;
  const pendingFrom = new Date(Math.max(contactAt.getTime(), b.now.getTime() - PENDING_DAYS * DAY_MS));
  const sent = answered ? someTimeAfter(b, contactAt, 4) : someTimeAfter(b, pendingFrom, 48);
  return {
    sent,
    answered: answered ? someTimeAfter(b, sent, 72) : null,
    interaction: seeded(b, customer).interactionIds[k] ?? null,
  };
}

/** A contact of the last four months, not of the last few days; else the latest. */
function contactToFollow(b: Backdating, contacts: readonly PlannedContact[]): number {
  const from = b.now.getTime() - FEEDBACK_DAYS * DAY_MS;
  const to = b.now.getTime() - 4 * DAY_MS;
  const recent = contacts.flatMap((c, k) => {
    const at = c.occurredAt.getTime();
    return at > from && at <= to ? [k] : [];
  });
  return recent.length > 0 ? b.rng.pick(recent) : contacts.length - 1;
}

/** A day for each of the plan's counter answers, recorded by response id. */
async function dateCounterAnswers(b: Backdating, answeredAt: Map<string, Date>) {
  const rows: { id: string; score: number; comment: string | null }[] = await b.em.query(
    `select id, score, comment from feedback_responses where workspace_id = $1 and request_id is null`,
    [b.ctx.workspaceId],
  );
  // Answers with the same score and comment are alike: each planned answer takes one of them.
  const unclaimed = new Map<string, string[]>();
  const keyOf = (answer: { score: number; comment: string | null }) => `${answer.score}:${answer.comment}`;
  for (const row of rows) unclaimed.set(keyOf(row), [...(unclaimed.get(keyOf(row)) ?? []), row.id]);
  for (const answer of b.ctx.plan.counterAnswers) {
    const id = unclaimed.get(keyOf(answer))?.pop();
    if (!id) throw new Error(`No counter answer ${keyOf(answer)} was stored`);
    const daysAgo = b.rng.int(1, FEEDBACK_DAYS);
    answeredAt.set(id, onDay(b.rng, b.now, daysAgo));
  }
}

interface FrictionRow {
  id: string;
  source: FrictionSource;
  status: FrictionStatus;
  description: string;
  /** Updated through the API after it was raised. */
  touched: boolean;
  audit_submitted_at: Date | null;
  contact_at: Date | null;
  feedback_response_id: string | null;
}

/**
 * Every friction point raised when what raised it happened: an audit's at its submission, an answer's
 * with the answer, a contact's within hours of it, the one raised by hand some weeks ago. A point moved
 * on afterwards (assigned, in progress, resolved) moved within a while of being raised; the call-back
 * that closed the loop on a low answer happened between the answer and the follow-up's resolution.
 */
async function backdateFriction(b: Backdating, answeredAt: Map<string, Date>) {
  const rows: FrictionRow[] = await b.em.query(
    `select f.id, f.source, f.status, f.description, f.updated_at > f.created_at as touched,
            a.submitted_at as audit_submitted_at, i.occurred_at as contact_at, f.feedback_response_id
       from friction_points f
       left join observations o on o.workspace_id = f.workspace_id and o.id = f.observation_id
       left join audits a on a.workspace_id = o.workspace_id and a.id = o.audit_id
       left join interactions i on i.workspace_id = f.workspace_id and i.id = f.interaction_id
      where f.workspace_id = $1`,
    [b.ctx.workspaceId],
  );
  const causeAt = (row: FrictionRow) =>
    row.audit_submitted_at ??
    row.contact_at ??
    (row.feedback_response_id ? (answeredAt.get(row.feedback_response_id) ?? null) : null);
  // In a fixed order (the ids are random), so that chance is drawn the same way every run.
  const ordered = rows
    .map((row) => ({ row, cause: causeAt(row) }))
    .sort(
      (x, y) =>
        (x.cause?.getTime() ?? 0) - (y.cause?.getTime() ?? 0) ||
        x.row.description.localeCompare(y.row.description),
    );
  const dated = ordered.map(({ row, cause }) => {
    const raised = raisedAt(b, row, cause);
    const moved =
      row.status === 'RESOLVED' || row.touched
        ? someTimeAfter(b, raised, MOVED_WITHIN_HOURS[row.source])
        : raised;
    return { id: row.id, raised, moved, resolved: row.status === 'RESOLVED' ? moved : null };
  });
  await withRows(
    b,
    `update friction_points f set created_at = v.raised, updated_at = v.moved, resolved_at = v.resolved
       from jsonb_to_recordset($2::jsonb) as v(id uuid, raised timestamptz, moved timestamptz, resolved timestamptz)
      where f.workspace_id = $1 and f.id = v.id`,
    dated,
  );
  await b.em.query(
    `update interactions i set occurred_at = f.created_at + (f.resolved_at - f.created_at) / 2
       from friction_points f, idempotency_keys k
      where i.workspace_id = $1 and k.workspace_id = $1 and k.key = $2 and i.id = k.result_id
        and f.workspace_id = i.workspace_id and f.customer_id = i.customer_id and f.source = 'FEEDBACK'
        and f.status = 'RESOLVED'`,
    [b.ctx.workspaceId, CALL_BACK_KEY],
  );
}

function raisedAt(b: Backdating, row: FrictionRow, cause: Date | null): Date {
  if (!cause) {
    const daysAgo = b.rng.int(20, 45);
    return onDay(b.rng, b.now, daysAgo);
  }
  return row.source === 'INTERACTION' ? someTimeAfter(b, cause, 4) : cause;
}

/** Check-ins were planned a week before they were due; a done one closed with the contact it logged. */
async function backdateCheckIns(b: Backdating) {
  await b.em.query(
    `update check_ins c set created_at = c.due_at - interval '7 days',
            closed_at = coalesce(
              (select i.occurred_at from interactions i where i.workspace_id = c.workspace_id and i.id = c.interaction_id),
              c.closed_at)
      where c.workspace_id = $1`,
    [b.ctx.workspaceId],
  );
}
