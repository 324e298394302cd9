import { type HealthFacts, health, normalisedScore, type SurveyType } from '@rapport/domain';
import { dumpState, isHashStored, isStoredAnywhere, raceOnWrite } from './support/database';
import {
  addMember,
  code,
  fields,
  type GqlClient,
  type GqlResult,
  PUBLIC_URL,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
} from './support/harness';
import { clientAt, postGql, type Variables } from './support/http';

const DAY = 86_400_000;
const CREATE_SURVEY = `mutation($input: CreateSurveyInput!) {
  createSurvey(input: $input) { id name type question anonymous publicUrl touchpoint { id } }
}`;
const REQUEST = `mutation($input: RequestFeedbackInput!) {
  requestFeedback(input: $input) { id url status expiresAt createdAt survey { id } customer { id } response { id } }
}`;
const REQUESTS = `query($surveyId: ID, $customerId: ID) {
  feedbackRequests(surveyId: $surveyId, customerId: $customerId) {
    id url status expiresAt response { id score comment customer { id } }
  }
}`;
const FORM = `query($token: String!) { feedbackForm(token: $token) { businessName type question minScore maxScore status } }`;
const SUBMIT = `mutation($token: String!, $input: SubmitFeedbackInput!) { submitFeedback(token: $token, input: $input) }`;
const SUMMARY = `query($surveyId: ID, $touchpointId: ID, $from: DateTime, $to: DateTime) {
  feedbackSummary(surveyId: $surveyId, touchpointId: $touchpointId, from: $from, to: $to) { responses nps csat ces }
}`;
const RESPONSES = `query($surveyId: ID) { feedbackResponses(surveyId: $surveyId) { id score comment customer { id } survey { id } } }`;
const BLIND_SPOTS = `{ blindSpots { touchpoint { id } audits answers auditScore customerScore gap } }`;
const SET_AUTO = `mutation($surveyId: ID, $trigger: FeedbackTrigger, $touchpointId: ID) {
  setFeedbackAutoRequest(surveyId: $surveyId, trigger: $trigger, touchpointId: $touchpointId) {
    id autoFeedbackTrigger autoFeedbackSurvey { id } autoFeedbackTouchpoint { id }
  }
}`;
const UPDATE_WORKSPACE = `mutation($days: Int) { updateWorkspace(feedbackCapDays: $days) { feedbackCapDays } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const HEALTH = `query($id: ID!) { customer(id: $id) { id health { score band trend factors { key value points explanation } nextBestAction } } }`;

let t: TestApp;
let owner: SignedIn;
let staff: SignedIn;
let touchpointId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Feedback Bakery');
  staff = await addMember(t, owner);
  touchpointId = await newTouchpoint('Counter');
});
afterAll(() => t.close());
beforeEach(() => t.admin.query('delete from rate_limit_events'));

let serial = 0;
async function newTouchpoint(name = 'Desk'): Promise<string> {
  const data = await owner.client.ok(
    `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }`,
    { input: { name: `${name} ${++serial}`, channel: 'STORE', stage: 'BUY' } },
  );
  return data.createTouchpoint.id;
}

async function newCustomer(ownerId: string | null = staff.memberId): Promise<string> {
  const data = await owner.client.ok(
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    { input: { name: `Carla ${++serial}`, ownerId } },
  );
  return data.createCustomer.id;
}

async function newSurvey(type: SurveyType, extra: Variables = {}) {
  const data = await owner.client.ok(CREATE_SURVEY, {
    input: { name: `Survey ${++serial}`, type, question: 'How did we do?', ...extra },
  });
  return data.createSurvey as {
    id: string;
    publicUrl: string | null;
    anonymous: boolean;
    touchpoint: { id: string } | null;
  };
}

const tokenOf = (url: string) => url.slice(`${PUBLIC_URL}/f/`.length);

async function requestFor(surveyId: string, customerId: string, extra: Variables = {}, by = staff) {
  const data = await by.client.ok(REQUEST, { input: { surveyId, customerId, ...extra } });
  return { ...data.requestFeedback, token: tokenOf(data.requestFeedback.url) } as {
    id: string;
    url: string;
    status: string;
    expiresAt: string;
    createdAt: string;
    token: string;
  };
}

const submit = (token: string, input: Variables, client: GqlClient = t.client()) =>
  client.gql(SUBMIT, { token, input });

/** A fresh customer (owned by staff) asked with `surveyId` and answering `score`. */
async function answered(surveyId: string, score: number, comment: string | null = null) {
  const customerId = await newCustomer();
  const request = await requestFor(surveyId, customerId);
  const result = await submit(request.token, { score, comment });
  expect(result.errors).toBeUndefined();
  const { rows } = await t.admin.query('select * from feedback_responses where request_id = $1', [
    request.id,
  ]);
  return { customerId, request, response: rows[0] };
}

const setCap = (days: number) => owner.client.ok(UPDATE_WORKSPACE, { days });

const requestsOf = async (customerId: string) =>
  (await owner.client.ok(REQUESTS, { customerId })).feedbackRequests as { id: string; status: string }[];

describe('createSurvey and surveys', () => {
  it('creates a survey of each type, attributed by default, optionally at a touchpoint', async () => {
    const nps = await newSurvey('NPS');
    expect(nps).toMatchObject({ type: 'NPS', anonymous: false, publicUrl: null, touchpoint: null });
    const csat = await newSurvey('CSAT', { touchpointId });
    expect(csat).toMatchObject({ type: 'CSAT', touchpoint: { id: touchpointId } });
    const ces = await newSurvey('CES', { anonymous: true });
    expect(ces.anonymous).toBe(true);
    const { surveys } = await staff.client.ok('{ surveys { id } }');
    expect(surveys.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([nps.id, csat.id, ces.id]),
    );
  });

  it.each<[string, Variables, string]>([
    ['a blank name', { name: '  ' }, 'name'],
    ['a blank question', { question: '' }, 'question'],
    ['a question over 500 characters', { question: 'x'.repeat(501) }, 'question'],
    ['a malformed touchpoint id', { touchpointId: 'desk' }, 'touchpointId'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_, change, field) => {
    const before = await dumpState(t.admin);
    const result = await owner.client.gql(CREATE_SURVEY, {
      input: { name: 'Visit', type: 'NPS', question: 'How?', ...change },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual([field]);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it("refuses another workspace's touchpoint as NOT_FOUND, like an unknown one, writing nothing", async () => {
    const other = await signUpOwner(t, 'Other Bakery');
    const before = await dumpState(t.admin);
    const input = { name: 'Visit', type: 'NPS', question: 'How?' };
    const theirs = await other.client.gql(CREATE_SURVEY, { input: { ...input, touchpointId } });
    expect(code(theirs)).toBe('NOT_FOUND');
    const unknown = await other.client.gql(CREATE_SURVEY, {
      input: { ...input, touchpointId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown).toEqual(theirs);
    expect(await dumpState(t.admin)).toEqual(before);
  });
});

describe('requestFeedback', () => {
  let survey: { id: string };
  beforeAll(async () => {
    survey = await newSurvey('NPS', { touchpointId });
  });

  it('gives a single-use link: an unguessable token, stored only as its SHA-256, shown again in the list', async () => {
    const customerId = await newCustomer();
    const request = await requestFor(survey.id, customerId);
    expect(request.url).toMatch(new RegExp(`^${PUBLIC_URL}/f/[A-Za-z0-9_-]{43}$`));
    expect(request.status).toBe('PENDING');
    expect(await isStoredAnywhere(t.admin, request.token)).toBe(false);
    expect(await isHashStored(t.admin, request.token)).toBe(true);
    const listed = await owner.client.ok(REQUESTS, { surveyId: survey.id });
    expect(listed.feedbackRequests).toContainEqual(
      expect.objectContaining({ id: request.id, url: request.url, status: 'PENDING', response: null }),
    );
    const again = await requestsOf(customerId);
    expect(again).toEqual([expect.objectContaining({ id: request.id, url: request.url })]);
    // Another request has another token.
    const other = await requestFor(survey.id, await newCustomer());
    expect(other.token).not.toBe(request.token);
  });

  it('expires in 14 days by default; the token expires with it', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBeGreaterThanOrEqual(
      14 * DAY - 1000,
    );
    expect(Date.parse(request.expiresAt) - Date.parse(request.createdAt)).toBeLessThanOrEqual(
      14 * DAY + 1000,
    );
    const { rows } = await t.admin.query(
      `select r.expires_at = a.expires_at as same from feedback_requests r
         join access_tokens a on a.subject_id = r.id and a.kind = 'feedback' where r.id = $1`,
      [request.id],
    );
    expect(rows).toEqual([{ same: true }]);
  });

  it.each([1, 90])('accepts an expiry of %i days', async (days) => {
    const request = await requestFor(survey.id, await newCustomer(), { expiresInDays: days });
    const span = Date.parse(request.expiresAt) - Date.parse(request.createdAt);
    expect(Math.round(span / DAY)).toBe(days);
  });

  it.each([0, 91])('refuses an expiry of %i days with BAD_USER_INPUT, writing nothing', async (days) => {
    const customerId = await newCustomer();
    const before = await dumpState(t.admin);
    const result = await staff.client.gql(REQUEST, {
      input: { surveyId: survey.id, customerId, expiresInDays: days },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['expiresInDays']);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it("refuses another customer's interaction as NOT_FOUND", async () => {
    const first = await newCustomer();
    const logged = await staff.client.ok(LOG, { input: interaction(first) });
    const result = await staff.client.gql(REQUEST, {
      input: {
        surveyId: survey.id,
        customerId: await newCustomer(),
        interactionId: logged.logInteraction.id,
      },
    });
    expect(code(result)).toBe('NOT_FOUND');
  });

  it('refuses an anonymous survey (it has its shared link)', async () => {
    const anonymous = await newSurvey('NPS', { anonymous: true });
    const result = await staff.client.gql(REQUEST, {
      input: { surveyId: anonymous.id, customerId: await newCustomer() },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['surveyId']);
  });

  it('shows PENDING, then ANSWERED with the response, or EXPIRED once the expiry has passed', async () => {
    const pending = await requestFor(survey.id, await newCustomer());
    const toAnswer = await requestFor(survey.id, await newCustomer());
    const toExpire = await requestFor(survey.id, await newCustomer());
    await t.client().ok(SUBMIT, { token: toAnswer.token, input: { score: 9, comment: 'Great' } });
    await expireRequest(toExpire.id);
    const { feedbackRequests } = await owner.client.ok(REQUESTS, { surveyId: survey.id });
    const statusOf = (id: string) => feedbackRequests.find((r: { id: string }) => r.id === id);
    expect(statusOf(pending.id)).toMatchObject({ status: 'PENDING', response: null });
    expect(statusOf(toAnswer.id)).toMatchObject({
      status: 'ANSWERED',
      response: { score: 9, comment: 'Great' },
    });
    expect(statusOf(toExpire.id)).toMatchObject({ status: 'EXPIRED', response: null });
  });
});

/** Moves a request's expiry (and its token's) into the past. */
async function expireRequest(requestId: string) {
  await t.admin.query(`update feedback_requests set expires_at = now() - interval '1 minute' where id = $1`, [
    requestId,
  ]);
  await t.admin.query(
    `update access_tokens set expires_at = now() - interval '1 minute' where kind = 'feedback' and subject_id = $1`,
    [requestId],
  );
}

const interaction = (customerId: string, extra: Variables = {}) => ({
  customerId,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'SALES',
  sentiment: 1,
  summary: `Sold a cake ${++serial}`,
  ...extra,
});

describe('the cap: a customer is asked at most once in N days', () => {
  let survey: { id: string };
  beforeAll(async () => {
    survey = await newSurvey('CSAT');
  });
  afterEach(() => setCap(30));

  it('refuses a second request within 30 days with CONFLICT and a clear message, writing nothing', async () => {
    const customerId = await newCustomer();
    await requestFor(survey.id, customerId);
    const before = await dumpState(t.admin);
    const result = await staff.client.gql(REQUEST, { input: { surveyId: survey.id, customerId } });
    expect(code(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(
      /^This customer was asked for feedback on \d{4}-\d{2}-\d{2}; ask again once the workspace's waiting period has passed$/,
    );
    expect(await dumpState(t.admin)).toEqual(before);
    // Another customer is not affected.
    expect(
      (await staff.client.gql(REQUEST, { input: { surveyId: survey.id, customerId: await newCustomer() } }))
        .errors,
    ).toBeUndefined();
  });

  it('allows asking again once the window has passed', async () => {
    const customerId = await newCustomer();
    const first = await requestFor(survey.id, customerId);
    await t.admin.query(
      `update feedback_requests set created_at = now() - interval '29 days' where id = $1`,
      [first.id],
    );
    expect(code(await staff.client.gql(REQUEST, { input: { surveyId: survey.id, customerId } }))).toBe(
      'CONFLICT',
    );
    await t.admin.query(
      `update feedback_requests set created_at = now() - interval '31 days' where id = $1`,
      [first.id],
    );
    expect(
      (await staff.client.gql(REQUEST, { input: { surveyId: survey.id, customerId } })).errors,
    ).toBeUndefined();
    expect(await requestsOf(customerId)).toHaveLength(2);
  });

  it('is the workspace setting: 0 allows asking at once, 7 makes the window 7 days', async () => {
    const customerId = await newCustomer();
    await requestFor(survey.id, customerId);
    expect((await setCap(0)).updateWorkspace.feedbackCapDays).toBe(0);
    await requestFor(survey.id, customerId);
    await setCap(7);
    expect(code(await staff.client.gql(REQUEST, { input: { surveyId: survey.id, customerId } }))).toBe(
      'CONFLICT',
    );
    await t.admin.query(
      `update feedback_requests set created_at = now() - interval '8 days' where customer_id = $1`,
      [customerId],
    );
    await requestFor(survey.id, customerId);
    expect(await requestsOf(customerId)).toHaveLength(3);
  });

  it.each([-1, 366])('refuses a cap of %i days', async (days) => {
    expect(code(await owner.client.gql(UPDATE_WORKSPACE, { days }))).toBe('BAD_USER_INPUT');
  });
});

describe('the automatic request rule', () => {
  let survey: { id: string };
  beforeAll(async () => {
    survey = await newSurvey('NPS');
  });
  afterEach(async () => {
    await owner.client.ok(SET_AUTO, { surveyId: null });
    await setCap(30);
  });

  it("after a customer's first interaction, asks once, tied to it; later ones ask nothing", async () => {
    const rule = await owner.client.ok(SET_AUTO, { surveyId: survey.id, trigger: 'FIRST_INTERACTION' });
    expect(rule.setFeedbackAutoRequest).toMatchObject({
      autoFeedbackTrigger: 'FIRST_INTERACTION',
      autoFeedbackSurvey: { id: survey.id },
      autoFeedbackTouchpoint: null,
    });
    await setCap(0);
    const customerId = await newCustomer();
    const first = await staff.client.ok(LOG, { input: interaction(customerId) });
    const { rows } = await t.admin.query(
      'select survey_id, interaction_id, created_by from feedback_requests where customer_id = $1',
      [customerId],
    );
    expect(rows).toEqual([
      { survey_id: survey.id, interaction_id: first.logInteraction.id, created_by: staff.memberId },
    ]);
    await staff.client.ok(LOG, { input: interaction(customerId) });
    expect(await requestsOf(customerId)).toHaveLength(1);
  });

  it('after an interaction at the chosen touchpoint only, within the cap', async () => {
    const at = await newTouchpoint('Till');
    await owner.client.ok(SET_AUTO, { surveyId: survey.id, trigger: 'TOUCHPOINT', touchpointId: at });
    const customerId = await newCustomer();
    await staff.client.ok(LOG, { input: interaction(customerId) });
    await staff.client.ok(LOG, {
      input: interaction(customerId, { touchpointId: touchpointId, channel: undefined }),
    });
    expect(await requestsOf(customerId)).toEqual([]);
    await staff.client.ok(LOG, { input: interaction(customerId, { touchpointId: at, channel: undefined }) });
    expect(await requestsOf(customerId)).toHaveLength(1);
    // Within the cap, another interaction there asks nothing more.
    await staff.client.ok(LOG, { input: interaction(customerId, { touchpointId: at, channel: undefined }) });
    expect(await requestsOf(customerId)).toHaveLength(1);
  });

  it('respects the cap: a customer asked by hand is not asked again by the rule', async () => {
    await owner.client.ok(SET_AUTO, { surveyId: survey.id, trigger: 'FIRST_INTERACTION' });
    const customerId = await newCustomer();
    await requestFor(survey.id, customerId);
    await staff.client.ok(LOG, { input: interaction(customerId) });
    expect(await requestsOf(customerId)).toHaveLength(1);
  });

  it('refuses an anonymous survey, a touchpoint trigger without a touchpoint, writing nothing', async () => {
    const anonymous = await newSurvey('CSAT', { anonymous: true });
    const before = await dumpState(t.admin);
    const result = await owner.client.gql(SET_AUTO, { surveyId: anonymous.id, trigger: 'FIRST_INTERACTION' });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['surveyId']);
    const noTouchpoint = await owner.client.gql(SET_AUTO, { surveyId: survey.id, trigger: 'TOUCHPOINT' });
    expect(fields(noTouchpoint)).toEqual({ touchpointId: 'Choose the touchpoint' });
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('is off by default and when switched off', async () => {
    const customerId = await newCustomer();
    await staff.client.ok(LOG, { input: interaction(customerId) });
    expect(await requestsOf(customerId)).toEqual([]);
  });
});

describe('feedbackForm', () => {
  it('shows exactly the business, the type, the question, the scale and the status; nothing else', async () => {
    const { __type } = await t.client().ok('{ __type(name: "PublicFeedbackForm") { fields { name } } }');
    expect(__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(
      ['businessName', 'maxScore', 'minScore', 'question', 'status', 'type'].sort(),
    );
    for (const [type, min, max] of [
      ['NPS', 0, 10],
      ['CSAT', 1, 5],
      ['CES', 1, 7],
    ] as const) {
      const survey = await newSurvey(type);
      const request = await requestFor(survey.id, await newCustomer());
      const { feedbackForm } = await t.client().ok(FORM, { token: request.token });
      expect(feedbackForm).toEqual({
        businessName: 'Feedback Bakery',
        type,
        question: 'How did we do?',
        minScore: min,
        maxScore: max,
        status: 'PENDING',
      });
    }
  });

  it('is NOT_FOUND for an unknown token', async () => {
    expect(code(await t.client().gql(FORM, { token: 'x'.repeat(43) }))).toBe('NOT_FOUND');
  });
});

describe('submitFeedback', () => {
  let survey: { id: string };
  beforeAll(async () => {
    survey = await newSurvey('NPS', { touchpointId });
  });

  it.each([-1, 11])(
    'refuses a score of %i with BAD_USER_INPUT on score, writing nothing; the link still works',
    async (score) => {
      const request = await requestFor(survey.id, await newCustomer());
      const before = await dumpState(t.admin);
      const result = await submit(request.token, { score });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(fields(result)).toEqual({ score: 'Choose a score from 0 to 10' });
      expect(await dumpState(t.admin)).toEqual(before);
      expect((await submit(request.token, { score: 10 })).errors).toBeUndefined();
    },
  );

  it('keeps a comment of 2000 characters and refuses 2001, writing nothing', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    const before = await dumpState(t.admin);
    const long = await submit(request.token, { score: 9, comment: 'x'.repeat(2001) });
    expect(code(long)).toBe('BAD_USER_INPUT');
    expect(fields(long)).toEqual({ comment: 'At most 2000 characters' });
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await submit(request.token, { score: 9, comment: 'y'.repeat(2000) })).errors).toBeUndefined();
    const { rows } = await t.admin.query('select comment from feedback_responses where request_id = $1', [
      request.id,
    ]);
    expect(rows).toEqual([{ comment: 'y'.repeat(2000) }]);
  });

  it('takes one answer per link: a second is CONFLICT and writes nothing', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    expect((await submit(request.token, { score: 8 })).errors).toBeUndefined();
    const before = await dumpState(t.admin);
    const second = await submit(request.token, { score: 2, comment: 'Changed my mind' });
    expect(code(second)).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);
    const { feedbackForm } = await t.client().ok(FORM, { token: request.token });
    expect(feedbackForm.status).toBe('ANSWERED');
  });

  it('of two racing answers takes one (OK) and refuses the other (CONFLICT): one row, one loop closed at most', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    const results: GqlResult[] = await raceOnWrite(t.admin, 'access_tokens', [
      () => submit(request.token, { score: 2, comment: 'Slow' }),
      () => submit(request.token, { score: 9 }),
    ]);
    const ok = results.filter((r) => !r.errors);
    expect(ok).toHaveLength(1);
    expect(results.map(code).filter(Boolean)).toEqual(['CONFLICT']);
    const { rows } = await t.admin.query('select id, score from feedback_responses where request_id = $1', [
      request.id,
    ]);
    expect(rows).toHaveLength(1);
    const winner = results[0]!.errors ? 9 : 2;
    expect(rows[0].score).toBe(winner);
    const raised = await t.admin.query('select 1 from friction_points where feedback_response_id = $1', [
      rows[0].id,
    ]);
    expect(raised.rowCount).toBe(winner === 2 ? 1 : 0);
  });

  it('refuses an expired link, writing nothing; the form says EXPIRED', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    await expireRequest(request.id);
    const before = await dumpState(t.admin);
    const result = await submit(request.token, { score: 9 });
    expect(code(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toMatch(/expired/);
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await t.client().ok(FORM, { token: request.token })).feedbackForm.status).toBe('EXPIRED');
  });

  it('is NOT_FOUND for an unknown token, writing nothing', async () => {
    const before = await dumpState(t.admin);
    expect(code(await submit('y'.repeat(43), { score: 5 }))).toBe('NOT_FOUND');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('is rate-limited per address: the 301st request in 15 minutes is refused; another address gets through', async () => {
    const request = await requestFor(survey.id, await newCustomer());
    const from = clientAt(t, '127.0.0.51');
    expect((await from(FORM, { token: request.token })).errors).toBeUndefined();
    const { rows } = await t.admin.query(
      `select distinct key from rate_limit_events where bucket = 'public-link' and key like 'ip:%127.0.0.51'`,
    );
    expect(rows).toHaveLength(1);
    await t.admin.query(
      `insert into rate_limit_events (bucket, key)
       select 'public-link', $1 from generate_series(1, 300 - (select count(*)::int from rate_limit_events
         where bucket = 'public-link' and key = $1))`,
      [rows[0].key],
    );
    const before = await dumpState(t.admin);
    expect(code(await from(SUBMIT, { token: request.token, input: { score: 9 } }))).toBe('RATE_LIMITED');
    expect(code(await from(FORM, { token: request.token }))).toBe('RATE_LIMITED');
    expect(await dumpState(t.admin)).toEqual(before);
    expect(
      (await clientAt(t, '127.0.0.52')(SUBMIT, { token: request.token, input: { score: 9 } })).errors,
    ).toBeUndefined();
  });
});

describe('closing the loop', () => {
  it.each<[SurveyType, number, boolean]>([
    ['NPS', 0, true],
    ['NPS', 6, true],
    ['NPS', 7, false],
    ['NPS', 10, false],
    ['CSAT', 1, true],
    ['CSAT', 2, true],
    ['CSAT', 3, false],
    ['CES', 3, true],
    ['CES', 4, false],
  ])('%s %i raises a friction point: %s', async (type, score, low) => {
    const survey = await newSurvey(type, { touchpointId });
    const { customerId, response } = await answered(survey.id, score, 'The queue was long');
    const { rows } = await t.admin.query(
      `select touchpoint_id, customer_id, owner_id, description, source, status, feedback_response_id
         from friction_points where workspace_id = $1 and customer_id = $2`,
      [owner.workspaceId, customerId],
    );
    if (!low) {
      expect(rows).toEqual([]);
      return;
    }
    expect(rows).toEqual([
      {
        touchpoint_id: touchpointId,
        customer_id: customerId,
        owner_id: staff.memberId,
        description: expect.stringContaining('The queue was long'),
        source: 'FEEDBACK',
        status: 'OPEN',
        feedback_response_id: response.id,
      },
    ]);
  });

  it('raises it without a touchpoint for a survey on none, owned by nobody when the customer has no owner', async () => {
    const survey = await newSurvey('CSAT');
    const customerId = await newCustomer(null);
    const request = await requestFor(survey.id, customerId);
    await t.client().ok(SUBMIT, { token: request.token, input: { score: 1 } });
    const { frictionPoints } = await owner.client.ok(
      `query($id: ID) { frictionPoints(customerId: $id) { source touchpoint { id } owner { id } customer { id } } }`,
      { id: customerId },
    );
    expect(frictionPoints).toEqual([
      { source: 'FEEDBACK', touchpoint: null, owner: null, customer: { id: customerId } },
    ]);
  });

  it('in the same transaction: when the friction point cannot be stored, neither is the answer', async () => {
    const survey = await newSurvey('NPS', { touchpointId });
    const customerId = await newCustomer();
    const request = await requestFor(survey.id, customerId);
    await t.admin.query(`
      create function refuse_feedback_friction() returns trigger language plpgsql as $$
      begin
        if new.source = 'FEEDBACK' and new.description like '%refuse me%' then
          raise exception 'refused by the test';
        end if;
        return new;
      end $$;
      create trigger refuse_feedback_friction before insert on friction_points
        for each row execute function refuse_feedback_friction();`);
    try {
      const before = await dumpState(t.admin);
      const result = await submit(request.token, { score: 2, comment: 'refuse me' });
      expect(result.errors).toBeDefined();
      expect(await dumpState(t.admin)).toEqual(before);
    } finally {
      await t.admin.query(`drop trigger refuse_feedback_friction on friction_points;
        drop function refuse_feedback_friction();`);
    }
    expect((await submit(request.token, { score: 2, comment: 'Second try' })).errors).toBeUndefined();
    expect((await requestsOf(customerId))[0]!.status).toBe('ANSWERED');
  });
});

describe("the customer's health", () => {
  /** The customer's health as stored, and as the domain computes it from every admin row. */
  async function expected(customerId: string) {
    const {
      rows: [row],
    } = await t.admin.query(
      `select c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days, c.health_as_of, c.health
         from customers c join workspaces w on w.id = c.workspace_id where c.id = $1`,
      [customerId],
    );
    const interactions = await t.admin.query(
      'select occurred_at, purpose, sentiment from interactions where customer_id = $1',
      [customerId],
    );
    const feedback = await t.admin.query(
      `select r.responded_at, s.type, r.score from feedback_responses r join surveys s on s.id = r.survey_id
        where r.customer_id = $1`,
      [customerId],
    );
    const friction = await t.admin.query(
      'select created_at, resolved_at from friction_points where customer_id = $1',
      [customerId],
    );
    const facts: HealthFacts = {
      createdAt: row.created_at,
      cadenceDays: row.cadence_days,
      interactions: interactions.rows.map((r) => ({
        occurredAt: r.occurred_at,
        purpose: r.purpose,
        sentiment: Number(r.sentiment),
      })),
      feedback: feedback.rows.map((r) => ({
        answeredAt: r.responded_at,
        surveyType: r.type,
        score: r.score,
      })),
      frictionPoints: friction.rows.map((r) => ({ raisedAt: r.created_at, resolvedAt: r.resolved_at })),
    };
    return health(facts, row.health_as_of);
  }

  const read = async (id: string) => (await owner.client.ok(HEALTH, { id })).customer.health;
  const factor = (h: { factors: { key: string; value: number }[] }) =>
    h.factors.find((f) => f.key === 'feedback')!;

  afterEach(() => setCap(30));

  it('takes the latest answer within 180 days, exactly as health() does, and moves at once', async () => {
    const customerId = await newCustomer();
    await staff.client.ok(LOG, { input: interaction(customerId, { purpose: 'RELATIONSHIP' }) });
    const start = await read(customerId);
    expect(factor(start).value).toBe(0.5);

    const nps = await newSurvey('NPS', { touchpointId });
    const first = await requestFor(nps.id, customerId);
    await t.client().ok(SUBMIT, { token: first.token, input: { score: 8 } });
    const afterFirst = await read(customerId);
    expect(factor(afterFirst).value).toBeCloseTo(normalisedScore('NPS', 8), 12);
    expect(afterFirst).toEqual(await expected(customerId));
    expect(afterFirst.score).not.toBe(start.score);

    await setCap(0);
    const ces = await newSurvey('CES');
    const second = await requestFor(ces.id, customerId);
    await t.client().ok(SUBMIT, { token: second.token, input: { score: 2, comment: 'Hard to order' } });
    const afterSecond = await read(customerId);
    expect(factor(afterSecond).value).toBeCloseTo(normalisedScore('CES', 2), 12);
    expect(afterSecond).toEqual(await expected(customerId));

    // Both answers older than 180 days: no feedback, as health() says.
    await t.admin.query(
      `update feedback_responses set responded_at = now() - interval '181 days' where customer_id = $1`,
      [customerId],
    );
    await staff.client.ok(LOG, { input: interaction(customerId) });
    const aged = await read(customerId);
    expect(factor(aged).value).toBe(0.5);
    expect(aged).toEqual(await expected(customerId));
  });
});

describe('anonymous surveys', () => {
  it('have a shared link that anyone answers, once per device per day, never linked to anyone', async () => {
    const tp = await newTouchpoint('Window');
    const survey = await newSurvey('CSAT', { anonymous: true, touchpointId: tp });
    expect(survey.publicUrl).toMatch(new RegExp(`^${PUBLIC_URL}/f/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(survey.publicUrl!);
    expect(await isStoredAnywhere(t.admin, token)).toBe(false);
    expect(await isHashStored(t.admin, token)).toBe(true);
    expect((await t.client().ok(FORM, { token })).feedbackForm).toEqual({
      businessName: 'Feedback Bakery',
      type: 'CSAT',
      question: 'How did we do?',
      minScore: 1,
      maxScore: 5,
      status: 'PENDING',
    });

    const device = t.client();
    const res = await postGql(device, SUBMIT, { token, input: { score: 5, comment: 'Lovely' } });
    expect(res.body.errors).toBeUndefined();
    const cookieName = `rapport_answered_${survey.id.replaceAll('-', '')}`;
    expect(String(res.headers['set-cookie'])).toContain(`${cookieName}=`);
    for (const score of [4, 3]) expect((await submit(token, { score })).errors).toBeUndefined();

    const before = await dumpState(t.admin);
    expect(code(await submit(token, { score: 1 }, device))).toBe('RATE_LIMITED');
    expect(await dumpState(t.admin)).toEqual(before);

    const { rows } = await t.admin.query(
      'select * from feedback_responses where survey_id = $1 order by score',
      [survey.id],
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(
        [
          'comment',
          'customer_id',
          'id',
          'request_id',
          'responded_at',
          'score',
          'survey_id',
          'workspace_id',
        ].sort(),
      );
      expect(row).toMatchObject({ workspace_id: owner.workspaceId, customer_id: null, request_id: null });
    }
    const { rows: days } = await t.admin.query(
      `select bool_and(responded_at = date_trunc('day', responded_at)) as truncated from feedback_responses
        where survey_id = $1`,
      [survey.id],
    );
    expect(days).toEqual([{ truncated: true }]);
    const text = JSON.stringify(
      (await t.admin.query('select r::text from feedback_responses r where survey_id = $1', [survey.id]))
        .rows,
    );
    expect(text).not.toMatch(/127\.0\.0\.|::1|supertest|node/i);
  });

  it('allow at least 30 answers per address per hour (a shared Wi-Fi), each device once', async () => {
    const survey = await newSurvey('NPS', { anonymous: true });
    const token = tokenOf(survey.publicUrl!);
    const from = clientAt(t, '127.0.0.60');
    for (let i = 0; i < 31; i++) {
      expect((await from(SUBMIT, { token, input: { score: i % 11 } })).errors).toBeUndefined();
    }
    const { rows } = await t.admin.query(
      'select count(*)::int as n from feedback_responses where survey_id = $1',
      [survey.id],
    );
    expect(rows).toEqual([{ n: 31 }]);
    // The per-address counter keeps no readable address.
    const keys = await t.admin.query(
      `select distinct key from rate_limit_events where bucket = 'anonymous-answer'`,
    );
    expect(keys.rows).toHaveLength(1);
    expect(keys.rows[0].key).not.toContain('127.0.0.60');
  });

  it('a low anonymous answer raises a friction point on the touchpoint, without a customer or owner', async () => {
    const tp = await newTouchpoint('Terrace');
    const survey = await newSurvey('CES', { anonymous: true, touchpointId: tp });
    await t
      .client()
      .ok(SUBMIT, { token: tokenOf(survey.publicUrl!), input: { score: 3, comment: 'Confusing menu' } });
    await t.client().ok(SUBMIT, { token: tokenOf(survey.publicUrl!), input: { score: 4 } });
    const { rows } = await t.admin.query(
      `select f.touchpoint_id, f.customer_id, f.owner_id, f.source, f.description, r.score
         from friction_points f join feedback_responses r on r.id = f.feedback_response_id where r.survey_id = $1`,
      [survey.id],
    );
    expect(rows).toEqual([
      {
        touchpoint_id: tp,
        customer_id: null,
        owner_id: null,
        source: 'FEEDBACK',
        description: expect.stringContaining('Confusing menu'),
        score: 3,
      },
    ]);
  });
});

describe('feedbackSummary', () => {
  it('computes NPS, CSAT and mean CES on worked numbers, per survey, touchpoint and period', async () => {
    const tp = await newTouchpoint('Summary');
    const nps = await newSurvey('NPS', { touchpointId: tp });
    const csat = await newSurvey('CSAT', { touchpointId: tp });
    const ces = await newSurvey('CES', { touchpointId: tp });
    for (const score of [10, 9, 9, 8, 3]) await answered(nps.id, score);
    for (const score of [5, 4, 3, 2]) await answered(csat.id, score);
    const cesAnswers = [];
    for (const score of [2, 3, 7]) cesAnswers.push(await answered(ces.id, score));

    const summary = async (variables: Variables) =>
      (await staff.client.ok(SUMMARY, variables)).feedbackSummary;
    expect(await summary({ surveyId: nps.id })).toEqual({ responses: 5, nps: 40, csat: null, ces: null });
    expect(await summary({ surveyId: csat.id })).toEqual({ responses: 4, nps: null, csat: 0.5, ces: null });
    expect(await summary({ surveyId: ces.id })).toEqual({ responses: 3, nps: null, csat: null, ces: 4 });
    expect(await summary({ touchpointId: tp })).toEqual({ responses: 12, nps: 40, csat: 0.5, ces: 4 });

    // Move the CES 7 answer into January 2024: the period [from, to) picks it alone, or leaves it out.
    await t.admin.query(`update feedback_responses set responded_at = '2024-01-15T12:00:00Z' where id = $1`, [
      cesAnswers[2]!.response.id,
    ]);
    const january = { from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' };
    expect(await summary({ touchpointId: tp, ...january })).toEqual({
      responses: 1,
      nps: null,
      csat: null,
      ces: 7,
    });
    expect(await summary({ surveyId: ces.id, from: '2024-02-01T00:00:00Z' })).toEqual({
      responses: 2,
      nps: null,
      csat: null,
      ces: 2.5,
    });
    expect(await summary({ surveyId: ces.id, to: '2024-01-15T12:00:00Z' })).toEqual({
      responses: 0,
      nps: null,
      csat: null,
      ces: null,
    });
  });

  it('anonymity guard: 4 anonymous answers give the count with null scores, 5 give the scores', async () => {
    const tp = await newTouchpoint('Guarded');
    const survey = await newSurvey('NPS', { anonymous: true, touchpointId: tp });
    const attributed = await newSurvey('NPS', { touchpointId: tp });
    await answered(attributed.id, 10);
    const token = tokenOf(survey.publicUrl!);
    for (const score of [9, 9, 6, 0]) await t.client().ok(SUBMIT, { token, input: { score } });
    const summary = async (variables: Variables) =>
      (await owner.client.ok(SUMMARY, variables)).feedbackSummary;
    expect(await summary({ surveyId: survey.id })).toEqual({
      responses: 4,
      nps: null,
      csat: null,
      ces: null,
    });
    expect(await summary({ touchpointId: tp })).toEqual({ responses: 5, nps: null, csat: null, ces: null });
    // The attributed survey alone is not guarded.
    expect(await summary({ surveyId: attributed.id })).toEqual({
      responses: 1,
      nps: 100,
      csat: null,
      ces: null,
    });

    await t.client().ok(SUBMIT, { token, input: { score: 10 } });
    // Anonymous: 3 promoters, 2 detractors of 5 → 20; with the attributed 10: 4 and 2 of 6 → 33.3.
    expect(await summary({ surveyId: survey.id })).toEqual({ responses: 5, nps: 20, csat: null, ces: null });
    const all = await summary({ touchpointId: tp });
    expect(all).toEqual({ responses: 6, nps: expect.any(Number), csat: null, ces: null });
    expect(all.nps).toBeCloseTo(100 / 3, 10);
  });
});

describe('feedbackResponses', () => {
  it('hides anonymous comments until the survey has 5 answers; attributed comments always show', async () => {
    const survey = await newSurvey('CSAT', { anonymous: true });
    const token = tokenOf(survey.publicUrl!);
    for (let i = 1; i <= 4; i++)
      await t.client().ok(SUBMIT, { token, input: { score: 5, comment: `Note ${i}` } });
    const list = async (surveyId: string) =>
      (await owner.client.ok(RESPONSES, { surveyId })).feedbackResponses;
    const four = await list(survey.id);
    expect(four).toHaveLength(4);
    for (const r of four)
      expect(r).toMatchObject({ comment: null, customer: null, survey: { id: survey.id } });
    // Nor does the unfiltered list show them.
    const everything = (await owner.client.ok(RESPONSES, {})).feedbackResponses;
    for (const r of everything.filter((x: { survey: { id: string } }) => x.survey.id === survey.id)) {
      expect(r.comment).toBeNull();
    }

    await t.client().ok(SUBMIT, { token, input: { score: 4, comment: 'Note 5' } });
    const five = await list(survey.id);
    expect(five.map((r: { comment: string }) => r.comment).sort()).toEqual([
      'Note 1',
      'Note 2',
      'Note 3',
      'Note 4',
      'Note 5',
    ]);

    const attributed = await newSurvey('CSAT');
    const { customerId } = await answered(attributed.id, 4, 'Friendly staff');
    expect(await list(attributed.id)).toEqual([
      expect.objectContaining({ score: 4, comment: 'Friendly staff', customer: { id: customerId } }),
    ]);
  });
});

describe('blindSpots', () => {
  const RECORD = `mutation($auditId: ID!, $input: ObservationInput!) { recordObservation(auditId: $auditId, input: $input) { id } }`;

  async function audit(tp: string, [accuracy, availability, partnership, advice]: number[]) {
    const created = await owner.client.ok(
      `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id } }`,
      {
        input: {
          title: `Walk ${++serial}`,
          scenario: 'Buy a loaf',
          touchpointIds: [tp],
          auditorName: 'Alex',
          external: false,
        },
      },
    );
    const auditId = created.createAudit.id;
    await owner.client.ok(RECORD, {
      auditId,
      input: {
        touchpointId: tp,
        experienced: 'Fine',
        surprise: 'NONE',
        friction: 0,
        accuracy,
        availability,
        partnership,
        advice,
        wouldReturn: true,
      },
    });
    await owner.client.ok(`mutation($id: ID!) { submitAudit(id: $id) { id } }`, { id: auditId });
  }

  it('puts the audit score beside the customer score per touchpoint, with the gap; null where a side is missing or guarded', async () => {
    const both = await newTouchpoint('Both');
    const auditedOnly = await newTouchpoint('Audited');
    const saidOnly = await newTouchpoint('Said');
    const guarded = await newTouchpoint('Guarded spot');
    await audit(both, [5, 3, 4, 4]); // mean 4 → 0.75
    await audit(auditedOnly, [2, 2, 2, 2]); // → 0.25
    await audit(guarded, [5, 5, 5, 5]); // → 1
    const npsBoth = await newSurvey('NPS', { touchpointId: both });
    const csatBoth = await newSurvey('CSAT', { touchpointId: both });
    await answered(npsBoth.id, 7); // 0.7
    await answered(csatBoth.id, 2); // 0.25
    const cesSaid = await newSurvey('CES', { touchpointId: saidOnly });
    await answered(cesSaid.id, 4); // 0.5
    const anonymous = await newSurvey('NPS', { anonymous: true, touchpointId: guarded });
    for (const score of [10, 10])
      await t.client().ok(SUBMIT, { token: tokenOf(anonymous.publicUrl!), input: { score } });

    const { blindSpots } = await owner.client.ok(BLIND_SPOTS);
    const of = (id: string) => blindSpots.find((s: { touchpoint: { id: string } }) => s.touchpoint.id === id);
    const spot = of(both);
    expect(spot).toMatchObject({ audits: 1, answers: 2, auditScore: 0.75 });
    expect(spot.customerScore).toBeCloseTo(0.475, 10);
    expect(spot.gap).toBeCloseTo(0.475 - 0.75, 10);
    expect(of(auditedOnly)).toEqual({
      touchpoint: { id: auditedOnly },
      audits: 1,
      answers: 0,
      auditScore: 0.25,
      customerScore: null,
      gap: null,
    });
    expect(of(saidOnly)).toEqual({
      touchpoint: { id: saidOnly },
      audits: 0,
      answers: 1,
      auditScore: null,
      customerScore: 0.5,
      gap: null,
    });
    expect(of(guarded)).toEqual({
      touchpoint: { id: guarded },
      audits: 1,
      answers: 2,
      auditScore: 1,
      customerScore: null,
      gap: null,
    });
  });
});

describe("the customer's timeline", () => {
  it('shows the attributed answer and the friction point it raised', async () => {
    const survey = await newSurvey('NPS', { touchpointId });
    const { customerId, response } = await answered(survey.id, 4, 'Bread was stale');
    const { customer } = await owner.client.ok(
      `query($id: ID!) { customer(id: $id) { timeline { totalCount edges { node {
        __typename
        ... on FeedbackResponse { id score comment survey { id } customer { id } }
        ... on FrictionPoint { source description customer { id } touchpoint { id } }
      } } } } }`,
      { id: customerId },
    );
    const nodes = customer.timeline.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual(
      expect.arrayContaining([
        {
          __typename: 'FeedbackResponse',
          id: response.id,
          score: 4,
          comment: 'Bread was stale',
          survey: { id: survey.id },
          customer: { id: customerId },
        },
        {
          __typename: 'FrictionPoint',
          source: 'FEEDBACK',
          description: expect.stringContaining('Bread was stale'),
          customer: { id: customerId },
          touchpoint: { id: touchpointId },
        },
      ]),
    );
    expect(customer.timeline.totalCount).toBe(2);
  });
});
