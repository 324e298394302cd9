import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  type FieldNode,
  type GraphQLObjectType,
  getNamedType,
  isInputObjectType,
  isLeafType,
  type OperationDefinitionNode,
  parse,
  print,
} from 'graphql';
import { CustomerStateService } from '../src/modules/relationship-health/customer-state.service';
import { dumpState, raceOnWrite } from './support/database';
import { code, type SignedIn, signUpOwner, startTestApp, type TestApp } from './support/harness';
import { tokenOf } from './support/seed';
import { flightsDuring, sqlSentDuring } from './support/sql-sent';

// Every create a form can send takes an idempotency key: the same key again answers the first
// result and writes nothing, another request with it is CONFLICT, racing requests create once, and
// a key older than 24 hours creates anew.

let t: TestApp;
let owner: SignedIn;
let customerId: string;
let touchpointId: string;
let surveyId: string;
let made = 0;

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

async function newCustomer(): Promise<string> {
  const data = await owner.client.ok(CREATE_CUSTOMER, { input: { name: `Customer ${++made}` } });
  return data.createCustomer.id;
}

interface KeyedCreate {
  /** The document; its answer's root field has an `id`. */
  document: string;
  /** Variables of a valid request with `key`. */
  request(key: string): Promise<Record<string, unknown>>;
  /** The same request changed so that it creates something else. */
  changed(variables: Record<string, unknown>): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** Where what it creates is stored. */
  table: string;
}

const withInput = (variables: Record<string, unknown>, patch: Record<string, unknown>) => ({
  ...variables,
  input: { ...(variables.input as object), ...patch },
});
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();

const KEYED: Record<string, KeyedCreate> = {
  createCustomer: {
    document: CREATE_CUSTOMER,
    request: async (key) => ({ input: { name: 'Keyed customer', idempotencyKey: key } }),
    changed: (v) => withInput(v, { name: 'Another customer' }),
    table: 'customers',
  },
  createTouchpoint: {
    document: `mutation($input: TouchpointInput!, $key: String) {
      createTouchpoint(input: $input, idempotencyKey: $key) { id } }`,
    request: async (key) => ({ input: { name: `Desk ${++made}`, channel: 'STORE', stage: 'BUY' }, key }),
    changed: (v) => withInput(v, { name: `Desk ${++made}` }),
    table: 'touchpoints',
  },
  logInteraction: {
    document: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
    request: async (key) => ({
      input: {
        customerId,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        purpose: 'RELATIONSHIP',
        sentiment: 1,
        summary: 'How are things?',
        idempotencyKey: key,
      },
    }),
    changed: (v) => withInput(v, { summary: 'Something else' }),
    table: 'interactions',
  },
  scheduleCheckIn: {
    document: `mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }`,
    request: async (key) => ({ input: { customerId, dueAt: tomorrow(), idempotencyKey: key } }),
    changed: (v) => withInput(v, { note: 'Bring the samples' }),
    table: 'check_ins',
  },
  raiseFrictionPoint: {
    document: `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`,
    request: async (key) => ({ input: { description: 'The door sticks', severity: 1, idempotencyKey: key } }),
    changed: (v) => withInput(v, { description: 'The till is slow' }),
    table: 'friction_points',
  },
  createSurvey: {
    document: `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }`,
    request: async (key) => ({
      input: { name: 'After a visit', type: 'CSAT', question: 'How was it?', idempotencyKey: key },
    }),
    changed: (v) => withInput(v, { name: 'After a call' }),
    table: 'surveys',
  },
  requestFeedback: {
    document: `mutation($input: RequestFeedbackInput!) { requestFeedback(input: $input) { id url } }`,
    // A customer of its own each time: a second request for one customer inside the cap is CONFLICT.
    request: async (key) => ({ input: { surveyId, customerId: await newCustomer(), idempotencyKey: key } }),
    changed: async (v) => withInput(v, { customerId: await newCustomer() }),
    table: 'feedback_requests',
  },
  inviteMember: {
    document: `mutation($email: String!, $name: String!, $key: String) {
      inviteMember(email: $email, name: $name, role: STAFF, idempotencyKey: $key) { id url } }`,
    request: async (key) => ({ email: `invitee-${++made}@example.com`, name: 'Ivy Invitee', key }),
    changed: (v) => ({ ...v, email: `invitee-${++made}@example.com` }),
    table: 'invitations',
  },
  createAudit: {
    document: `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id } }`,
    request: async (key) => ({
      input: {
        title: 'Saturday rush',
        scenario: 'Buy a cake for six',
        touchpointIds: [touchpointId],
        auditorName: 'Olive',
        external: false,
        idempotencyKey: key,
      },
    }),
    changed: (v) => withInput(v, { title: 'Monday calm' }),
    table: 'audits',
  },
};

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Keyed Bakery');
  customerId = await newCustomer();
  const touchpoint = await owner.client.ok(
    `mutation { createTouchpoint(input: { name: "Counter", channel: STORE, stage: BUY }) { id } }`,
  );
  touchpointId = touchpoint.createTouchpoint.id;
  const survey = await owner.client.ok(
    `mutation { createSurvey(input: { name: "NPS", type: NPS, question: "Recommend us?" }) { id } }`,
  );
  surveyId = survey.createSurvey.id;
});
afterAll(() => t.close());

const rootOf = (data: Record<string, { id: string }> | null | undefined) => Object.values(data ?? {})[0];
const SCHEMA = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));

/**
 * The document with its root field selecting every field of what it answers that is a scalar or an
 * enum and takes no arguments: a first answer (the row as inserted) and a replay's (the row read back)
 * are compared whole.
 */
function selectingEveryScalar(document: string): string {
  const operation = parse(document).definitions[0] as OperationDefinitionNode;
  const root = operation.selectionSet.selections[0] as FieldNode;
  const type = getNamedType(
    SCHEMA.getMutationType()?.getFields()[root.name.value]?.type,
  ) as GraphQLObjectType;
  const scalars = Object.values(type.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name);
  const { selectionSet } = parse(`{ ${scalars.join(' ')} }`).definitions[0] as OperationDefinitionNode;
  return print({
    ...operation,
    selectionSet: { ...operation.selectionSet, selections: [{ ...root, selectionSet }] },
  });
}

const send = (op: KeyedCreate, variables: Record<string, unknown>) =>
  owner.client.gql(selectingEveryScalar(op.document), variables);
async function rows(table: string): Promise<number> {
  const { rows } = await t.admin.query(`select count(*)::int as n from ${table} where workspace_id = $1`, [
    owner.workspaceId,
  ]);
  return rows[0].n;
}

it('covers every mutation that takes an idempotency key, and every create takes one', () => {
  const mutations = Object.values(SCHEMA.getMutationType()?.getFields() ?? {});
  const keyed = mutations.filter((m) =>
    m.args.some((arg) => {
      const type = getNamedType(arg.type);
      return (
        arg.name === 'idempotencyKey' || (isInputObjectType(type) && 'idempotencyKey' in type.getFields())
      );
    }),
  );
  expect(keyed.map((m) => m.name).sort()).toEqual(Object.keys(KEYED).sort());
  const creates = mutations.filter((m) => m.name.startsWith('create')).map((m) => m.name);
  expect(Object.keys(KEYED)).toEqual(expect.arrayContaining(creates));
});

describe.each(Object.entries(KEYED))('%s', (name, op) => {
  it('answers the first result to a retry with the same key, and writes nothing more', async () => {
    const variables = await op.request(`${name}-retry`);
    const before = await rows(op.table);
    const first = await send(op, variables);
    expect(first.errors).toBeUndefined();
    expect(await rows(op.table)).toBe(before + 1);
    const state = await dumpState(t.admin);
    const again = await send(op, variables);
    expect(again.errors).toBeUndefined();
    expect(rootOf(again.data)).toEqual(rootOf(first.data));
    expect(await dumpState(t.admin)).toEqual(state);
  });

  it('is CONFLICT for another request with a used key, and writes nothing', async () => {
    const variables = await op.request(`${name}-conflict`);
    expect((await send(op, variables)).errors).toBeUndefined();
    const changed = await op.changed(variables);
    const state = await dumpState(t.admin);
    const other = await send(op, changed);
    expect(code(other)).toBe('CONFLICT');
    expect(await dumpState(t.admin)).toEqual(state);
  });

  it('creates once when two requests with one key race', async () => {
    const variables = await op.request(`${name}-race`);
    const before = await rows(op.table);
    const answers = await raceOnWrite(t.admin, 'idempotency_keys', [
      () => send(op, variables),
      () => send(op, variables),
    ]);
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined]);
    expect(rootOf(answers[0]?.data)?.id).toBe(rootOf(answers[1]?.data)?.id);
    expect(await rows(op.table)).toBe(before + 1);
  });

  it('creates anew with a key older than 24 hours', async () => {
    const variables = await op.request(`${name}-old`);
    const first = await send(op, variables);
    await t.admin.query(
      `update idempotency_keys set created_at = now() - interval '25 hours' where workspace_id = $1 and key = $2`,
      [owner.workspaceId, `${name}-old`],
    );
    const later = await send(op, await op.changed(variables));
    expect(later.errors).toBeUndefined();
    expect(rootOf(later.data)?.id).not.toBe(rootOf(first.data)?.id);
  });
});

it('keeps no key older than 24 hours after the scheduled pass', async () => {
  const op = KEYED.createCustomer!;
  expect((await send(op, await op.request('sweeper'))).errors).toBeUndefined();
  await t.admin.query(
    `update idempotency_keys set created_at = now() - interval '2 days' where workspace_id = $1 and key <> 'sweeper'`,
    [owner.workspaceId],
  );
  await t.app.get(CustomerStateService).refreshStale(new Date());
  const { rows: kept } = await t.admin.query(`select key from idempotency_keys where workspace_id = $1`, [
    owner.workspaceId,
  ]);
  expect(kept).toEqual([{ key: 'sweeper' }]);
});

it('costs a keyed write no round trip for the key beyond its claim, nor for opening its transaction', async () => {
  const op = KEYED.logInteraction!;
  const variables = await op.request('round-trips');
  const { sent, result } = await sqlSentDuring(() => send(op, variables));
  expect(result.errors).toBeUndefined();
  const workspaceStatements = sent.slice(sent.findIndex((sql) => /^begin\b/i.test(sql)));
  // BEGIN and the workspace's scope go together; the key is claimed once, naming the new row; the
  // first answer is the row as inserted, not read back.
  expect(workspaceStatements[0]).toMatch(/^begin; select set_config\('app\.workspace_id'/);
  expect(sent.filter((sql) => /start transaction|^select set_config/i.test(sql))).toEqual([]);
  expect(sent.filter((sql) => /idempotency_keys/.test(sql))).toEqual([
    expect.stringMatching(/^insert into idempotency_keys \(.*result_id\)/),
  ]);
  expect(sent.filter((sql) => /^select .* from "interactions"/i.test(sql))).toEqual([]);
  expect(workspaceStatements.at(-1)).toBe('commit');
});

it('replays a keyed create even when running it again would now be refused', async () => {
  // The invitation is accepted: inviting the same person again would be CONFLICT ("already a
  // member"), but a retry of the first request answers the first invitation.
  const op = KEYED.inviteMember!;
  const variables = await op.request('replay-after-accept');
  const first = await send(op, variables);
  const invitation = first.data?.inviteMember as { id: string; url: string };
  await t.client().ok(
    `mutation($token: String!, $name: String!, $password: String!) {
        acceptInvitation(token: $token, name: $name, password: $password) { member { id } } }`,
    { token: tokenOf(invitation.url), name: 'Ivy Invitee', password: 'correct horse battery' },
  );
  const invitations = await rows('invitations');
  const retry = await send(op, variables);
  expect(retry.errors).toBeUndefined();
  expect(retry.data?.inviteMember).toMatchObject({ id: invitation.id });
  expect(await rows('invitations')).toBe(invitations);
});

it("sends a contact's key, feedback rule, insert and its customer's lock and health facts in one round trip", async () => {
  const op = KEYED.logInteraction!;
  const variables = await op.request('one-flight');
  const { flights, result } = await flightsDuring(() => send(op, variables));
  expect(result.errors).toBeUndefined();
  const kind = (sql: string) =>
    (
      [
        ['session', /^select workspace_id, member_id/],
        ['begin', /^begin; select set_config/],
        ['key', /^insert into idempotency_keys/],
        ['savepoint', /^savepoint /],
        ['rule', /auto_feedback_survey_id/],
        ['insert', /^insert into interactions/],
        ['lock', /for no key update of c/],
        ['facts', /json_agg/],
        ['health', /^with v as/],
        ['commit', /^commit$/],
      ] as const
    ).find(([, pattern]) => pattern.test(sql))?.[0] ?? sql;
  // Five round trips: the session, the transaction's begin and scope, then the key with the contact
  // and everything its customer's health is computed from, the health written, the commit.
  expect(flights.map((statements) => statements.map(kind))).toEqual([
    ['session'],
    ['begin'],
    ['key', 'savepoint', 'rule', 'insert', 'lock', 'facts'],
    ['health'],
    ['commit'],
  ]);
});
