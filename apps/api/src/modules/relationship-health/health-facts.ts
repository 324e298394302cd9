import {
  DEFAULT_HEALTH_MODEL,
  type HealthFacts,
  type HealthFeedbackFact,
  type HealthFrictionFact,
  type HealthInteractionFact,
  type HealthModel,
  type InteractionPurpose,
  type SurveyType,
} from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { type Sender, send } from '../../database/send';

/** A customer as health sees it: when it was created and its effective cadence. */
export interface HealthSubject {
  id: string;
  createdAt: Date;
  cadenceDays: number;
}

/**
 * The interactions `health(facts, asOf)` can look at, for many customers in one statement: every
 * interaction in the sentiment window of both asOf and the trend's earlier date, plus (at or before
 * that earlier date, where the window does not reach) the last `lastInteractions` (with ties) for the
 * balance and the latest relationship contact for recency. Nothing older can change the result.
 */
const INTERACTION_FACTS = `
  select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
   where i.workspace_id = $1 and i.customer_id = any($2::uuid[])
     and i.occurred_at > $3::timestamptz - $4::float8 * interval '1 day'
  union
  select last_ones.* from unnest($2::uuid[]) as c(id) cross join lateral (
    select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
     where i.workspace_id = $1 and i.customer_id = c.id
       and i.occurred_at <= $3::timestamptz - $5::float8 * interval '1 day'
     order by i.occurred_at desc fetch first ($6::int) rows with ties) last_ones
  union
  select last_contact.* from unnest($2::uuid[]) as c(id) cross join lateral (
    select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
     where i.workspace_id = $1 and i.customer_id = c.id and i.purpose = 'RELATIONSHIP'
       and i.occurred_at <= $3::timestamptz - $5::float8 * interval '1 day'
     order by i.occurred_at desc limit 1) last_contact`;

/** One statement for the three kinds of fact, each as a JSON array (timestamps as ISO text). */
const ALL_FACTS = `
  select (select coalesce(json_agg(f), '[]') from (${INTERACTION_FACTS}) f) as interactions,
         (select coalesce(json_agg(f), '[]') from (
            select customer_id, created_at, resolved_at from friction_points
             where workspace_id = $1 and customer_id = any($2::uuid[])) f) as friction,
         (select coalesce(json_agg(f), '[]') from (
            select r.customer_id, r.responded_at, s.type, r.score from feedback_responses r
              join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
             where r.workspace_id = $1 and r.customer_id = any($2::uuid[])
               and r.responded_at > $3::timestamptz - $7::float8 * interval '1 day') f) as feedback`;

/** Sets how the transaction's next statements are planned (see `sendHealthFacts`). */
const PLAN_CACHE_MODE = `select set_config('plan_cache_mode', $1, true)`;

interface FactRows {
  interactions: {
    customer_id: string;
    occurred_at: string;
    purpose: InteractionPurpose;
    sentiment: number;
  }[];
  friction: { customer_id: string; created_at: string; resolved_at: string | null }[];
  feedback: { customer_id: string; responded_at: string; type: SurveyType; score: number }[];
}

/** Answers the facts of one customer of those a `sendHealthFacts` named. */
export type FactsOf = (subject: HealthSubject) => HealthFacts;

/**
 * Everything health is computed from, for a batch of customers of one workspace, in one statement sent
 * now (see `send`: a statement sent before it, such as a lock, runs first): interactions, feedback
 * answers in the window of both dates, and friction points (every one, resolved too, for the trend's
 * earlier date).
 */
export async function sendHealthFacts(
  on: Sender,
  workspaceId: string,
  ids: readonly string[],
  asOf: Date,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): Promise<FactsOf> {
  // Planned once per connection: in PostgreSQL's default plan cache mode these facts were planned
  // anew on every execution, because for one customer their custom plans always look cheaper than
  // the generic one (which counts ten ids in the array), about 0.8 ms of a write's 3 ms of PostgreSQL
  // CPU. The generic plan is as fast, for 500 customers too. Only for this statement: other
  // statements need their custom plans (a search's generic plan scans the whole workspace).
  void send(on, PLAN_CACHE_MODE, ['force_generic_plan']);
  const sent = send<FactRows>(on, ALL_FACTS, [
    workspaceId,
    ids,
    asOf,
    model.sentiment.windowDays + model.trendDays,
    model.trendDays,
    model.balance.lastInteractions,
    model.feedback.windowDays + model.trendDays,
  ]);
  void send(on, PLAN_CACHE_MODE, ['auto']);
  const [rows] = await sent;
  const { interactions: interactionRows, friction: frictionRows, feedback: feedbackRows } = rows as FactRows;
  const interactions = new Map<string, HealthInteractionFact[]>();
  const feedback = new Map<string, HealthFeedbackFact[]>();
  const frictionPoints = new Map<string, HealthFrictionFact[]>();
  const add = <F>(facts: Map<string, F[]>, id: string, fact: F) => {
    const list = facts.get(id);
    if (list) list.push(fact);
    else facts.set(id, [fact]);
  };
  for (const row of feedbackRows) {
    add(feedback, row.customer_id, {
      answeredAt: new Date(row.responded_at),
      surveyType: row.type,
      score: row.score,
    });
  }
  for (const row of frictionRows) {
    add(frictionPoints, row.customer_id, {
      raisedAt: new Date(row.created_at),
      resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    });
  }
  for (const row of interactionRows) {
    add(interactions, row.customer_id, {
      occurredAt: new Date(row.occurred_at),
      purpose: row.purpose,
      sentiment: Number(row.sentiment),
    });
  }
  return (subject) => ({
    createdAt: subject.createdAt,
    cadenceDays: subject.cadenceDays,
    interactions: interactions.get(subject.id) ?? [],
    feedback: feedback.get(subject.id) ?? [],
    frictionPoints: frictionPoints.get(subject.id) ?? [],
  });
}

/** `sendHealthFacts` for subjects already read: each subject with its facts. */
export async function loadHealthFacts(
  em: EntityManager,
  workspaceId: string,
  subjects: readonly HealthSubject[],
  asOf: Date,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): Promise<{ subject: HealthSubject; facts: HealthFacts }[]> {
  if (subjects.length === 0) return [];
  const factsOf = await sendHealthFacts(
    em,
    workspaceId,
    subjects.map((s) => s.id),
    asOf,
    model,
  );
  return subjects.map((subject) => ({ subject, facts: factsOf(subject) }));
}
