import { isLowScore, lowAnswerSeverity, SCORE_RANGES, type SurveyType } from '@rapport/domain';
import type { LinkTokens } from '../auth/link-tokens';
import { tokenHash } from '../auth/tokens';
import { weighted } from './chance';
import type { CopyValue } from './copy-rows';
import type { RaisedFriction } from './friction';
import { randomFor } from './ids';
import { DAY_MS, startOfUtcDay } from './options';
import { FEEDBACK_COMMENTS } from './vocabulary';
import type { World } from './world';

export const SURVEY_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'type',
  'question',
  'touchpoint_id',
  'anonymous',
  'created_at',
];
export const REQUEST_COLUMNS = [
  'workspace_id',
  'id',
  'survey_id',
  'customer_id',
  'interaction_id',
  'expires_at',
  'answered_at',
  'created_by',
  'created_at',
];
export const RESPONSE_COLUMNS = [
  'workspace_id',
  'id',
  'survey_id',
  'request_id',
  'customer_id',
  'score',
  'comment',
  'responded_at',
];
export const ACCESS_TOKEN_COLUMNS = [
  'token_hash',
  'kind',
  'workspace_id',
  'subject_id',
  'expires_at',
  'used_at',
  'created_at',
];

const EXPIRY_MS = 14 * DAY_MS;
/** A shared link never expires by itself (as surveys.service.ts). */
const NEVER = new Date('9999-12-31T00:00:00Z');

const SURVEYS: {
  name: string;
  type: SurveyType;
  question: string;
  touchpoint: string | null;
  anonymous: boolean;
}[] = [
  {
    name: 'Recommend us',
    type: 'NPS',
    question: 'How likely are you to recommend us to a friend?',
    touchpoint: null,
    anonymous: false,
  },
  {
    name: 'Delivery',
    type: 'CSAT',
    question: 'How happy were you with your delivery?',
    touchpoint: 'Morning delivery',
    anonymous: false,
  },
  {
    name: 'Ordering online',
    type: 'CES',
    question: 'How easy was it to order online?',
    touchpoint: 'Online cake order form',
    anonymous: false,
  },
  {
    name: 'Your visit',
    type: 'CSAT',
    question: 'How was your visit today?',
    touchpoint: 'Counter, High Street',
    anonymous: true,
  },
];
const ANONYMOUS_SURVEY = 3;
/** Which attributed survey a request is for: NPS half the time. */
const ATTRIBUTED_WEIGHTS = [50, 30, 20];
/** Score weights from each type's minimum up: about one answer in ten is low. */
const SCORE_WEIGHTS: Record<SurveyType, number[]> = {
  NPS: [1, 1, 1, 1, 2, 2, 3, 8, 16, 25, 30],
  CSAT: [3, 4, 10, 35, 48],
  CES: [2, 2, 4, 8, 14, 30, 40],
};

const surveyId = (world: World, s: number) => world.id('survey', s);
export const pendingRequestKind = 'pending-request';

interface RequestFact {
  id: string;
  survey: number;
  customer: number;
  interaction: number;
  createdAt: number;
  answeredAt: number | null;
  createdBy: string | null;
}

interface ResponseFact {
  id: string;
  survey: number;
  request: RequestFact | null;
  score: number;
  comment: string | null;
  respondedAt: number;
}

export function surveyRows(world: World): CopyValue[][] {
  if (world.spec.feedbackAnswers + world.spec.pendingFeedback === 0) return [];
  const at = new Date(world.createdAt + 2 * DAY_MS);
  return SURVEYS.map((s, i) => [
    world.workspaceId,
    surveyId(world, i),
    s.name,
    s.type,
    s.question,
    world.touchpoints.find((t) => t.name === s.touchpoint)?.id ?? null,
    s.anonymous,
    at,
  ]);
}

/**
 * Everything feedback holds, as events in a fixed order so that each table's pass over them (they
 * are generated again for each) sees the same: answered requests and, a quarter as many, expired
 * ones, on one of the customer's interactions; anonymous answers to the shared survey (one in
 * twenty answers); then the pending requests, one per customer, asked in the last ten days.
 */
function* feedbackEvents(world: World): Generator<{ request?: RequestFact; response?: ResponseFact }> {
  const r = randomFor(world.seed, world.stream('feedback'));
  const { customers: cf, interactions: facts, members, spec } = world;
  const memberOf = (i: number) =>
    i >= 0 ? (members[facts.member[i] as number]?.id ?? null) : r.pick(members).id;
  const answer = (
    survey: number,
    request: RequestFact | null,
    respondedAt: number,
    n: number,
  ): ResponseFact => {
    const type = SURVEYS[survey]?.type ?? 'NPS';
    const score = SCORE_RANGES[type].min + weighted(r, SCORE_WEIGHTS[type]);
    const comment = r.chance(0.35)
      ? r.pick(FEEDBACK_COMMENTS[isLowScore(type, score) ? 'low' : 'high'])
      : null;
    return { id: world.id('response', n), survey, request, score, comment, respondedAt };
  };
  const anonymous = Math.round(spec.feedbackAnswers / 20);
  const attributed = spec.feedbackAnswers - anonymous;
  const expired = Math.round(attributed / 4);
  let responses = 0;
  for (let k = 0; k < attributed + expired; k++) {
    const answered = k < attributed;
    const c = r.int(0, spec.customers - 1);
    const count = (cf.first[c + 1] as number) - (cf.first[c] as number);
    const interaction = count > 0 ? (cf.first[c] as number) + r.int(0, count - 1) : -1;
    const after = interaction >= 0 ? (facts.occurredAt[interaction] as number) : (cf.createdAt[c] as number);
    // An expired request was made at least its lifetime ago.
    const createdAt = Math.min(
      after + r.int(1, 6) * 3_600_000,
      answered ? world.now : world.now - EXPIRY_MS - DAY_MS,
    );
    const request: RequestFact = {
      id: world.id('request', k),
      survey: weighted(r, ATTRIBUTED_WEIGHTS),
      customer: c,
      interaction: createdAt > after ? interaction : -1,
      createdAt,
      answeredAt: answered ? createdAt + r.next() * Math.min(5 * DAY_MS, (world.now - createdAt) / 2) : null,
      createdBy: memberOf(interaction),
    };
    const response =
      request.answeredAt === null
        ? undefined
        : answer(request.survey, request, request.answeredAt, responses++);
    yield { request, response };
  }
  for (let k = 0; k < anonymous; k++) {
    const at = world.createdAt + 3 * DAY_MS + r.next() * (world.now - world.createdAt - 4 * DAY_MS);
    // An anonymous answer keeps only its day (as feedback-answers.service.ts).
    yield { response: answer(ANONYMOUS_SURVEY, null, startOfUtcDay(new Date(at)).getTime(), responses++) };
  }
  // A stride coprime to the customer count visits each customer at most once.
  let stride = Math.max(1, Math.floor(spec.customers * 0.618));
  while (gcd(stride, spec.customers) !== 1) stride++;
  for (let k = 0; k < spec.pendingFeedback; k++) {
    const c = (k * stride) % spec.customers;
    const last = (cf.first[c + 1] as number) - 1;
    const createdAt = Math.max(
      (cf.createdAt[c] as number) + 3_600_000,
      world.now - r.int(1, 240) * 3_600_000,
    );
    const interaction =
      last >= (cf.first[c] as number) && (facts.occurredAt[last] as number) < createdAt ? last : -1;
    yield {
      request: {
        id: world.id(pendingRequestKind, k),
        survey: weighted(r, ATTRIBUTED_WEIGHTS),
        customer: c,
        interaction,
        createdAt,
        answeredAt: null,
        createdBy: memberOf(interaction),
      },
    };
  }
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function* requestRows(world: World): Generator<CopyValue[]> {
  for (const { request: q } of feedbackEvents(world)) {
    if (!q) continue;
    yield [
      world.workspaceId,
      q.id,
      surveyId(world, q.survey),
      world.id('customer', q.customer),
      q.interaction >= 0 ? world.id('interaction', q.interaction) : null,
      new Date(q.createdAt + EXPIRY_MS),
      q.answeredAt === null ? null : new Date(q.answeredAt),
      q.createdBy,
      new Date(q.createdAt),
    ];
  }
}

/**
 * The access tokens the app issues with each request (and the anonymous survey's shared link): the
 * SHA-256 of the link token LinkTokens derives, used once the request was answered.
 */
export function* accessTokenRows(world: World, links: LinkTokens): Generator<CopyValue[]> {
  if (world.spec.feedbackAnswers + world.spec.pendingFeedback === 0) return;
  const anonymousSurvey = surveyId(world, ANONYMOUS_SURVEY);
  yield [
    tokenHash(links.token('survey', anonymousSurvey)),
    'survey',
    world.workspaceId,
    anonymousSurvey,
    NEVER,
    null,
    new Date(world.createdAt + 2 * DAY_MS),
  ];
  for (const { request: q } of feedbackEvents(world)) {
    if (!q) continue;
    yield [
      tokenHash(links.token('feedback', q.id)),
      'feedback',
      world.workspaceId,
      q.id,
      new Date(q.createdAt + EXPIRY_MS),
      q.answeredAt === null ? null : new Date(q.answeredAt),
      new Date(q.createdAt),
    ];
  }
}

/**
 * The answers; every low one (the domain's `isLowScore`) gets the friction point answering raises in
 * the app: on the customer and the survey's touchpoint, owned by the customer's owner, with the
 * domain's severity and the app's description. They are pushed onto `friction`.
 */
export function* responseRows(world: World, friction: RaisedFriction[]): Generator<CopyValue[]> {
  const { customers: cf, members } = world;
  for (const { response: a } of feedbackEvents(world)) {
    if (!a) continue;
    const survey = SURVEYS[a.survey] ?? SURVEYS[0];
    const customerId = a.request ? world.id('customer', a.request.customer) : null;
    yield [
      world.workspaceId,
      a.id,
      surveyId(world, a.survey),
      a.request?.id ?? null,
      customerId,
      a.score,
      a.comment,
      new Date(a.respondedAt),
    ];
    if (!survey || !isLowScore(survey.type, a.score)) continue;
    const scored = `${survey.type} ${a.score}/${SCORE_RANGES[survey.type].max}`;
    friction.push({
      id: world.id('feedback-friction', friction.length),
      touchpointId: world.touchpoints.find((t) => t.name === survey.touchpoint)?.id ?? null,
      customerId,
      description: a.comment ? `Low ${scored}: “${a.comment}”` : `Low ${scored}, no comment`,
      severity: lowAnswerSeverity(survey.type, a.score),
      ownerId: a.request ? (members[cf.owner[a.request.customer] as number]?.id ?? null) : null,
      source: 'FEEDBACK',
      feedbackResponseId: a.id,
      createdBy: null,
      createdAt: a.respondedAt,
    });
  }
}
