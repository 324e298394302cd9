import { randomUUID } from 'node:crypto';
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
import { clientAt, sha256, type Variables } from './support/http';

const CREATE_TOUCHPOINT = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id name channel } }`;
const CREATE_AUDIT = `mutation($input: CreateAuditInput!) {
  createAudit(input: $input) { id title scenario auditorName external status inviteUrl submittedAt steps { id } }
}`;
const AUDIT = `query($id: ID!) {
  audit(id: $id) {
    id status inviteUrl submittedAt steps { id }
    observations { id touchpoint { id } experienced surprise friction accuracy availability partnership advice wouldReturn }
    scenarioConsistency { touchpoint { id } audits consistency }
  }
}`;
const RENEW = `mutation($id: ID!) { renewAuditLink(id: $id) { id inviteUrl } }`;
const RECORD = `mutation($auditId: ID!, $input: ObservationInput!) {
  recordObservation(auditId: $auditId, input: $input) { id touchpoint { id } experienced friction accuracy }
}`;
const SUBMIT = `mutation($id: ID!) { submitAudit(id: $id) { id status submittedAt } }`;
const PUBLIC_AUDIT = `query($token: String!) {
  publicAudit(token: $token) { title scenario businessName status steps { touchpointId name channel observed } }
}`;
const RECORD_PUBLIC = `mutation($token: String!, $input: ObservationInput!) { recordPublicObservation(token: $token, input: $input) }`;
const SUBMIT_PUBLIC = `mutation($token: String!) { submitPublicAudit(token: $token) }`;
const FRICTION_POINTS = `{ frictionPoints { id severity source status touchpoint { id } audit { id } } }`;
const UPDATE_FRICTION = `mutation($id: ID!, $input: UpdateFrictionPointInput!) { updateFrictionPoint(id: $id, input: $input) { id status } }`;
const RAISE_FRICTION = `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`;
const SCORES = `query($id: ID!) {
  touchpoint(id: $id) { accuracy availability partnership advice consistency openFrictionCount }
}`;

const SCENARIO = 'Order a birthday cake by phone, then pick it up in store';

let t: TestApp;
let owner: SignedIn;
let staff: SignedIn;
let serial = 0;

interface Touchpoint {
  id: string;
  name: string;
  channel: string;
}

/** A fresh touchpoint of `by`'s workspace, so counts on it start at zero. */
async function touchpoint(by: SignedIn = owner, channel = 'STORE'): Promise<Touchpoint> {
  const input = { name: `Counter ${++serial}`, channel, stage: 'BUY' };
  return (await by.client.ok(CREATE_TOUCHPOINT, { input })).createTouchpoint;
}

const auditInput = (touchpointIds: string[], extra: Variables = {}) => ({
  title: `Saturday walk ${++serial}`,
  scenario: SCENARIO,
  touchpointIds,
  auditorName: 'Alex Auditor',
  external: false,
  ...extra,
});

interface Audit {
  id: string;
  title: string;
  status: string;
  inviteUrl: string | null;
}

async function createAudit(touchpointIds: string[], extra: Variables = {}, by: SignedIn = staff) {
  return (await by.client.ok(CREATE_AUDIT, { input: auditInput(touchpointIds, extra) })).createAudit as Audit;
}

/** The token of an outsider's link. */
const tokenOf = (inviteUrl: string | null): string => {
  const match = /^http:\/\/rapport\.test\/a\/([A-Za-z0-9_-]+)$/.exec(String(inviteUrl));
  if (!match) throw new Error(`Not an audit link: ${inviteUrl}`);
  return match[1]!;
};

async function externalAudit(touchpointIds: string[], by: SignedIn = owner) {
  const audit = await createAudit(touchpointIds, { external: true }, by);
  return { ...audit, token: tokenOf(audit.inviteUrl) };
}

type Ratings = [accuracy: number, availability: number, partnership: number, advice: number];

const observation = (touchpointId: string, extra: Variables = {}, ratings: Ratings = [4, 4, 4, 4]) => ({
  touchpointId,
  expected: 'A quick answer',
  experienced: 'Answered on the second ring',
  surprise: 'NONE',
  friction: 0,
  accuracy: ratings[0],
  availability: ratings[1],
  partnership: ratings[2],
  advice: ratings[3],
  wouldReturn: true,
  notes: null,
  ...extra,
});

const record = (auditId: string, input: Variables, by: SignedIn = staff) =>
  by.client.ok(RECORD, { auditId, input });
const submit = (auditId: string, by: SignedIn = staff) => by.client.ok(SUBMIT, { id: auditId });
const readAudit = async (id: string, by: SignedIn = owner) => (await by.client.ok(AUDIT, { id })).audit;

/** An audit of the given steps, each recorded with its ratings (and extras), then submitted. */
async function submittedAudit(
  steps: { touchpointId: string; ratings: Ratings; extra?: Variables }[],
  scenario = SCENARIO,
) {
  const audit = await createAudit(
    steps.map((s) => s.touchpointId),
    { scenario },
  );
  for (const step of steps) await record(audit.id, observation(step.touchpointId, step.extra, step.ratings));
  await submit(audit.id);
  return audit;
}

/** The friction points raised from `auditId`'s observations. */
async function frictionOf(auditId: string, by: SignedIn = owner) {
  const { frictionPoints } = await by.client.ok(FRICTION_POINTS);
  return (frictionPoints as any[]).filter((p) => p.audit?.id === auditId);
}

const anonymous = (): GqlClient => t.client();

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Audit Bakery');
  staff = await addMember(t, owner);
});
afterAll(() => t.close());

describe('createAudit', () => {
  it('keeps the steps in the order given, as a DRAFT run by a member, without a link', async () => {
    const [one, two, three] = [await touchpoint(), await touchpoint(), await touchpoint()];
    const input = auditInput([three!.id, one!.id, two!.id], { title: '  Saturday walk  ' });
    const { createAudit: created } = await staff.client.ok(CREATE_AUDIT, { input });
    expect(created).toEqual({
      id: expect.any(String),
      title: 'Saturday walk',
      scenario: SCENARIO,
      auditorName: 'Alex Auditor',
      external: false,
      status: 'DRAFT',
      inviteUrl: null,
      submittedAt: null,
      steps: [{ id: three!.id }, { id: one!.id }, { id: two!.id }],
    });
    expect((await readAudit(created.id)).steps).toEqual([
      { id: three!.id },
      { id: one!.id },
      { id: two!.id },
    ]);
    const tokens = await t.admin.query('select 1 from access_tokens where subject_id = $1', [created.id]);
    expect(tokens.rowCount).toBe(0);
  });

  it.each<[string, () => Promise<Variables>, string]>([
    ['an empty title', async () => ({ title: '   ' }), 'title'],
    ['an empty scenario', async () => ({ scenario: '' }), 'scenario'],
    ['an empty auditor name', async () => ({ auditorName: ' ' }), 'auditorName'],
    ['no touchpoints', async () => ({ touchpointIds: [] }), 'touchpointIds'],
    [
      'the same touchpoint twice',
      async () => {
        const tp = await touchpoint();
        return { touchpointIds: [tp.id, tp.id] };
      },
      'touchpointIds',
    ],
    [
      'more than 30 steps',
      async () => ({ touchpointIds: Array.from({ length: 31 }, () => randomUUID()) }),
      'touchpointIds',
    ],
    [
      'an unknown touchpoint',
      async () => ({ touchpointIds: [(await touchpoint()).id, randomUUID()] }),
      'touchpointIds',
    ],
    [
      "another workspace's touchpoint",
      async () => {
        const other = await signUpOwner(t, 'Other Bakery');
        return { touchpointIds: [(await touchpoint()).id, (await touchpoint(other)).id] };
      },
      'touchpointIds',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, change, field) => {
    const input = { ...auditInput([]), touchpointIds: [(await touchpoint()).id], ...(await change()) };
    for (const external of [false, true]) {
      const before = await dumpState(t.admin);
      const result = await staff.client.gql(CREATE_AUDIT, { input: { ...input, external } });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields(result) ?? {})).toEqual([field]);
      expect(result.data).toBeNull();
      expect(await dumpState(t.admin)).toEqual(before);
    }
  });

  it("gives an outsider's audit a link of 256 random bits, storing only the token's SHA-256", async () => {
    const tp = await touchpoint();
    const audit = await createAudit([tp.id], { external: true });
    expect(audit.inviteUrl).toMatch(new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/a/[A-Za-z0-9_-]{43}$`));
    const token = tokenOf(audit.inviteUrl);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(await isStoredAnywhere(t.admin, token)).toBe(false);
    expect(await isHashStored(t.admin, token)).toBe(true);
    // Only the hash is kept, so the link is shown once (documented on Audit.inviteUrl).
    expect(await readAudit(audit.id)).toMatchObject({ id: audit.id, inviteUrl: null });
    const { rows } = await t.admin.query(
      `select kind, workspace_id, subject_id from access_tokens where token_hash = $1`,
      [sha256(token)],
    );
    expect(rows).toEqual([{ kind: 'audit', workspace_id: owner.workspaceId, subject_id: audit.id }]);
    expect((await anonymous().ok(PUBLIC_AUDIT, { token })).publicAudit.status).toBe('DRAFT');
  });

  it('renewAuditLink gives a new link and the old one stops working', async () => {
    const tp = await touchpoint();
    const audit = await externalAudit([tp.id]);
    const { renewAuditLink } = await staff.client.ok(RENEW, { id: audit.id });
    const renewed = tokenOf(renewAuditLink.inviteUrl);
    expect(renewed).not.toBe(audit.token);
    expect(await isHashStored(t.admin, audit.token)).toBe(false);
    expect(await isHashStored(t.admin, renewed)).toBe(true);
    expect(await isStoredAnywhere(t.admin, renewed)).toBe(false);
    const client = anonymous();
    for (const [query, variables] of [
      [PUBLIC_AUDIT, {}],
      [RECORD_PUBLIC, { input: observation(tp.id) }],
      [SUBMIT_PUBLIC, {}],
    ] as const) {
      expect(code(await client.gql(query, { token: audit.token, ...variables }))).toBe('NOT_FOUND');
    }
    expect((await client.ok(PUBLIC_AUDIT, { token: renewed })).publicAudit.status).toBe('DRAFT');
  });

  it('renewAuditLink on a member-run audit is CONFLICT and issues no link', async () => {
    const audit = await createAudit([(await touchpoint()).id]);
    const before = await dumpState(t.admin);
    const result = await staff.client.gql(RENEW, { id: audit.id });
    expect(code(result)).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('renewAuditLink on an unknown audit is NOT_FOUND', async () => {
    expect(code(await staff.client.gql(RENEW, { id: randomUUID() }))).toBe('NOT_FOUND');
  });
});

/** Invalid observations: the field the error names (domain validation). */
const INVALID_OBSERVATIONS: [string, Variables, string][] = [
  ['friction 4', { friction: 4 }, 'friction'],
  ['friction -1', { friction: -1 }, 'friction'],
  ['accuracy 0', { accuracy: 0 }, 'accuracy'],
  ['availability 6', { availability: 6 }, 'availability'],
  ['partnership 0', { partnership: 0 }, 'partnership'],
  ['advice 6', { advice: 6 }, 'advice'],
  ['a blank experience', { experienced: '   ' }, 'experienced'],
];
/** Refused by GraphQL itself (variable coercion), before any resolver runs. */
const UNCOERCIBLE_OBSERVATIONS: [string, Variables, string][] = [
  ['a fractional friction', { friction: 1.5 }, 'friction'],
  ['a fractional rating', { advice: 2.5 }, 'advice'],
  ['an unknown surprise', { surprise: 'MEH' }, 'surprise'],
];

describe('recordObservation', () => {
  it('moves a DRAFT to IN_PROGRESS on the first step, and recording a step again replaces it', async () => {
    const [one, two] = [await touchpoint(), await touchpoint()];
    const audit = await createAudit([one!.id, two!.id]);
    const first = (await record(audit.id, observation(two!.id, { friction: 1 }))).recordObservation;
    expect(first).toMatchObject({ touchpoint: { id: two!.id }, friction: 1, accuracy: 4 });
    expect((await readAudit(audit.id)).status).toBe('IN_PROGRESS');

    const again = (
      await record(audit.id, observation(two!.id, { experienced: 'No answer', friction: 3 }, [1, 2, 3, 5]))
    ).recordObservation;
    expect(again).toMatchObject({
      touchpoint: { id: two!.id },
      experienced: 'No answer',
      friction: 3,
      accuracy: 1,
    });
    const read = await readAudit(audit.id);
    expect(read.status).toBe('IN_PROGRESS');
    expect(read.observations).toEqual([
      {
        id: expect.any(String),
        touchpoint: { id: two!.id },
        experienced: 'No answer',
        surprise: 'NONE',
        friction: 3,
        accuracy: 1,
        availability: 2,
        partnership: 3,
        advice: 5,
        wouldReturn: true,
      },
    ]);
    const rows = await t.admin.query('select friction from observations where audit_id = $1', [audit.id]);
    expect(rows.rows).toEqual([{ friction: 3 }]);
  });

  it('lists observations in the order of the steps, not of recording', async () => {
    const [one, two] = [await touchpoint(), await touchpoint()];
    const audit = await createAudit([one!.id, two!.id]);
    await record(audit.id, observation(two!.id));
    await record(audit.id, observation(one!.id));
    const read = await readAudit(audit.id);
    expect(read.observations.map((o: any) => o.touchpoint.id)).toEqual([one!.id, two!.id]);
  });

  it.each(INVALID_OBSERVATIONS)(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_, change, field) => {
      const tp = await touchpoint();
      const audit = await createAudit([tp.id]);
      const before = await dumpState(t.admin);
      const result = await staff.client.gql(RECORD, { auditId: audit.id, input: observation(tp.id, change) });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields(result) ?? {})).toEqual([field]);
      expect(await dumpState(t.admin)).toEqual(before);
      expect((await readAudit(audit.id)).status).toBe('DRAFT');
    },
  );

  it.each(UNCOERCIBLE_OBSERVATIONS)(
    'refuses %s with a GraphQL BAD_USER_INPUT naming the field, writing nothing',
    async (_, change, field) => {
      const tp = await touchpoint();
      const audit = await createAudit([tp.id]);
      const before = await dumpState(t.admin);
      const result = await staff.client.gql(RECORD, { auditId: audit.id, input: observation(tp.id, change) });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`"input.${field}"`);
      expect(await dumpState(t.admin)).toEqual(before);
    },
  );

  it('refuses a touchpoint that is not a step with BAD_USER_INPUT touchpointId, writing nothing', async () => {
    const [step, other] = [await touchpoint(), await touchpoint()];
    const audit = await createAudit([step!.id]);
    for (const touchpointId of [other!.id, randomUUID()]) {
      const before = await dumpState(t.admin);
      const result = await staff.client.gql(RECORD, { auditId: audit.id, input: observation(touchpointId) });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields(result) ?? {})).toEqual(['touchpointId']);
      expect(await dumpState(t.admin)).toEqual(before);
    }
  });

  it('refuses an unknown audit with NOT_FOUND', async () => {
    const tp = await touchpoint();
    const result = await staff.client.gql(RECORD, { auditId: randomUUID(), input: observation(tp.id) });
    expect(code(result)).toBe('NOT_FOUND');
  });

  it('is CONFLICT after submission, changing nothing', async () => {
    const [one, two] = [await touchpoint(), await touchpoint()];
    const audit = await createAudit([one!.id, two!.id]);
    await record(audit.id, observation(one!.id));
    await submit(audit.id);
    for (const touchpointId of [one!.id, two!.id]) {
      const before = await dumpState(t.admin);
      const result = await staff.client.gql(RECORD, {
        auditId: audit.id,
        input: observation(touchpointId, { friction: 3 }),
      });
      expect(code(result)).toBe('CONFLICT');
      expect(await dumpState(t.admin)).toEqual(before);
    }
  });
});

describe('submitAudit', () => {
  it('is CONFLICT without any observation, leaving the audit open', async () => {
    const tp = await touchpoint();
    const audit = await createAudit([tp.id]);
    const before = await dumpState(t.admin);
    expect(code(await staff.client.gql(SUBMIT, { id: audit.id }))).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);
    expect(await readAudit(audit.id)).toMatchObject({ status: 'DRAFT', submittedAt: null });
    await record(audit.id, observation(tp.id));
    expect((await submit(audit.id)).submitAudit.status).toBe('SUBMITTED');
  });

  it('submits once, raising one friction point per observation with friction or a letdown', async () => {
    const tps = [
      await touchpoint(),
      await touchpoint(),
      await touchpoint(),
      await touchpoint(),
      await touchpoint(),
    ];
    const [calm, delight, letdown, blocker, obstacle] = tps.map((tp) => tp!.id) as string[];
    const unvisited = (await touchpoint()).id;
    const audit = await createAudit([calm!, delight!, letdown!, blocker!, obstacle!, unvisited]);
    await record(audit.id, observation(calm!, { friction: 0, surprise: 'NONE' }));
    await record(audit.id, observation(delight!, { friction: 0, surprise: 'DELIGHT' }));
    await record(audit.id, observation(letdown!, { friction: 0, surprise: 'LETDOWN' }));
    await record(audit.id, observation(blocker!, { friction: 3, surprise: 'NONE' }));
    await record(audit.id, observation(obstacle!, { friction: 2, surprise: 'LETDOWN' }));
    expect(await frictionOf(audit.id)).toEqual([]);

    const started = Date.now();
    const { submitAudit } = await submit(audit.id);
    expect(submitAudit).toMatchObject({ id: audit.id, status: 'SUBMITTED' });
    expect(new Date(submitAudit.submittedAt).getTime()).toBeGreaterThanOrEqual(started - 60_000);
    expect(await readAudit(audit.id)).toMatchObject({
      status: 'SUBMITTED',
      submittedAt: submitAudit.submittedAt,
    });

    const raised = await frictionOf(audit.id);
    const byTouchpoint = (x: any, y: any) => (x.touchpoint.id < y.touchpoint.id ? -1 : 1);
    expect(
      raised
        .map(({ touchpoint, severity, source, status, audit: a }) => ({
          touchpoint,
          severity,
          source,
          status,
          audit: a,
        }))
        .sort(byTouchpoint),
    ).toEqual(
      [
        { touchpoint: { id: letdown }, severity: 1 },
        { touchpoint: { id: blocker }, severity: 3 },
        { touchpoint: { id: obstacle }, severity: 2 },
      ]
        .map((p) => ({ ...p, source: 'AUDIT', status: 'OPEN', audit: { id: audit.id } }))
        .sort(byTouchpoint),
    );

    const before = await dumpState(t.admin);
    expect(code(await staff.client.gql(SUBMIT, { id: audit.id }))).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);
    expect(await frictionOf(audit.id)).toHaveLength(3);
  });

  it('is NOT_FOUND for an unknown audit', async () => {
    expect(code(await staff.client.gql(SUBMIT, { id: randomUUID() }))).toBe('NOT_FOUND');
    expect(code(await staff.client.gql(SUBMIT, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
  });

  it('lets only one of two concurrent submissions through, raising friction once', async () => {
    const tp = await touchpoint();
    const audit = await createAudit([tp.id]);
    await record(audit.id, observation(tp.id, { friction: 2 }));
    const results: GqlResult[] = await raceOnWrite(t.admin, 'audits', [
      () => staff.client.gql(SUBMIT, { id: audit.id }),
      () => owner.client.gql(SUBMIT, { id: audit.id }),
    ]);
    const codes = results.map((r) => (r.errors ? code(r) : 'OK')).sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    expect(await frictionOf(audit.id)).toHaveLength(1);
    const rows = await t.admin.query(
      `select count(*)::int as n from friction_points f join observations o
          on o.workspace_id = f.workspace_id and o.id = f.observation_id where o.audit_id = $1`,
      [audit.id],
    );
    expect(rows.rows[0].n).toBe(1);
  });
});

describe('an outsider on a link, without a session', () => {
  it('shows the title, scenario, business name, status and steps, and nothing else', async () => {
    const { __type: publicAudit } = await anonymous().ok(
      '{ __type(name: "PublicAudit") { fields { name } } }',
    );
    expect(publicAudit.fields.map((f: any) => f.name).sort()).toEqual(
      ['businessName', 'scenario', 'status', 'steps', 'title'].sort(),
    );
    const { __type: step } = await anonymous().ok('{ __type(name: "PublicAuditStep") { fields { name } } }');
    expect(step.fields.map((f: any) => f.name).sort()).toEqual([
      'channel',
      'name',
      'observed',
      'touchpointId',
    ]);

    const [one, two] = [await touchpoint(owner, 'PHONE'), await touchpoint(owner, 'STORE')];
    const audit = await externalAudit([one!.id, two!.id]);
    const client = anonymous();
    const view = async () => (await client.ok(PUBLIC_AUDIT, { token: audit.token })).publicAudit;
    const first = await view();
    expect(first).toEqual({
      title: audit.title,
      scenario: SCENARIO,
      businessName: 'Audit Bakery',
      status: 'DRAFT',
      steps: [
        { touchpointId: one!.id, name: one!.name, channel: 'PHONE', observed: false },
        { touchpointId: two!.id, name: two!.name, channel: 'STORE', observed: false },
      ],
    });
    const text = JSON.stringify(first);
    for (const secret of ['Olive Owner', 'Sam Staff', owner.email, staff.email, owner.memberId, audit.id]) {
      expect(text).not.toContain(secret);
    }

    expect(
      (await client.ok(RECORD_PUBLIC, { token: audit.token, input: observation(two!.id) }))
        .recordPublicObservation,
    ).toBe(true);
    expect(await view()).toMatchObject({
      status: 'IN_PROGRESS',
      steps: [
        { touchpointId: one!.id, observed: false },
        { touchpointId: two!.id, observed: true },
      ],
    });
    expect((await readAudit(audit.id)).observations).toMatchObject([{ touchpoint: { id: two!.id } }]);
  });

  it.each(INVALID_OBSERVATIONS)(
    'refuses %s exactly like the member version, writing nothing',
    async (_, change, field) => {
      const tp = await touchpoint();
      const audit = await externalAudit([tp.id]);
      const before = await dumpState(t.admin);
      const result = await anonymous().gql(RECORD_PUBLIC, {
        token: audit.token,
        input: observation(tp.id, change),
      });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fields(result) ?? {})).toEqual([field]);
      expect(await dumpState(t.admin)).toEqual(before);
    },
  );

  it.each(UNCOERCIBLE_OBSERVATIONS)(
    'refuses %s at the GraphQL level, writing nothing',
    async (_, change, field) => {
      const tp = await touchpoint();
      const audit = await externalAudit([tp.id]);
      const before = await dumpState(t.admin);
      const result = await anonymous().gql(RECORD_PUBLIC, {
        token: audit.token,
        input: observation(tp.id, change),
      });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(`"input.${field}"`);
      expect(await dumpState(t.admin)).toEqual(before);
    },
  );

  it('submits like submitAudit, then shows only that the audit is closed and refuses more', async () => {
    const [one, two] = [await touchpoint(), await touchpoint()];
    const audit = await externalAudit([one!.id, two!.id]);
    const client = anonymous();
    let before = await dumpState(t.admin);
    expect(code(await client.gql(SUBMIT_PUBLIC, { token: audit.token }))).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);

    await client.ok(RECORD_PUBLIC, {
      token: audit.token,
      input: observation(one!.id, { surprise: 'LETDOWN' }),
    });
    expect((await client.ok(SUBMIT_PUBLIC, { token: audit.token })).submitPublicAudit).toBe(true);
    expect(await readAudit(audit.id)).toMatchObject({ status: 'SUBMITTED', submittedAt: expect.any(String) });
    expect(await frictionOf(audit.id)).toMatchObject([
      { touchpoint: { id: one!.id }, severity: 1, source: 'AUDIT', audit: { id: audit.id } },
    ]);

    expect((await client.ok(PUBLIC_AUDIT, { token: audit.token })).publicAudit).toEqual({
      title: audit.title,
      scenario: '',
      businessName: 'Audit Bakery',
      status: 'SUBMITTED',
      steps: [],
    });
    before = await dumpState(t.admin);
    const recordAgain = await client.gql(RECORD_PUBLIC, { token: audit.token, input: observation(two!.id) });
    expect(code(recordAgain)).toBe('CONFLICT');
    expect(code(await client.gql(SUBMIT_PUBLIC, { token: audit.token }))).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('answers NOT_FOUND to an unknown token, on every operation', async () => {
    const tp = await touchpoint();
    const client = anonymous();
    const before = await dumpState(t.admin);
    for (const token of ['A'.repeat(43), '', 'not a token']) {
      expect(code(await client.gql(PUBLIC_AUDIT, { token }))).toBe('NOT_FOUND');
      expect(code(await client.gql(RECORD_PUBLIC, { token, input: observation(tp.id) }))).toBe('NOT_FOUND');
      expect(code(await client.gql(SUBMIT_PUBLIC, { token }))).toBe('NOT_FOUND');
    }
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('cannot record a step of another audit through its own link', async () => {
    const [mine, theirs] = [await touchpoint(), await touchpoint()];
    const x = await externalAudit([mine!.id]);
    const y = await externalAudit([theirs!.id]);
    const before = await dumpState(t.admin);
    const result = await anonymous().gql(RECORD_PUBLIC, { token: x.token, input: observation(theirs!.id) });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['touchpointId']);
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await readAudit(y.id)).observations).toEqual([]);
    expect((await anonymous().ok(PUBLIC_AUDIT, { token: y.token })).publicAudit.steps).toMatchObject([
      { touchpointId: theirs!.id, observed: false },
    ]);
  });

  it('gives a link of workspace B nothing of workspace A', async () => {
    const other = await signUpOwner(t, 'Bravo Bakery');
    const ofA = await touchpoint();
    const ofB = await touchpoint(other);
    const audit = await externalAudit([ofB.id], other);
    const client = anonymous();
    const view = (await client.ok(PUBLIC_AUDIT, { token: audit.token })).publicAudit;
    expect(view).toMatchObject({ businessName: 'Bravo Bakery', steps: [{ touchpointId: ofB.id }] });
    expect(JSON.stringify(view)).not.toContain('Audit Bakery');
    const before = await dumpState(t.admin);
    const result = await client.gql(RECORD_PUBLIC, { token: audit.token, input: observation(ofA.id) });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['touchpointId']);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('does not exist for a member-run audit', async () => {
    const audit = await createAudit([(await touchpoint()).id]);
    expect(audit.inviteUrl).toBeNull();
    const { rows } = await t.admin.query('select 1 from access_tokens where subject_id = $1', [audit.id]);
    expect(rows).toEqual([]);
  });

  describe('rate limit: 300 requests in 15 minutes per address and per link', () => {
    afterEach(() => t.admin.query('delete from rate_limit_events'));

    /** Tops `key` up to exactly 300 counted requests in the window. */
    const fillUp = (key: string) =>
      t.admin.query(
        `insert into rate_limit_events (bucket, key)
         select 'public-link', $1 from generate_series(1, 300 - (select count(*)::int from rate_limit_events
           where bucket = 'public-link' and key = $1))`,
        [key],
      );

    it('refuses the 301st request from one address, on any link; another address still gets through', async () => {
      const tp = await touchpoint();
      const first = await externalAudit([tp.id]);
      const second = await externalAudit([tp.id]);
      const from = clientAt(t, '127.0.0.21');
      expect((await from(PUBLIC_AUDIT, { token: first.token })).errors).toBeUndefined();
      const { rows } = await t.admin.query(
        `select distinct key from rate_limit_events where bucket = 'public-link' and key like 'ip:%127.0.0.21'`,
      );
      expect(rows).toHaveLength(1);
      await fillUp(rows[0].key);

      const before = await dumpState(t.admin);
      for (const token of [first.token, second.token]) {
        expect(code(await from(PUBLIC_AUDIT, { token }))).toBe('RATE_LIMITED');
        expect(code(await from(RECORD_PUBLIC, { token, input: observation(tp.id) }))).toBe('RATE_LIMITED');
        expect(code(await from(SUBMIT_PUBLIC, { token }))).toBe('RATE_LIMITED');
      }
      expect(await dumpState(t.admin)).toEqual(before);

      const elsewhere = clientAt(t, '127.0.0.22');
      expect(
        (await elsewhere(RECORD_PUBLIC, { token: second.token, input: observation(tp.id) })).errors,
      ).toBeUndefined();
    });

    it('refuses the 301st request on one link, from any address; a fresh link still works', async () => {
      const tp = await touchpoint();
      const busy = await externalAudit([tp.id]);
      await fillUp(`link:${sha256(busy.token).toString('hex')}`);
      for (const address of ['127.0.0.31', '127.0.0.32']) {
        expect(code(await clientAt(t, address)(PUBLIC_AUDIT, { token: busy.token }))).toBe('RATE_LIMITED');
      }
      const fresh = await externalAudit([tp.id]);
      expect((await clientAt(t, '127.0.0.33')(PUBLIC_AUDIT, { token: fresh.token })).errors).toBeUndefined();
    });
  });
});

describe("a touchpoint's scores", () => {
  it('are null and zero before any submitted audit', async () => {
    const tp = await touchpoint();
    const audit = await createAudit([tp.id]);
    await record(audit.id, observation(tp.id, { friction: 3 }, [1, 1, 1, 1]));
    expect((await owner.client.ok(SCORES, { id: tp.id })).touchpoint).toEqual({
      accuracy: null,
      availability: null,
      partnership: null,
      advice: null,
      consistency: null,
      openFrictionCount: 0,
    });
  });

  it('average submitted audits only, with consistency 1 − σ̄/2 from the second audit on', async () => {
    const tp = (await touchpoint()).id;
    const scores = async () => (await staff.client.ok(SCORES, { id: tp })).touchpoint;

    // An unsubmitted audit rating everything 1 with a blocker: it must never count.
    const open = await createAudit([tp]);
    await record(open.id, observation(tp, { friction: 3 }, [1, 1, 1, 1]));

    await submittedAudit([{ touchpointId: tp, ratings: [5, 4, 3, 2], extra: { friction: 1 } }]);
    expect(await scores()).toEqual({
      accuracy: 5,
      availability: 4,
      partnership: 3,
      advice: 2,
      consistency: null,
      openFrictionCount: 1,
    });

    await submittedAudit([{ touchpointId: tp, ratings: [3, 4, 5, 2], extra: { friction: 2 } }]);
    await submittedAudit([{ touchpointId: tp, ratings: [1, 4, 4, 2], extra: { surprise: 'DELIGHT' } }]);
    // Worked by hand, one rating per submitted audit:
    //   accuracy     5, 3, 1  mean 3  σ = √((4 + 0 + 4) / 3) = √(8/3) = 2·√(2/3)
    //   availability 4, 4, 4  mean 4  σ = 0
    //   partnership  3, 5, 4  mean 4  σ = √((1 + 1 + 0) / 3) = √(2/3)
    //   advice       2, 2, 2  mean 2  σ = 0
    //   σ̄ = (2·√(2/3) + 0 + √(2/3) + 0) / 4 = 3·√(2/3) / 4 ≈ 0.612372
    //   consistency = 1 − σ̄/2 = 1 − 3·√(2/3) / 8 ≈ 0.693814
    const worked = 1 - (3 * Math.sqrt(2 / 3)) / 8;
    const three = await scores();
    expect(three).toMatchObject({
      accuracy: 3,
      availability: 4,
      partnership: 4,
      advice: 2,
      openFrictionCount: 2,
    });
    expect(three.consistency).toBeCloseTo(worked, 12);
    expect(three.consistency).toBeCloseTo(0.693814, 6);

    // The same numbers through the catalogue (batched loader).
    const { touchpoints } = await owner.client.ok('{ touchpoints { id consistency accuracy } }');
    expect(touchpoints.find((x: any) => x.id === tp)).toEqual({
      id: tp,
      consistency: three.consistency,
      accuracy: 3,
    });
  });

  it('count OPEN and IN_PROGRESS friction, not RESOLVED', async () => {
    const tp = (await touchpoint()).id;
    const count = async () => (await owner.client.ok(SCORES, { id: tp })).touchpoint.openFrictionCount;
    const audit = await submittedAudit([{ touchpointId: tp, ratings: [3, 3, 3, 3], extra: { friction: 2 } }]);
    const { raiseFrictionPoint } = await staff.client.ok(RAISE_FRICTION, {
      input: { touchpointId: tp, description: 'Door sticks', severity: 1 },
    });
    expect(await count()).toBe(2);
    const [fromAudit] = await frictionOf(audit.id);
    await staff.client.ok(UPDATE_FRICTION, { id: fromAudit.id, input: { status: 'IN_PROGRESS' } });
    expect(await count()).toBe(2);
    await staff.client.ok(UPDATE_FRICTION, {
      id: raiseFrictionPoint.id,
      input: { status: 'RESOLVED', resolution: 'Planed the door' },
    });
    expect(await count()).toBe(1);
    await staff.client.ok(UPDATE_FRICTION, {
      id: fromAudit.id,
      input: { status: 'RESOLVED', resolution: 'Second person on Saturdays' },
    });
    expect(await count()).toBe(0);
  });
});

describe('Audit.scenarioConsistency', () => {
  it('compares each step across the submitted audits of the same scenario, ignoring case and surrounding space', async () => {
    const [p, q] = [(await touchpoint()).id, (await touchpoint()).id];
    const scenario = `Collect a parcel ${++serial}`;
    const steps = (pRating: number, qRating: number) => [
      { touchpointId: p, ratings: [pRating, pRating, pRating, pRating] as Ratings },
      { touchpointId: q, ratings: [qRating, qRating, qRating, qRating] as Ratings },
    ];
    const consistencyOf = async (id: string) => (await readAudit(id)).scenarioConsistency;

    const first = await submittedAudit(steps(5, 2), scenario);
    expect(await consistencyOf(first.id)).toEqual([
      { touchpoint: { id: p }, audits: 1, consistency: null },
      { touchpoint: { id: q }, audits: 1, consistency: null },
    ]);

    // Not counted: another scenario, and an unsubmitted audit of this one.
    await submittedAudit(steps(1, 1), `Return a parcel ${serial}`);
    const open = await createAudit([p, q], { scenario });
    await record(open.id, observation(p, {}, [1, 1, 1, 1]));

    await submittedAudit(steps(3, 2), `  ${scenario.toUpperCase()}  `);
    // p: 5 then 3 on every factor, σ = 1 each, σ̄ = 1, consistency 1 − 1/2 = 0.5; q: 2 and 2, σ̄ = 0, 1.
    const expected = [
      { touchpoint: { id: p }, audits: 2, consistency: 0.5 },
      { touchpoint: { id: q }, audits: 2, consistency: 1 },
    ];
    expect(await consistencyOf(first.id)).toEqual(expected);
    expect(await consistencyOf(open.id)).toEqual(expected);
  });
});
