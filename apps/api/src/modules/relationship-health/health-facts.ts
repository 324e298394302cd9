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
 * How a facts statement names its customers, as `$2`: one id, or an array of them. One customer's
 * facts (every write) have a text of their own: with a single id the generic plan's estimates are
 * the custom plans', so PostgreSQL settles on it and plans the statement once per connection. With
 * an array the generic plan counts ten ids: for one customer the custom plans look cheaper, and the
 * statement was planned on every execution (0.7 ms, most of its cost); for a batch of hundreds (the
 * scheduled pass) the generic plan wins.
 */
const NAMING = {
  one: { isNamed: '= $2::uuid', named: '(values ($2::uuid))' },
  many: { isNamed: '= any($2::uuid[])', named: 'unnest($2::uuid[])' },
} as const;

/**
 * Everything `health(facts, asOf)` can look at, for the customers named, in one statement (each kind
 * of fact as a JSON array, timestamps as ISO text). Interactions: every one in the sentiment window
 * of both asOf and the trend's earlier date, plus (at or before that earlier date, where the window
 * does not reach) the last `lastInteractions` (with ties) for the balance and the latest relationship
 * contact for recency; nothing older can change the result. Feedback answers in the window of both
 * dates. Friction points: every one, resolved too, for the trend's earlier date.
 */
const factsSql = ({ isNamed, named }: (typeof NAMING)[keyof typeof NAMING]) => `
  select (select coalesce(json_agg(f), '[]') from (
            select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
             where i.workspace_id = $1 and i.customer_id ${isNamed}
               and i.occurred_at > $3::timestamptz - $4::float8 * interval '1 day'
            union
            select last_ones.* from ${named} as c(id) cross join lateral (
              select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
               where i.workspace_id = $1 and i.customer_id = c.id
                 and i.occurred_at <= $3::timestamptz - $5::float8 * interval '1 day'
               order by i.occurred_at desc fetch first ($6::int) rows with ties) last_ones
            union
            select last_contact.* from ${named} as c(id) cross join lateral (
              select i.customer_id, i.id, i.occurred_at, i.purpose, i.sentiment from interactions i
               where i.workspace_id = $1 and i.customer_id = c.id and i.purpose = 'RELATIONSHIP'
                 and i.occurred_at <= $3::timestamptz - $5::float8 * interval '1 day'
               order by i.occurred_at desc limit 1) last_contact) f) as interactions,
         (select coalesce(json_agg(f), '[]') from (
            select customer_id, created_at, resolved_at from friction_points
             where workspace_id = $1 and customer_id ${isNamed}) f) as friction,
         (select coalesce(json_agg(f), '[]') from (
            select r.customer_id, r.responded_at, s.type, r.score from feedback_responses r
              join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
             where r.workspace_id = $1 and r.customer_id ${isNamed}
               and r.responded_at > $3::timestamptz - $7::float8 * interval '1 day') f) as feedback`;

const FACTS_OF_ONE = factsSql(NAMING.one);
const FACTS_OF_MANY = factsSql(NAMING.many);

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
 * Everything health is computed from (see `factsSql`), for a batch of customers of one workspace, in
 * one statement sent now (see `send`: a statement sent before it, such as a lock, runs first).
 */
export async function sendHealthFacts(
  on: Sender,
  workspaceId: string,
  ids: readonly string[],
  asOf: Date,
  model: HealthModel = DEFAULT_HEALTH_MODEL,
): Promise<FactsOf> {
  const one = ids.length === 1;
  const [rows] = await send<FactRows>(on, one ? FACTS_OF_ONE : FACTS_OF_MANY, [
    workspaceId,
    one ? ids[0] : ids,
    asOf,
    model.sentiment.windowDays + model.trendDays,
    model.trendDays,
    model.balance.lastInteractions,
    model.feedback.windowDays + model.trendDays,
  ]);
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
