import { randomUUID } from 'node:crypto';
import { Client, type PoolClient } from 'pg';
import { appLoginRole } from '../src/database/app-login';
import { APP_ROLE, APP_ROLE_STARTUP_OPTIONS } from '../src/database/app-role';
import { type GqlResult, startTestApp, type TestApp } from './support/harness';
import {
  auditInput,
  CREATE_AUDIT,
  CREATE_CUSTOMER,
  CREATE_SURVEY,
  FRONT_DESK,
  type Ids,
  interactionInput,
  LOG_INTERACTION,
  observationInput,
  RECORD_OBSERVATION,
  REQUEST_FEEDBACK,
  SCHEDULE_CHECK_IN,
  SUBMIT_AUDIT,
  SUBMIT_FEEDBACK,
  seedWorkspace,
  type Tenant,
  tokenOf,
  tomorrow,
} from './support/seed';

const CUSTOMER = `query($id: ID!) { customer(id: $id) { id name owner { id } } }`;
const CUSTOMERS = `query($after: String, $filter: CustomerFilter) {
  customers(first: 10, after: $after, filter: $filter) { totalCount edges { node { id } } }
}`;
const UPDATE_CUSTOMER = `mutation($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) { id owner { id } }
}`;
const ARCHIVE_CUSTOMER = `mutation($id: ID!) { archiveCustomer(id: $id) { id } }`;
const TOUCHPOINT = `query($id: ID!) { touchpoint(id: $id) { id name } }`;
const UPDATE_TOUCHPOINT = `mutation($id: ID!, $input: TouchpointInput!) {
  updateTouchpoint(id: $id, input: $input) { id }
}`;
const INTERACTION = `query($id: ID!) { interaction(id: $id) { id summary } }`;
const CHECK_IN = `query($id: ID!) { checkIn(id: $id) { id note } }`;
const CHECK_INS = `query($customerId: ID, $assigneeId: ID) {
  checkIns(customerId: $customerId, assigneeId: $assigneeId) { totalCount edges { node { id } } }
}`;
const COMPLETE_CHECK_IN = `mutation($id: ID!, $input: CompleteCheckInInput!) { completeCheckIn(id: $id, input: $input) { id } }`;
const SKIP_CHECK_IN = `mutation($id: ID!) { skipCheckIn(id: $id, reason: "Hijack") { id } }`;
const AUDIT = `query($id: ID!) { audit(id: $id) { id title } }`;
const RENEW_AUDIT_LINK = `mutation($id: ID!) { renewAuditLink(id: $id) { id inviteUrl } }`;
const FRICTION_POINT = `query($id: ID!) { frictionPoint(id: $id) { id description } }`;
const FRICTION_POINTS = `query($touchpointId: ID, $customerId: ID) {
  frictionPoints(touchpointId: $touchpointId, customerId: $customerId) { id }
}`;
const RAISE_FRICTION = `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`;
const UPDATE_FRICTION = `mutation($id: ID!, $input: UpdateFrictionPointInput!) {
  updateFrictionPoint(id: $id, input: $input) { id }
}`;
const FEEDBACK_REQUESTS = `query($surveyId: ID, $customerId: ID) {
  feedbackRequests(surveyId: $surveyId, customerId: $customerId) { id }
}`;
const FEEDBACK_SUMMARY = `query($surveyId: ID, $touchpointId: ID) {
  feedbackSummary(surveyId: $surveyId, touchpointId: $touchpointId) { responses nps csat ces }
}`;
const FEEDBACK_RESPONSES = `query($surveyId: ID) { feedbackResponses(surveyId: $surveyId) { id } }`;
const SET_AUTO_REQUEST = `mutation($surveyId: ID, $trigger: FeedbackTrigger, $touchpointId: ID) {
  setFeedbackAutoRequest(surveyId: $surveyId, trigger: $trigger, touchpointId: $touchpointId) { id }
}`;
const FEEDBACK_FORM = `query($token: String!) { feedbackForm(token: $token) { businessName question status } }`;
/** Tables whose rows belong to one workspace (`workspaces` is keyed by `id`, the others by `workspace_id`). */
const TENANT_TABLES = [
  'workspaces',
  'members',
  'invitations',
  'customers',
  'touchpoints',
  'interactions',
  'check_ins',
  'health_snapshots',
  'health_days',
  'contact_days',
  'customer_counts',
  'audits',
  'audit_steps',
  'observations',
  'friction_points',
  'surveys',
  'feedback_requests',
  'feedback_responses',
  'idempotency_keys',
  'change_history',
] as const;
type TenantTable = (typeof TENANT_TABLES)[number];
/**
 * Written only by the database's own triggers: the app role may read them (under row-level security)
 * but holds no privilege to write, so its writes are refused before any policy is asked.
 */
const APPEND_ONLY: readonly TenantTable[] = ['change_history'];
/** How the database refuses the app role a write to `table` of another (or no) workspace. */
const refusal = (table: TenantTable) =>
  APPEND_ONLY.includes(table) ? /permission denied/ : /row-level security/;
/** What must be found before the workspace is known (sign-in, cookies, links, rate limits); no business data. */
const GLOBAL_TABLES = [
  'access_tokens',
  'credentials',
  'migrations',
  'rate_limit_events',
  'sessions',
  'workspace_directory',
];
const keyOf = (table: string) => (table === 'workspaces' ? 'id' : 'workspace_id');

const encodeCursor = (id: string) => Buffer.from(JSON.stringify([id])).toString('base64url');
const unknownIds = (): Ids => ({
  memberId: randomUUID(),
  customerId: randomUUID(),
  touchpointId: randomUUID(),
  interactionId: randomUUID(),
  checkInId: randomUUID(),
  cursor: encodeCursor(randomUUID()),
  auditId: randomUUID(),
  observationId: randomUUID(),
  frictionPointId: randomUUID(),
  surveyId: randomUUID(),
  requestId: randomUUID(),
  responseId: randomUUID(),
});

let t: TestApp;
let a: Tenant;
let b: Tenant;

/** Every tenant row of one workspace, as stored. */
async function snapshot(workspaceId: string) {
  const rows: Record<string, unknown[]> = {};
  for (const table of TENANT_TABLES) {
    const result = await t.admin.query(
      `select * from ${table} t where ${keyOf(table)} = $1 order by t::text`,
      [workspaceId],
    );
    rows[table] = result.rows;
  }
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedWorkspace(t, 'Alpha', -2, 1, 2);
  b = await seedWorkspace(t, 'Bravo', 2, 4, 9);
});
afterAll(() => t.close());

describe("B using A's ids", () => {
  const notFound = { data: null, errors: [{ extensions: { code: 'NOT_FOUND' } }] };
  const badOwner = {
    data: null,
    errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: { ownerId: 'No such member' } } }],
  };
  const noEdges = { data: { customers: { edges: [] } } };
  const badTouchpoints = {
    data: null,
    errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: { touchpointIds: 'No such touchpoint' } } }],
  };

  it.each<[string, string, (ids: Ids) => Record<string, unknown>, object]>([
    ['customer', CUSTOMER, (x) => ({ id: x.customerId }), { data: { customer: null } }],
    ['customers filtered by owner', CUSTOMERS, (x) => ({ filter: { ownerId: x.memberId } }), noEdges],
    ['customers after a cursor', CUSTOMERS, (x) => ({ after: x.cursor }), noEdges],
    [
      'createCustomer with an owner',
      CREATE_CUSTOMER,
      (x) => ({ input: { name: 'Hijack', ownerId: x.memberId } }),
      badOwner,
    ],
    ['updateCustomer', UPDATE_CUSTOMER, (x) => ({ id: x.customerId, input: { name: 'Hijack' } }), notFound],
    [
      'updateCustomer to an owner',
      UPDATE_CUSTOMER,
      (x) => ({ id: b.customerId, input: { ownerId: x.memberId } }),
      badOwner,
    ],
    ['archiveCustomer', ARCHIVE_CUSTOMER, (x) => ({ id: x.customerId }), notFound],
    ['touchpoint', TOUCHPOINT, (x) => ({ id: x.touchpointId }), { data: { touchpoint: null } }],
    [
      'updateTouchpoint',
      UPDATE_TOUCHPOINT,
      (x) => ({ id: x.touchpointId, input: { ...FRONT_DESK, name: 'Hijack' } }),
      notFound,
    ],
    ['interaction', INTERACTION, (x) => ({ id: x.interactionId }), { data: { interaction: null } }],
    [
      'logInteraction for a customer',
      LOG_INTERACTION,
      (x) => ({ input: interactionInput(x.customerId) }),
      notFound,
    ],
    [
      'logInteraction at a touchpoint',
      LOG_INTERACTION,
      (x) => ({ input: interactionInput(b.customerId, { touchpointId: x.touchpointId }) }),
      notFound,
    ],
    ['checkIn', CHECK_IN, (x) => ({ id: x.checkInId }), { data: { checkIn: null } }],
    [
      'checkIns of a customer',
      CHECK_INS,
      (x) => ({ customerId: x.customerId }),
      { data: { checkIns: { totalCount: 0, edges: [] } } },
    ],
    [
      'checkIns of an assignee',
      CHECK_INS,
      (x) => ({ assigneeId: x.memberId }),
      { data: { checkIns: { totalCount: 0, edges: [] } } },
    ],
    [
      'completeCheckIn',
      COMPLETE_CHECK_IN,
      (x) => ({ id: x.checkInId, input: { channel: 'PHONE', summary: 'Hijack' } }),
      notFound,
    ],
    ['skipCheckIn', SKIP_CHECK_IN, (x) => ({ id: x.checkInId }), notFound],
    [
      'scheduleCheckIn for a customer',
      SCHEDULE_CHECK_IN,
      (x) => ({ input: { customerId: x.customerId, dueAt: tomorrow() } }),
      notFound,
    ],
    [
      'scheduleCheckIn for an assignee',
      SCHEDULE_CHECK_IN,
      (x) => ({ input: { customerId: b.customerId, assigneeId: x.memberId, dueAt: tomorrow() } }),
      {
        data: null,
        errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: { assigneeId: 'No such member' } } }],
      },
    ],
    ['audit', AUDIT, (x) => ({ id: x.auditId }), { data: { audit: null } }],
    [
      'recordObservation',
      RECORD_OBSERVATION,
      (x) => ({ auditId: x.auditId, input: observationInput(b.touchpointId) }),
      notFound,
    ],
    ['submitAudit', SUBMIT_AUDIT, (x) => ({ id: x.auditId }), notFound],
    ['renewAuditLink', RENEW_AUDIT_LINK, (x) => ({ id: x.auditId }), notFound],
    [
      'createAudit with a touchpoint',
      CREATE_AUDIT,
      (x) => ({ input: auditInput(x.touchpointId, true) }),
      badTouchpoints,
    ],
    [
      'createAudit with a touchpoint among its own',
      CREATE_AUDIT,
      (x) => ({
        input: { ...auditInput(b.touchpointId, false), touchpointIds: [b.touchpointId, x.touchpointId] },
      }),
      badTouchpoints,
    ],
    ['frictionPoint', FRICTION_POINT, (x) => ({ id: x.frictionPointId }), { data: { frictionPoint: null } }],
    [
      'frictionPoints of a touchpoint',
      FRICTION_POINTS,
      (x) => ({ touchpointId: x.touchpointId }),
      { data: { frictionPoints: [] } },
    ],
    [
      'frictionPoints of a customer',
      FRICTION_POINTS,
      (x) => ({ customerId: x.customerId }),
      { data: { frictionPoints: [] } },
    ],
    [
      'updateFrictionPoint',
      UPDATE_FRICTION,
      (x) => ({ id: x.frictionPointId, input: { status: 'RESOLVED', resolution: 'Hijack' } }),
      notFound,
    ],
    [
      'raiseFrictionPoint for a customer',
      RAISE_FRICTION,
      (x) => ({ input: { customerId: x.customerId, description: 'Hijack', severity: 1 } }),
      notFound,
    ],
    [
      'raiseFrictionPoint at a touchpoint',
      RAISE_FRICTION,
      (x) => ({ input: { touchpointId: x.touchpointId, description: 'Hijack', severity: 1 } }),
      notFound,
    ],
    [
      'raiseFrictionPoint from an interaction',
      RAISE_FRICTION,
      (x) => ({ input: { interactionId: x.interactionId, description: 'Hijack', severity: 1 } }),
      notFound,
    ],
    [
      'raiseFrictionPoint for an owner',
      RAISE_FRICTION,
      (x) => ({
        input: { customerId: b.customerId, ownerId: x.memberId, description: 'Hijack', severity: 1 },
      }),
      badOwner,
    ],
    [
      'createSurvey at a touchpoint',
      CREATE_SURVEY,
      (x) => ({ input: { name: 'Hijack', type: 'CSAT', question: 'Hijack?', touchpointId: x.touchpointId } }),
      notFound,
    ],
    [
      'requestFeedback with a survey',
      REQUEST_FEEDBACK,
      (x) => ({ input: { surveyId: x.surveyId, customerId: b.customerId } }),
      notFound,
    ],
    [
      'requestFeedback for a customer',
      REQUEST_FEEDBACK,
      (x) => ({ input: { surveyId: b.surveyId, customerId: x.customerId } }),
      notFound,
    ],
    [
      'requestFeedback tied to an interaction',
      REQUEST_FEEDBACK,
      (x) => ({ input: { surveyId: b.surveyId, customerId: b.customerId, interactionId: x.interactionId } }),
      notFound,
    ],
    [
      'feedbackRequests of a survey',
      FEEDBACK_REQUESTS,
      (x) => ({ surveyId: x.surveyId }),
      { data: { feedbackRequests: [] } },
    ],
    [
      'feedbackRequests of a customer',
      FEEDBACK_REQUESTS,
      (x) => ({ customerId: x.customerId }),
      { data: { feedbackRequests: [] } },
    ],
    [
      'feedbackSummary of a survey',
      FEEDBACK_SUMMARY,
      (x) => ({ surveyId: x.surveyId }),
      { data: { feedbackSummary: { responses: 0, nps: null, csat: null, ces: null } } },
    ],
    [
      'feedbackSummary of a touchpoint',
      FEEDBACK_SUMMARY,
      (x) => ({ touchpointId: x.touchpointId }),
      { data: { feedbackSummary: { responses: 0, nps: null, csat: null, ces: null } } },
    ],
    [
      'feedbackResponses of a survey',
      FEEDBACK_RESPONSES,
      (x) => ({ surveyId: x.surveyId }),
      { data: { feedbackResponses: [] } },
    ],
    [
      'setFeedbackAutoRequest with a survey',
      SET_AUTO_REQUEST,
      (x) => ({ surveyId: x.surveyId, trigger: 'FIRST_INTERACTION' }),
      notFound,
    ],
    [
      'setFeedbackAutoRequest at a touchpoint',
      SET_AUTO_REQUEST,
      (x) => ({ surveyId: b.surveyId, trigger: 'TOUCHPOINT', touchpointId: x.touchpointId }),
      notFound,
    ],
  ])(
    '%s: behaves exactly like an unknown id and changes nothing',
    async (_, operation, variables, expected) => {
      const before = [await snapshot(a.workspaceId), await snapshot(b.workspaceId)];
      const withA: GqlResult = await b.owner.client.gql(operation, variables(a));
      const withUnknown: GqlResult = await b.owner.client.gql(operation, variables(unknownIds()));
      expect(withA).toMatchObject(expected);
      expect(withA).toEqual(withUnknown);
      expect([await snapshot(a.workspaceId), await snapshot(b.workspaceId)]).toEqual(before);
    },
  );
});

describe('B sees and changes only its own workspace', () => {
  const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

  /** B's active customers as stored. */
  const activeOfB = async () =>
    (
      await t.admin.query(
        `select health_score as score, health_band as band, next_check_in_due_at < now() as overdue
           from customers where workspace_id = $1 and status = 'ACTIVE'`,
        [b.workspaceId],
      )
    ).rows as { score: number; band: string; overdue: boolean }[];

  it.each<[string, string, (data: any) => void | Promise<void>]>([
    [
      'healthSummary',
      '{ healthSummary { healthy watch atRisk averageScore checkInsOverdue } }',
      async (data) => {
        const rows = await activeOfB();
        const inBand = (band: string) => rows.filter((r) => r.band === band).length;
        expect(data.healthSummary).toEqual({
          healthy: inBand('HEALTHY'),
          watch: inBand('WATCH'),
          atRisk: inBand('AT_RISK'),
          averageScore: rows.reduce((sum, r) => sum + r.score, 0) / rows.length,
          checkInsOverdue: rows.filter((r) => r.overdue).length,
        });
      },
    ],
    [
      'healthTrend',
      '{ healthTrend(days: 7) { day averageScore healthy watch atRisk } }',
      async (data) => {
        const rows = await activeOfB();
        // Yesterday (B's one snapshot, see seedWorkspace), then today.
        const [yesterday, today] = data.healthTrend;
        expect(data.healthTrend).toHaveLength(2);
        expect(yesterday).toMatchObject({ averageScore: 60, watch: 1 });
        expect(today.healthy + today.watch + today.atRisk).toBe(rows.length);
        expect(today.averageScore).toBe(rows.reduce((sum, r) => sum + r.score, 0) / rows.length);
      },
    ],
    [
      'contactMix',
      '{ contactMix { member { id } relationship total } }',
      (data) =>
        expect([...data.contactMix].sort((x: any, y: any) => (x.member.id < y.member.id ? -1 : 1))).toEqual(
          [
            { member: { id: b.owner.memberId }, relationship: 0, total: 0 },
            // Today's contact, and the counted day seedWorkspace stored.
            { member: { id: b.staff.memberId }, relationship: 2, total: 2 },
          ].sort((x, y) => (x.member.id < y.member.id ? -1 : 1)),
        ),
    ],
    [
      'customers by band',
      `{ healthy: customers(filter: { band: HEALTHY }) { totalCount }
         watch: customers(filter: { band: WATCH }) { totalCount }
         atRisk: customers(filter: { band: AT_RISK }) { totalCount } }`,
      async (data) => {
        const rows = await activeOfB();
        const inBand = (band: string) => rows.filter((r) => r.band === band).length;
        expect([data.healthy, data.watch, data.atRisk].map((x) => x.totalCount)).toEqual([
          inBand('HEALTHY'),
          inBand('WATCH'),
          inBand('AT_RISK'),
        ]);
      },
    ],
    [
      'customers by overdue check-in',
      `{ overdue: customers(filter: { checkInOverdue: true }) { totalCount }
         notOverdue: customers(filter: { checkInOverdue: false }) { totalCount } }`,
      (data) => expect(data.overdue.totalCount + data.notOverdue.totalCount).toBe(2),
    ],
    [
      'checkIns',
      '{ checkIns { totalCount edges { node { id } } } }',
      (data) => expect(data.checkIns.edges).toEqual([{ node: { id: b.checkInId } }]),
    ],
    [
      'me',
      '{ me { id workspace { id } } }',
      (data) => expect(data.me).toEqual({ id: b.owner.memberId, workspace: { id: b.workspaceId } }),
    ],
    [
      'members',
      '{ members { id } }',
      (data) => expect(ids(data.members)).toEqual(ids([b.owner, b.staff].map((m) => ({ id: m.memberId })))),
    ],
    [
      'customers',
      '{ customers { totalCount edges { node { id name } } } }',
      (data) => {
        expect(data.customers.totalCount).toBe(2);
        expect(data.customers.edges.map((e: any) => e.node.name)).toEqual([
          'Bravo first client',
          'Bravo second client',
        ]);
      },
    ],
    [
      'customers by tag',
      '{ customers(filter: { tag: "vip" }) { totalCount } }',
      (data) => expect(data.customers.totalCount).toBe(2),
    ],
    [
      'touchpoints',
      '{ touchpoints { id } }',
      (data) => expect(data.touchpoints).toEqual([{ id: b.touchpointId }]),
    ],
    [
      'touchpoints with their audit scores and open friction',
      '{ touchpoints { id accuracy availability partnership advice consistency openFrictionCount } }',
      (data) =>
        expect(data.touchpoints).toEqual([
          {
            id: b.touchpointId,
            accuracy: 4,
            availability: 4,
            partnership: 4,
            advice: 4,
            consistency: null,
            openFrictionCount: 1,
          },
        ]),
    ],
    [
      'frictionPoints',
      '{ frictionPoints { id touchpoint { id } audit { id } } }',
      (data) => {
        expect(data.frictionPoints).toHaveLength(1);
        expect(data.frictionPoints[0]).toMatchObject({
          id: b.frictionPointId,
          touchpoint: { id: b.touchpointId },
        });
      },
    ],
    [
      'audits',
      '{ audits { id observations { id } } }',
      async (data) => {
        const { rows } = await t.admin.query('select id from audits where workspace_id = $1', [
          b.workspaceId,
        ]);
        expect(ids(data.audits)).toEqual(ids(rows));
        expect(data.audits.flatMap((x: any) => x.observations)).toEqual([{ id: b.observationId }]);
      },
    ],
    [
      'surveys',
      '{ surveys { id touchpoint { id } } }',
      (data) => expect(data.surveys).toEqual([{ id: b.surveyId, touchpoint: { id: b.touchpointId } }]),
    ],
    [
      'feedbackRequests',
      '{ feedbackRequests { id status customer { id } survey { id } response { id } } }',
      (data) =>
        expect(data.feedbackRequests).toEqual([
          {
            id: b.requestId,
            status: 'ANSWERED',
            customer: { id: b.customerId },
            survey: { id: b.surveyId },
            response: { id: b.responseId },
          },
        ]),
    ],
    [
      'feedbackResponses',
      '{ feedbackResponses { id score comment customer { id } } }',
      (data) =>
        expect(data.feedbackResponses).toEqual([
          { id: b.responseId, score: 9, comment: 'Bravo says', customer: { id: b.customerId } },
        ]),
    ],
    [
      'feedbackSummary',
      '{ feedbackSummary { responses nps csat ces } }',
      (data) => expect(data.feedbackSummary).toEqual({ responses: 1, nps: 100, csat: null, ces: null }),
    ],
    [
      'blindSpots',
      '{ blindSpots { touchpoint { id } audits answers auditScore customerScore gap } }',
      (data) => {
        expect(data.blindSpots).toEqual([
          {
            touchpoint: { id: b.touchpointId },
            audits: 1,
            answers: 1,
            auditScore: 0.75,
            customerScore: 0.9,
            gap: expect.any(Number),
          },
        ]);
        expect(data.blindSpots[0].gap).toBeCloseTo(0.15, 10);
      },
    ],
    [
      'frictionPoints raised by feedback',
      '{ frictionPoints { id source } }',
      (data) => expect(data.frictionPoints).toEqual([{ id: b.frictionPointId, source: 'AUDIT' }]),
    ],
    [
      'updateWorkspace',
      'mutation { updateWorkspace(name: "Bravo Renamed", defaultCadenceDays: 9) { id name defaultCadenceDays } }',
      (data) =>
        expect(data.updateWorkspace).toEqual({
          id: b.workspaceId,
          name: 'Bravo Renamed',
          defaultCadenceDays: 9,
        }),
    ],
    [
      "createTouchpoint with A's touchpoint name",
      'mutation { createTouchpoint(input: { name: "Alpha front desk", channel: WEB, stage: USE }) { id } }',
      (data) => expect(data.createTouchpoint.id).not.toBe(a.touchpointId),
    ],
    [
      'createCustomer',
      'mutation { createCustomer(input: { name: "Bravo walk-in" }) { id } }',
      (data) => expect(data.createCustomer.id).toEqual(expect.any(String)),
    ],
  ])('%s', async (_, operation, check) => {
    const before = await snapshot(a.workspaceId);
    await check(await b.owner.client.ok(operation));
    expect(await snapshot(a.workspaceId)).toEqual(before);
  });
});

describe("A's feedback link", () => {
  it("shows A's form only, and an answer through it lands in A and changes nothing of B", async () => {
    const form = await t.client().ok(FEEDBACK_FORM, { token: a.feedbackToken });
    expect(form.feedbackForm).toEqual({
      businessName: 'Alpha',
      question: 'Would you recommend us?',
      status: 'ANSWERED',
    });
    // A fresh request of A, for A's second customer (the first was asked within the cap).
    const { rows } = await t.admin.query(`select id from customers where workspace_id = $1 and name = $2`, [
      a.workspaceId,
      'Alpha second client',
    ]);
    const requested = await a.owner.client.ok(REQUEST_FEEDBACK, {
      input: { surveyId: a.surveyId, customerId: rows[0].id },
    });
    const before = await snapshot(b.workspaceId);
    const token = tokenOf(requested.requestFeedback.url);
    expect(await t.client().ok(SUBMIT_FEEDBACK, { token, input: { score: 10 } })).toEqual({
      submitFeedback: true,
    });
    expect(await snapshot(b.workspaceId)).toEqual(before);
    const answers = await t.admin.query(
      'select workspace_id, customer_id from feedback_responses where score = 10 and survey_id = $1',
      [a.surveyId],
    );
    expect(answers.rows).toEqual([{ workspace_id: a.workspaceId, customer_id: rows[0].id }]);
    const ofB = await b.owner.client.ok('{ feedbackRequests { id } feedbackResponses { id } }');
    expect(ofB).toEqual({
      feedbackRequests: [{ id: b.requestId }],
      feedbackResponses: [{ id: b.responseId }],
    });
  });

  it("is CONFLICT when answered again, whoever sends it, and never reaches B's request", async () => {
    const before = [await snapshot(a.workspaceId), await snapshot(b.workspaceId)];
    const again = await b.owner.client.gql(SUBMIT_FEEDBACK, { token: a.feedbackToken, input: { score: 10 } });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect([await snapshot(a.workspaceId), await snapshot(b.workspaceId)]).toEqual(before);
  });
});

describe('database locks', () => {
  async function rows<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await t.admin.query(sql, params)).rows;
  }

  /** Runs `work` in a transaction that is always rolled back. */
  async function inTransaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const db = await t.admin.connect();
    try {
      await db.query('begin');
      return await work(db);
    } finally {
      await db.query('rollback');
      db.release();
    }
  }

  /**
   * As the app does: logged in as its login role, running as the app role, with `app.workspace_id`
   * set to `workspaceId` (or not set). The connection has first had a workspace set and committed, as
   * a pooled connection of the app would have.
   */
  async function asApp<T>(workspaceId: string | null, work: (db: Client) => Promise<T>): Promise<T> {
    const db = new Client({ connectionString: t.appUrl, options: APP_ROLE_STARTUP_OPTIONS });
    await db.connect();
    try {
      await db.query('begin');
      await db.query(`select set_config('app.workspace_id', $1, true)`, [randomUUID()]);
      await db.query('commit');
      await db.query('begin');
      if (workspaceId) await db.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
      return await work(db);
    } finally {
      await db.end();
    }
  }

  const count = async (db: Client, table: string, where = 'true', params: unknown[] = []) =>
    (await db.query(`select count(*)::int as n from ${table} where ${where}`, params)).rows[0].n as number;

  describe('schema', () => {
    it('has a workspace_id in every table but the global ones, and the workspaces table itself', async () => {
      const tables = await rows<{ table: string; scoped: boolean }>(`
        select c.relname as table,
          exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id' and not a.attisdropped) as scoped
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')`);
      const unscoped = tables.filter((x) => !x.scoped).map((x) => x.table);
      const tenant = tables.filter((x) => x.scoped && !GLOBAL_TABLES.includes(x.table)).map((x) => x.table);
      expect(unscoped.sort()).toEqual([
        'migrations',
        'rate_limit_events',
        'workspace_directory',
        'workspaces',
      ]);
      expect(['workspaces', ...tenant].sort()).toEqual([...TENANT_TABLES].sort());
    });

    it('lists every workspace in workspace_directory by id and its last health pass alone (global, for scheduled work)', async () => {
      const columns = await rows<{ name: string }>(
        `select attname as name from pg_attribute
          where attrelid = 'workspace_directory'::regclass and attnum > 0 and not attisdropped`,
      );
      expect(columns.map((c) => c.name)).toEqual(['id', 'health_refreshed_at']);
      const listed = await rows<{ id: string }>('select id from workspace_directory order by id');
      const all = await rows<{ id: string }>('select id from workspaces order by id');
      expect(listed).toEqual(all);
      expect(listed.map((x) => x.id)).toEqual(expect.arrayContaining([a.workspaceId, b.workspaceId]));
    });

    it('leads the primary key of every tenant table with workspace_id (workspaces: with its id)', async () => {
      const keys = await rows<{ table: string; first: string }>(
        `select c.relname as table, a.attname as first
         from pg_index i join pg_class c on c.oid = i.indrelid
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
         where i.indisprimary and c.relname = any($1)`,
        [TENANT_TABLES],
      );
      const firstColumn = Object.fromEntries(keys.map((k) => [k.table, k.first]));
      expect(firstColumn).toEqual(Object.fromEntries(TENANT_TABLES.map((x) => [x, keyOf(x)])));
    });

    it('enables and forces row-level security on every tenant table', async () => {
      const found = await rows(
        `select relname as table, relrowsecurity as enabled, relforcerowsecurity as forced
         from pg_class where relname = any($1) and relnamespace = 'public'::regnamespace order by relname`,
        [TENANT_TABLES],
      );
      expect(found).toEqual(
        [...TENANT_TABLES].sort().map((table) => ({ table, enabled: true, forced: true })),
      );
    });

    it('scopes every policy, for reads (USING) and writes (WITH CHECK), to app.workspace_id', async () => {
      const policies = await rows<{
        table: string;
        cmd: string;
        qual: string | null;
        with_check: string | null;
      }>(`select tablename as table, cmd, qual, with_check from pg_policies where schemaname = 'public'`);
      const scoped = (table: string, clause: string | null) =>
        !!clause?.includes(keyOf(table)) && clause.includes(`'app.workspace_id'`);
      const summary = Object.fromEntries(
        TENANT_TABLES.map((table) => [
          table,
          policies
            .filter((p) => p.table === table)
            .map((p) => ({ cmd: p.cmd, using: scoped(table, p.qual), check: scoped(table, p.with_check) })),
        ]),
      );
      expect(summary).toEqual(
        Object.fromEntries(TENANT_TABLES.map((table) => [table, [{ cmd: 'ALL', using: true, check: true }]])),
      );
    });
  });

  describe('the app role', () => {
    it('is no superuser, cannot log in or bypass row-level security, and is granted no other role', async () => {
      const [role] = await rows(
        `select rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb,
           (select count(*)::int from pg_auth_members m where m.member = r.oid) as memberships
         from pg_roles r where rolname = $1`,
        [APP_ROLE],
      );
      expect(role).toEqual({
        rolsuper: false,
        rolbypassrls: false,
        rolcanlogin: false,
        rolcreaterole: false,
        rolcreatedb: false,
        memberships: 0,
      });
    });

    it('owns no table, schema or function (an owner would skip row-level security)', async () => {
      const [owned] = await rows(
        `select (select count(*)::int from pg_class where relowner = $1::regrole) as relations,
           (select count(*)::int from pg_namespace where nspowner = $1::regrole) as schemas,
           (select count(*)::int from pg_proc where proowner = $1::regrole) as functions`,
        [APP_ROLE],
      );
      expect(owned).toEqual({ relations: 0, schemas: 0, functions: 0 });
    });

    it('is what the app runs as, on a login that is no superuser, owns nothing and can become nothing else', async () => {
      const [login] = await rows(
        `select rolname, rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb, rolreplication,
           (select count(*)::int from pg_class where relowner = r.oid) as relations,
           (select array_agg(g.rolname::text) from pg_auth_members m join pg_roles g on g.oid = m.roleid
             where m.member = r.oid) as member_of
         from pg_roles r where rolname = $1`,
        [new URL(t.appUrl).username],
      );
      expect(login).toEqual({
        rolname: appLoginRole(new URL(t.url).pathname.slice(1)),
        rolsuper: false,
        rolbypassrls: false,
        rolcanlogin: true,
        rolcreaterole: false,
        rolcreatedb: false,
        rolreplication: false,
        relations: 0,
        member_of: [APP_ROLE],
      });
      await asApp(a.workspaceId, async (db) => {
        const who = async () => (await db.query('select current_user as c, session_user as s')).rows[0];
        expect(await who()).toEqual({ c: APP_ROLE, s: login.rolname });
        await db.query('reset role');
        expect((await who()).c).toBe(APP_ROLE);
        await expect(db.query('set role postgres')).rejects.toMatchObject({ code: '42501' });
      });
    });

    it('is the login of the running app’s pool', async () => {
      await a.owner.client.ok('{ me { id } }');
      const [session] = await rows(
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and usename = $1`,
        [new URL(t.appUrl).username],
      );
      expect(session.n).toBeGreaterThan(0);
    });
  });

  describe('row-level security, as the app role', () => {
    it.each(TENANT_TABLES)("shows only A's %s to A", async (table) => {
      const key = keyOf(table);
      const [ofB] = await rows(`select count(*)::int as n from ${table} where ${key} = $1`, [b.workspaceId]);
      expect(ofB.n).toBeGreaterThan(0);
      await asApp(a.workspaceId, async (db) => {
        expect(await count(db, table, `${key} = $1`, [a.workspaceId])).toBeGreaterThan(0);
        expect(await count(db, table, `${key} <> $1`, [a.workspaceId])).toBe(0);
      });
    });

    it.each(TENANT_TABLES)('shows no %s without app.workspace_id', async (table) => {
      await asApp(null, async (db) => expect(await count(db, table)).toBe(0));
    });

    /** An insert into `table` of a row belonging to workspace `w`. */
    const intruder: Record<TenantTable, (w: Tenant) => [string, unknown[]]> = {
      workspaces: () => [`insert into workspaces (id, name) values ($1, 'Intruder')`, [randomUUID()]],
      members: (w) => [
        `insert into members (workspace_id, id, name, email, role)
         values ($1, gen_random_uuid(), 'Intruder', 'intruder@example.com', 'OWNER')`,
        [w.workspaceId],
      ],
      invitations: (w) => [
        `insert into invitations (workspace_id, id, email, name, role, invited_by, expires_at)
         values ($1, gen_random_uuid(), 'intruder@example.com', 'Intruder', 'OWNER', $2, now() + interval '1 day')`,
        [w.workspaceId, w.owner.memberId],
      ],
      customers: (w) => [
        `insert into customers (workspace_id, id, name, next_check_in_due_at)
         values ($1, gen_random_uuid(), 'Intruder', now())`,
        [w.workspaceId],
      ],
      interactions: (w) => [
        `insert into interactions (workspace_id, id, customer_id, channel, direction, purpose, sentiment, summary, occurred_at)
         values ($1, gen_random_uuid(), $2, 'PHONE', 'INBOUND', 'SALES', 0, 'Intruder', now())`,
        [w.workspaceId, w.customerId],
      ],
      check_ins: (w) => [
        `insert into check_ins (workspace_id, id, customer_id, due_at) values ($1, gen_random_uuid(), $2, now())`,
        [w.workspaceId, w.customerId],
      ],
      health_snapshots: (w) => [
        `insert into health_snapshots (workspace_id, customer_id, day, score, band)
         values ($1, $2, '2000-01-01', 0, 'AT_RISK')`,
        [w.workspaceId, w.customerId],
      ],
      health_days: (w) => [
        `insert into health_days (workspace_id, day, customers, score_sum, healthy, watch, at_risk)
         values ($1, '2000-01-01', 1, 0, 0, 0, 1)`,
        [w.workspaceId],
      ],
      contact_days: (w) => [
        `insert into contact_days (workspace_id, day, member_id, relationship, total)
         values ($1, '2000-01-01', $2, 0, 1)`,
        [w.workspaceId, w.owner.memberId],
      ],
      customer_counts: (w) => [
        `insert into customer_counts (workspace_id, status, band, due_day, shard, customers, score_sum)
         values ($1, 'ACTIVE', 'AT_RISK', '2000-01-01', 0, 1, 0)`,
        [w.workspaceId],
      ],
      touchpoints: (w) => [
        `insert into touchpoints (workspace_id, id, name, channel, stage)
         values ($1, gen_random_uuid(), 'Intruder', 'WEB', 'BUY')`,
        [w.workspaceId],
      ],
      audits: (w) => [
        `insert into audits (workspace_id, id, title, scenario, auditor_name, external)
         values ($1, gen_random_uuid(), 'Intruder', 'Intruder', 'Intruder', false)`,
        [w.workspaceId],
      ],
      audit_steps: (w) => [
        `insert into audit_steps (workspace_id, audit_id, position, touchpoint_id) values ($1, $2, 29, $3)`,
        [w.workspaceId, w.auditId, w.touchpointId],
      ],
      observations: (w) => [
        `insert into observations (workspace_id, id, audit_id, touchpoint_id, experienced, surprise, friction,
           accuracy, availability, partnership, advice, would_return)
         values ($1, gen_random_uuid(), $2, $3, 'Intruder', 'NONE', 0, 1, 1, 1, 1, true)`,
        [w.workspaceId, w.auditId, w.touchpointId],
      ],
      friction_points: (w) => [
        `insert into friction_points (workspace_id, id, description, severity, source)
         values ($1, gen_random_uuid(), 'Intruder', 1, 'MANUAL')`,
        [w.workspaceId],
      ],
      surveys: (w) => [
        `insert into surveys (workspace_id, id, name, type, question)
         values ($1, gen_random_uuid(), 'Intruder', 'NPS', 'Intruder?')`,
        [w.workspaceId],
      ],
      feedback_requests: (w) => [
        `insert into feedback_requests (workspace_id, id, survey_id, customer_id, expires_at)
         values ($1, gen_random_uuid(), $2, $3, now() + interval '1 day')`,
        [w.workspaceId, w.surveyId, w.customerId],
      ],
      feedback_responses: (w) => [
        `insert into feedback_responses (workspace_id, id, survey_id, score, responded_at)
         values ($1, gen_random_uuid(), $2, 5, now())`,
        [w.workspaceId, w.surveyId],
      ],
      idempotency_keys: (w) => [
        `insert into idempotency_keys (workspace_id, key, operation) values ($1, 'intruder', 'createCustomer')`,
        [w.workspaceId],
      ],
      change_history: (w) => [
        `insert into change_history (workspace_id, entity, entity_id, action, origin, changes)
         values ($1, 'CUSTOMER', $2, 'UPDATE', 'SYSTEM', '[]')`,
        [w.workspaceId, w.customerId],
      ],
    };

    it.each(TENANT_TABLES)("refuses A inserting into B's %s", async (table) => {
      await asApp(a.workspaceId, (db) =>
        expect(db.query(...intruder[table](b))).rejects.toThrow(refusal(table)),
      );
    });

    it.each(TENANT_TABLES)('refuses inserting into %s without app.workspace_id', async (table) => {
      await asApp(null, (db) => expect(db.query(...intruder[table](a))).rejects.toThrow(refusal(table)));
    });

    /** A harmless change to any row of each table. */
    const CHANGE: Record<TenantTable, string> = {
      workspaces: `name = 'x'`,
      members: `name = 'x'`,
      invitations: `name = 'x'`,
      customers: `name = 'x'`,
      touchpoints: `name = 'x'`,
      interactions: `summary = 'x'`,
      check_ins: `note = 'x'`,
      health_snapshots: 'score = 0',
      health_days: 'customers = 0',
      contact_days: 'total = 0',
      customer_counts: 'customers = 0',
      audits: `title = 'x'`,
      audit_steps: 'position = 29',
      observations: `notes = 'x'`,
      friction_points: `description = 'x'`,
      surveys: `name = 'x'`,
      feedback_requests: 'expires_at = now()',
      feedback_responses: `comment = 'x'`,
      idempotency_keys: `operation = 'x'`,
      change_history: `changes = '[]'`,
    };

    it.each(TENANT_TABLES)("lets A neither update nor delete B's %s", async (table) => {
      const key = keyOf(table);
      const writes = [
        `update ${table} set ${CHANGE[table]} where ${key} = $1`,
        `delete from ${table} where ${key} = $1`,
      ];
      for (const sql of writes) {
        await asApp(a.workspaceId, async (db) => {
          if (APPEND_ONLY.includes(table)) {
            await expect(db.query(sql, [b.workspaceId])).rejects.toThrow(refusal(table));
          } else {
            expect((await db.query(sql, [b.workspaceId])).rowCount).toBe(0);
          }
        });
      }
    });

    it.each([
      'customers',
      'touchpoints',
      'interactions',
      'check_ins',
      'health_snapshots',
      'audits',
      'audit_steps',
      'observations',
      'friction_points',
      'surveys',
      'feedback_requests',
      'feedback_responses',
      'change_history',
    ] as const)("refuses moving A's %s into B", async (table) => {
      await asApp(a.workspaceId, (db) =>
        expect(db.query(`update ${table} set workspace_id = $1`, [b.workspaceId])).rejects.toThrow(
          refusal(table),
        ),
      );
    });
  });

  describe('composite foreign keys', () => {
    it.each<[string, string, (x: { a: Tenant; b: Tenant }) => unknown[]]>([
      [
        "a customer of B owned by A's member",
        `insert into customers (workspace_id, id, name, owner_id, next_check_in_due_at)
         values ($1, gen_random_uuid(), 'Cross', $2, now())`,
        (x) => [x.b.workspaceId, x.a.memberId],
      ],
      [
        "moving B's customer to A's member",
        `update customers set owner_id = $2 where id = $1`,
        (x) => [x.b.customerId, x.a.memberId],
      ],
      [
        "an invitation of B sent by A's member",
        `insert into invitations (workspace_id, id, email, name, role, invited_by, expires_at)
         values ($1, gen_random_uuid(), 'cross@example.com', 'Cross', 'STAFF', $2, now() + interval '1 day')`,
        (x) => [x.b.workspaceId, x.a.memberId],
      ],
      [
        "a session in B for A's member",
        `insert into sessions (token_hash, workspace_id, member_id, role, expires_at)
         values (sha256(random()::text::bytea), $1, $2, 'OWNER', now() + interval '1 day')`,
        (x) => [x.b.workspaceId, x.a.memberId],
      ],
      ...(['customer_id', 'touchpoint_id', 'member_id'] as const).map(
        (column): [string, string, (x: { a: Tenant; b: Tenant }) => unknown[]] => [
          `an interaction of B with A's ${column}`,
          `insert into interactions (workspace_id, id, customer_id, touchpoint_id, member_id, channel, direction,
             purpose, sentiment, summary, occurred_at)
           select $1, gen_random_uuid(), v.customer_id, v.touchpoint_id, v.member_id, 'PHONE', 'INBOUND', 'SALES',
             0, 'Cross', now()
             from (select $2::uuid as customer_id, $3::uuid as touchpoint_id, $4::uuid as member_id) v`,
          ({ a, b }) => [
            b.workspaceId,
            column === 'customer_id' ? a.customerId : b.customerId,
            column === 'touchpoint_id' ? a.touchpointId : b.touchpointId,
            column === 'member_id' ? a.memberId : b.memberId,
          ],
        ],
      ),
      ...(['customer_id', 'assignee_id', 'created_by', 'interaction_id'] as const).map(
        (column): [string, string, (x: { a: Tenant; b: Tenant }) => unknown[]] => [
          `a check-in of B with A's ${column}`,
          `insert into check_ins (workspace_id, id, customer_id, assignee_id, created_by, interaction_id, due_at)
           values ($1, gen_random_uuid(), $2, $3, $4, $5, now())`,
          ({ a, b }) => [
            b.workspaceId,
            column === 'customer_id' ? a.customerId : b.customerId,
            column === 'assignee_id' ? a.memberId : b.memberId,
            column === 'created_by' ? a.memberId : b.memberId,
            column === 'interaction_id' ? a.interactionId : b.interactionId,
          ],
        ],
      ),
      [
        "a health snapshot of B for A's customer",
        `insert into health_snapshots (workspace_id, customer_id, day, score, band)
         values ($1, $2, '2000-01-01', 50, 'WATCH')`,
        (x) => [x.b.workspaceId, x.a.customerId],
      ],
      [
        "an audit of B created by A's member",
        `insert into audits (workspace_id, id, title, scenario, auditor_name, external, created_by)
         values ($1, gen_random_uuid(), 'Cross', 'Cross', 'Cross', false, $2)`,
        (x) => [x.b.workspaceId, x.a.memberId],
      ],
      [
        "a step of B's audit at A's touchpoint",
        `insert into audit_steps (workspace_id, audit_id, position, touchpoint_id) values ($1, $2, 29, $3)`,
        (x) => [x.b.workspaceId, x.b.auditId, x.a.touchpointId],
      ],
      [
        "a step of B in A's audit",
        `insert into audit_steps (workspace_id, audit_id, position, touchpoint_id) values ($1, $2, 29, $3)`,
        (x) => [x.b.workspaceId, x.a.auditId, x.b.touchpointId],
      ],
      [
        "an observation of B on A's audit step",
        `insert into observations (workspace_id, id, audit_id, touchpoint_id, experienced, surprise, friction,
           accuracy, availability, partnership, advice, would_return)
         values ($1, gen_random_uuid(), $2, $3, 'Cross', 'NONE', 0, 1, 1, 1, 1, true)`,
        (x) => [x.b.workspaceId, x.a.auditId, x.a.touchpointId],
      ],
      [
        "an observation of B's audit at a touchpoint that is not one of its steps",
        `insert into observations (workspace_id, id, audit_id, touchpoint_id, experienced, surprise, friction,
           accuracy, availability, partnership, advice, would_return)
         values ($1, gen_random_uuid(), $2, gen_random_uuid(), 'Cross', 'NONE', 0, 1, 1, 1, 1, true)`,
        (x) => [x.b.workspaceId, x.b.auditId],
      ],
      ...(
        [
          'touchpoint_id',
          'customer_id',
          'owner_id',
          'created_by',
          'observation_id',
          'interaction_id',
        ] as const
      ).map((column): [string, string, (x: { a: Tenant; b: Tenant }) => unknown[]] => [
        `a friction point of B with A's ${column}`,
        `insert into friction_points (workspace_id, id, touchpoint_id, customer_id, owner_id, created_by,
           observation_id, interaction_id, description, severity, source)
         values ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, 'Cross', 1, 'MANUAL')`,
        ({ a, b }) => {
          const of = (owner: boolean) => (owner ? a : b);
          return [
            b.workspaceId,
            of(column === 'touchpoint_id').touchpointId,
            of(column === 'customer_id').customerId,
            of(column === 'owner_id').memberId,
            of(column === 'created_by').memberId,
            column === 'observation_id' ? a.observationId : null,
            of(column === 'interaction_id').interactionId,
          ];
        },
      ]),
      [
        "a survey of B at A's touchpoint",
        `insert into surveys (workspace_id, id, name, type, question, touchpoint_id)
         values ($1, gen_random_uuid(), 'Cross', 'NPS', 'Cross?', $2)`,
        (x) => [x.b.workspaceId, x.a.touchpointId],
      ],
      ...(['survey_id', 'customer_id', 'interaction_id', 'created_by'] as const).map(
        (column): [string, string, (x: { a: Tenant; b: Tenant }) => unknown[]] => [
          `a feedback request of B with A's ${column}`,
          `insert into feedback_requests (workspace_id, id, survey_id, customer_id, interaction_id, created_by, expires_at)
           values ($1, gen_random_uuid(), $2, $3, $4, $5, now() + interval '1 day')`,
          ({ a, b }) => {
            const of = (owner: boolean) => (owner ? a : b);
            return [
              b.workspaceId,
              of(column === 'survey_id').surveyId,
              of(column === 'customer_id').customerId,
              of(column === 'interaction_id').interactionId,
              of(column === 'created_by').memberId,
            ];
          },
        ],
      ),
      ...(['survey_id', 'request_id', 'customer_id'] as const).map(
        (column): [string, string, (x: { a: Tenant; b: Tenant }) => unknown[]] => [
          `a feedback response of B with A's ${column}`,
          // A fresh request of B (the seeded one is answered), unless A's is the point.
          `with r as (
             insert into feedback_requests (workspace_id, id, survey_id, customer_id, expires_at)
             values ($1, gen_random_uuid(), $5, $6, now() + interval '1 day') returning id)
           insert into feedback_responses (workspace_id, id, survey_id, request_id, customer_id, score, responded_at)
           select $1, gen_random_uuid(), $2, coalesce($3::uuid, r.id), $4, 5, now() from r`,
          ({ a, b }) => [
            b.workspaceId,
            column === 'survey_id' ? a.surveyId : b.surveyId,
            column === 'request_id' ? a.requestId : null,
            column === 'customer_id' ? a.customerId : b.customerId,
            b.surveyId,
            b.customerId,
          ],
        ],
      ),
      [
        "a friction point of B raised by A's feedback response",
        `insert into friction_points (workspace_id, id, description, severity, source, feedback_response_id)
         values ($1, gen_random_uuid(), 'Cross', 1, 'FEEDBACK', $2)`,
        (x) => [x.b.workspaceId, x.a.responseId],
      ],
      [
        "B's automatic feedback rule with A's survey",
        `update workspaces set auto_feedback_survey_id = $2, auto_feedback_trigger = 'FIRST_INTERACTION' where id = $1`,
        (x) => [x.b.workspaceId, x.a.surveyId],
      ],
      [
        "B's automatic feedback rule at A's touchpoint",
        `update workspaces set auto_feedback_survey_id = $2, auto_feedback_trigger = 'TOUCHPOINT',
           auto_feedback_touchpoint_id = $3 where id = $1`,
        (x) => [x.b.workspaceId, x.b.surveyId, x.a.touchpointId],
      ],
      [
        "moving B's friction point to A's observation",
        `update friction_points set observation_id = $2 where workspace_id = $1`,
        (x) => [x.b.workspaceId, x.a.observationId],
      ],
      [
        "moving B's interaction to A's customer",
        `update interactions set customer_id = $2 where id = $1`,
        (x) => [x.b.interactionId, x.a.customerId],
      ],
      [
        "moving B's check-in to A's member",
        `update check_ins set assignee_id = $2 where id = $1`,
        (x) => [x.b.checkInId, x.a.memberId],
      ],
    ])('refuses %s, even to a superuser', async (_, sql, params) => {
      await inTransaction((db) =>
        expect(db.query(sql, params({ a, b }))).rejects.toMatchObject({ code: '23503' }),
      );
    });
  });
});

describe('one pool, two workspaces at once', () => {
  it('answers 200 concurrent requests, alternating between A and B, each with its own data only', async () => {
    const QUERY = `{ me { workspace { id } } customers(first: 100) { edges { node { id } } }
      frictionPoints { id } feedbackResponses { id } }`;
    const expected = async (tenant: Tenant) => {
      const data = await tenant.owner.client.ok(QUERY);
      expect(data.me.workspace.id).toBe(tenant.workspaceId);
      expect(data.customers.edges.length).toBeGreaterThan(0);
      return data;
    };
    const [ofA, ofB] = [await expected(a), await expected(b)];
    expect(ofA).not.toEqual(ofB);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).owner.client.gql(QUERY)),
    );
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(i % 2 === 0 ? ofA : ofB);
    });
  });
});
