import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE, APP_ROLE_STARTUP_OPTIONS } from '../src/database/app-role';
import { CustomerStateService } from '../src/modules/relationship-health/customer-state.service';
import {
  addMember,
  code,
  fields,
  type GqlClient,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
} from './support/harness';
import { sqlSentDuring } from './support/sql-sent';

const ENTRY = `id action entity entityId changedAt origin entityLabel member { id name } customer { id }
  changes { field before after beforeLabel afterLabel }`;
const CUSTOMER_HISTORY = `query($id: ID!, $first: Int, $after: String) {
  customer(id: $id) { history(first: $first, after: $after) {
    edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } }
}`;
const WORKSPACE_HISTORY = `query($first: Int, $after: String, $entity: ChangedEntity) {
  history(first: $first, after: $after, entity: $entity) {
    edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } }
}`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const UPDATE_CUSTOMER = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }`;
const ARCHIVE_CUSTOMER = `mutation($id: ID!) { archiveCustomer(id: $id) { id } }`;
const LOG_INTERACTION = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const CREATE_TOUCHPOINT = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }`;
const UPDATE_TOUCHPOINT = `mutation($id: ID!, $input: TouchpointInput!) { updateTouchpoint(id: $id, input: $input) { id } }`;
const CREATE_AUDIT = `mutation($input: CreateAuditInput!) { createAudit(input: $input) { id inviteUrl } }`;
const RECORD_OBSERVATION = `mutation($auditId: ID!, $input: ObservationInput!) {
  recordObservation(auditId: $auditId, input: $input) { id }
}`;
const SUBMIT_AUDIT = `mutation($id: ID!) { submitAudit(id: $id) { id } }`;
const RECORD_PUBLIC = `mutation($token: String!, $input: ObservationInput!) { recordPublicObservation(token: $token, input: $input) }`;
const SUBMIT_PUBLIC = `mutation($token: String!) { submitPublicAudit(token: $token) }`;
const RAISE_FRICTION = `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`;
const UPDATE_FRICTION = `mutation($id: ID!, $input: UpdateFrictionPointInput!) { updateFrictionPoint(id: $id, input: $input) { id } }`;
const CREATE_SURVEY = `mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id publicUrl } }`;
const REQUEST_FEEDBACK = `mutation($input: RequestFeedbackInput!) { requestFeedback(input: $input) { url } }`;
const SUBMIT_FEEDBACK = `mutation($token: String!, $input: SubmitFeedbackInput!) { submitFeedback(token: $token, input: $input) }`;

interface Change {
  field: string;
  before: string | null;
  after: string | null;
  beforeLabel: string | null;
  afterLabel: string | null;
}
interface Entry {
  id: string;
  action: string;
  entity: string;
  entityId: string;
  changedAt: string;
  origin: string;
  entityLabel: string | null;
  member: { id: string; name: string } | null;
  customer: { id: string } | null;
  changes: Change[];
}
interface Page {
  edges: { cursor: string; node: Entry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let t: TestApp;
let owner: SignedIn;
let staff: SignedIn;
let touchpointId: string;

/** `{ field: [before, after] }` of an entry, values parsed from their JSON. */
const changesOf = (entry: Entry) =>
  Object.fromEntries(
    entry.changes.map((c) => [
      c.field,
      [c.before === null ? null : JSON.parse(c.before), c.after === null ? null : JSON.parse(c.after)],
    ]),
  );

async function customerHistory(client: GqlClient, id: string, first = 100, after?: string): Promise<Page> {
  return (await client.ok(CUSTOMER_HISTORY, { id, first, after })).customer.history;
}

async function workspaceHistory(variables: Record<string, unknown> = {}): Promise<Entry[]> {
  const data = await owner.client.ok(WORKSPACE_HISTORY, { first: 100, ...variables });
  return data.history.edges.map((e: { node: Entry }) => e.node);
}

/** The newest entries about one record, newest first, as the workspace's owner reads them. */
async function entriesOf(entityId: string): Promise<Entry[]> {
  return (await workspaceHistory()).filter((e) => e.entityId === entityId);
}

/** Every stored history row of the database (as the superuser). */
const countAll = async () =>
  (await t.admin.query('select count(*)::int as n from change_history')).rows[0].n as number;

async function newCustomer(client: GqlClient, input: Record<string, unknown> = {}): Promise<string> {
  const data = await client.ok(CREATE_CUSTOMER, {
    input: { name: `Client ${randomUUID().slice(0, 6)}`, ...input },
  });
  return data.createCustomer.id;
}

const contact = (customerId: string, extra: Record<string, unknown> = {}) => ({
  customerId,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: 'Called to say thanks',
  ...extra,
});

const observation = (touchpoint: string, extra: Record<string, unknown> = {}) => ({
  touchpointId: touchpoint,
  experienced: 'Waited ten minutes',
  surprise: 'LETDOWN',
  friction: 2,
  accuracy: 3,
  availability: 2,
  partnership: 3,
  advice: 4,
  wouldReturn: false,
  ...extra,
});

/**
 * As the app's requests are: its login role, running as the app role, in a transaction with
 * `app.workspace_id` set to `workspaceId`. Always rolled back.
 */
async function asApp<T>(workspaceId: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: t.appUrl, options: APP_ROLE_STARTUP_OPTIONS });
  await db.connect();
  try {
    await db.query('begin');
    await db.query(`select set_config('app.workspace_id', $1, true)`, [workspaceId]);
    return await work(db);
  } finally {
    await db.query('rollback').catch(() => undefined);
    await db.end();
  }
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Corner Bakery');
  staff = await addMember(t, owner);
  const created = await owner.client.ok(CREATE_TOUCHPOINT, {
    input: { name: 'Front desk', channel: 'STORE', stage: 'BUY' },
  });
  touchpointId = created.createTouchpoint.id;
});
afterAll(() => t.close());

describe('what is recorded', () => {
  it('records the workspace and its first owner at sign-up as made by that owner, and an invitee as themselves', async () => {
    const [workspace] = await entriesOf(owner.workspaceId);
    expect(workspace).toMatchObject({
      action: 'CREATE',
      entity: 'WORKSPACE',
      origin: 'MEMBER',
      entityLabel: 'Corner Bakery',
      member: { id: owner.memberId, name: 'Olive Owner' },
    });
    expect(changesOf(workspace!)).toEqual({
      name: [null, 'Corner Bakery'],
      defaultCadenceDays: [null, 30],
      feedbackCapDays: [null, 30],
    });
    const [ownerRow] = await entriesOf(owner.memberId);
    expect(ownerRow).toMatchObject({ action: 'CREATE', entity: 'MEMBER', member: { id: owner.memberId } });
    expect(changesOf(ownerRow!)).toEqual({
      name: [null, 'Olive Owner'],
      email: [null, owner.email],
      role: [null, 'OWNER'],
    });
    const [staffRow] = await entriesOf(staff.memberId);
    expect(staffRow).toMatchObject({ action: 'CREATE', entity: 'MEMBER', member: { id: staff.memberId } });
    expect(changesOf(staffRow!).role).toEqual([null, 'STAFF']);
  });

  it('records a customer created, changed and archived: who, when, each field before and after', async () => {
    const id = await newCustomer(owner.client, {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      tags: ['vip'],
      ownerId: staff.memberId,
    });
    await staff.client.ok(UPDATE_CUSTOMER, {
      id,
      input: {
        name: 'Ada King',
        tags: ['vip', 'wholesale'],
        cadenceDays: 14,
        profileFacts: [{ label: 'Dog', value: 'Rex' }],
      },
    });
    // The same values again change nothing, so record nothing.
    await staff.client.ok(UPDATE_CUSTOMER, { id, input: { name: 'Ada King' } });
    await owner.client.ok(ARCHIVE_CUSTOMER, { id });

    const { edges } = await customerHistory(staff.client, id);
    const [archived, updated, created] = edges.map((e) => e.node);
    expect(edges).toHaveLength(3);
    expect(created).toMatchObject({
      action: 'CREATE',
      entity: 'CUSTOMER',
      entityId: id,
      origin: 'MEMBER',
      member: { id: owner.memberId },
      customer: { id },
      entityLabel: 'Ada King',
    });
    expect(changesOf(created!)).toEqual({
      name: [null, 'Ada Lovelace'],
      email: [null, 'ada@example.com'],
      tags: [null, ['vip']],
      profileFacts: [null, []],
      ownerId: [null, staff.memberId],
      status: [null, 'ACTIVE'],
    });
    expect(created!.changes.find((c) => c.field === 'ownerId')).toMatchObject({
      beforeLabel: null,
      afterLabel: 'Sam Staff',
    });
    expect(updated).toMatchObject({ action: 'UPDATE', member: { id: staff.memberId, name: 'Sam Staff' } });
    expect(changesOf(updated!)).toEqual({
      name: ['Ada Lovelace', 'Ada King'],
      tags: [['vip'], ['vip', 'wholesale']],
      profileFacts: [[], [{ label: 'Dog', value: 'Rex' }]],
      cadenceDays: [null, 14],
    });
    expect(archived).toMatchObject({ action: 'UPDATE', member: { id: owner.memberId } });
    expect(changesOf(archived!)).toEqual({ status: ['ACTIVE', 'ARCHIVED'] });
    const times = [archived, updated, created].map((e) => Date.parse(e!.changedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('records an interaction as logged by its member, in its customer’s history, and nothing for the health refresh', async () => {
    const customerId = await newCustomer(owner.client);
    const logged = await staff.client.ok(LOG_INTERACTION, {
      input: contact(customerId, { touchpointId, channel: undefined, frictionNote: 'Queue' }),
    });
    const { edges } = await customerHistory(owner.client, customerId);
    // The log recomputed the customer's health and check-in clock: no entry for that.
    expect(edges.map((e) => [e.node.entity, e.node.action])).toEqual([
      ['INTERACTION', 'CREATE'],
      ['CUSTOMER', 'CREATE'],
    ]);
    const entry = edges[0]!.node;
    expect(entry).toMatchObject({
      entityId: logged.logInteraction.id,
      member: { id: staff.memberId },
      customer: { id: customerId },
      entityLabel: 'Called to say thanks',
    });
    const changes = changesOf(entry);
    expect(Object.keys(changes)).toEqual([
      'customerId',
      'touchpointId',
      'channel',
      'memberId',
      'direction',
      'purpose',
      'sentiment',
      'summary',
      'frictionNote',
      'occurredAt',
    ]);
    expect(changes.sentiment).toEqual([null, 1]);
    expect(entry.changes.find((c) => c.field === 'touchpointId')?.afterLabel).toBe('Front desk');
    expect(entry.changes.find((c) => c.field === 'memberId')?.afterLabel).toBe('Sam Staff');
  });

  it('records touchpoints created and changed', async () => {
    const created = await owner.client.ok(CREATE_TOUCHPOINT, {
      input: { name: 'Phone line', channel: 'PHONE', stage: 'SUPPORT' },
    });
    const id = created.createTouchpoint.id;
    await owner.client.ok(UPDATE_TOUCHPOINT, {
      id,
      input: {
        name: 'Phone line',
        channel: 'PHONE',
        stage: 'SUPPORT',
        momentOfTruth: true,
        description: 'Calls',
      },
    });
    const [updated, made] = await entriesOf(id);
    expect(made).toMatchObject({ action: 'CREATE', entity: 'TOUCHPOINT', member: { id: owner.memberId } });
    expect(changesOf(made!)).toEqual({
      name: [null, 'Phone line'],
      channel: [null, 'PHONE'],
      stage: [null, 'SUPPORT'],
      momentOfTruth: [null, false],
    });
    expect(changesOf(updated!)).toEqual({ description: [null, 'Calls'], momentOfTruth: [false, true] });
  });

  it('records an audit, its observations (recorded again: only what changed) and what submitting raised', async () => {
    const created = await staff.client.ok(CREATE_AUDIT, {
      input: {
        title: 'Saturday walk',
        scenario: 'Order a cake',
        touchpointIds: [touchpointId],
        auditorName: 'Sam',
        external: false,
      },
    });
    const auditId = created.createAudit.id;
    const first = await staff.client.ok(RECORD_OBSERVATION, { auditId, input: observation(touchpointId) });
    await staff.client.ok(RECORD_OBSERVATION, {
      auditId,
      input: observation(touchpointId, { availability: 4, notes: 'Better after lunch' }),
    });
    await staff.client.ok(SUBMIT_AUDIT, { id: auditId });

    const [submitted, started, made] = await entriesOf(auditId);
    expect(made).toMatchObject({ action: 'CREATE', entity: 'AUDIT', member: { id: staff.memberId } });
    expect(changesOf(made!)).toMatchObject({ title: [null, 'Saturday walk'], status: [null, 'DRAFT'] });
    expect(changesOf(started!)).toEqual({ status: ['DRAFT', 'IN_PROGRESS'] });
    expect(changesOf(submitted!)).toEqual({
      status: ['IN_PROGRESS', 'SUBMITTED'],
      submittedAt: [null, expect.any(String)],
    });
    const observationId = first.recordObservation.id;
    const [again, recorded] = await entriesOf(observationId);
    expect(recorded).toMatchObject({ action: 'CREATE', entity: 'OBSERVATION', entityLabel: 'Front desk' });
    expect(changesOf(recorded!)).toMatchObject({ auditId: [null, auditId], friction: [null, 2] });
    expect(recorded!.changes.find((c) => c.field === 'auditId')?.afterLabel).toBe('Saturday walk');
    // Recorded again: the changed ratings and notes, not the time it was recorded.
    expect(changesOf(again!)).toEqual({ availability: [2, 4], notes: [null, 'Better after lunch'] });
    const raised = (await workspaceHistory({ entity: 'FRICTION_POINT' })).find((e) =>
      e.changes.some((c) => c.field === 'observationId' && c.after === JSON.stringify(observationId)),
    );
    expect(raised).toMatchObject({ action: 'CREATE', member: { id: staff.memberId }, origin: 'MEMBER' });
    expect(changesOf(raised!)).toMatchObject({ source: [null, 'AUDIT'], status: [null, 'OPEN'] });
  });

  it('records what an outside auditor does through their link with no member, even from a signed-in browser', async () => {
    const created = await owner.client.ok(CREATE_AUDIT, {
      input: {
        title: 'Secret shopper',
        scenario: 'Buy bread',
        touchpointIds: [touchpointId],
        auditorName: 'Alex',
        external: true,
      },
    });
    const token = String(created.createAudit.inviteUrl).split('/a/')[1];
    // The owner tries the link in their own, signed-in browser.
    await owner.client.ok(RECORD_PUBLIC, {
      token,
      input: observation(touchpointId, { friction: 0, surprise: 'NONE' }),
    });
    await t.client().ok(SUBMIT_PUBLIC, { token });
    const [submitted, started] = await entriesOf(created.createAudit.id);
    for (const entry of [submitted, started])
      expect(entry).toMatchObject({ origin: 'AUDIT_LINK', member: null });
    const [recorded] = (await workspaceHistory({ entity: 'OBSERVATION' })).filter(
      (e) => changesOf(e).auditId?.[1] === created.createAudit.id,
    );
    expect(recorded).toMatchObject({ action: 'CREATE', origin: 'AUDIT_LINK', member: null });
  });

  it('records friction raised, assigned and resolved', async () => {
    const customerId = await newCustomer(owner.client, { ownerId: staff.memberId });
    const raised = await staff.client.ok(RAISE_FRICTION, {
      input: { customerId, description: 'Card reader broken', severity: 2 },
    });
    const id = raised.raiseFrictionPoint.id;
    await staff.client.ok(UPDATE_FRICTION, { id, input: { status: 'RESOLVED', resolution: 'New reader' } });
    const [resolved, made] = (await customerHistory(owner.client, customerId)).edges.map((e) => e.node);
    expect(made).toMatchObject({
      action: 'CREATE',
      entity: 'FRICTION_POINT',
      entityId: id,
      customer: { id: customerId },
    });
    expect(changesOf(made!)).toMatchObject({
      description: [null, 'Card reader broken'],
      severity: [null, 2],
      ownerId: [null, staff.memberId],
      source: [null, 'MANUAL'],
      createdBy: [null, staff.memberId],
    });
    expect(changesOf(resolved!)).toEqual({
      status: ['OPEN', 'RESOLVED'],
      resolution: [null, 'New reader'],
      resolvedAt: [null, expect.any(String)],
    });
  });

  it('records surveys, and what a customer’s low answer raises as the feedback link’s', async () => {
    const survey = await owner.client.ok(CREATE_SURVEY, {
      input: { name: 'After a visit', type: 'NPS', question: 'Recommend us?', touchpointId },
    });
    const [made] = await entriesOf(survey.createSurvey.id);
    expect(made).toMatchObject({ action: 'CREATE', entity: 'SURVEY', member: { id: owner.memberId } });
    expect(changesOf(made!)).toEqual({
      name: [null, 'After a visit'],
      type: [null, 'NPS'],
      question: [null, 'Recommend us?'],
      touchpointId: [null, touchpointId],
      anonymous: [null, false],
    });
    const customerId = await newCustomer(owner.client, { ownerId: staff.memberId });
    const requested = await staff.client.ok(REQUEST_FEEDBACK, {
      input: { surveyId: survey.createSurvey.id, customerId },
    });
    const token = String(requested.requestFeedback.url).split('/f/')[1];
    await t.client().ok(SUBMIT_FEEDBACK, { token, input: { score: 2, comment: 'Slow' } });
    const [followUp] = (await customerHistory(staff.client, customerId)).edges.map((e) => e.node);
    expect(followUp).toMatchObject({
      entity: 'FRICTION_POINT',
      action: 'CREATE',
      origin: 'FEEDBACK_LINK',
      member: null,
    });
    expect(changesOf(followUp!)).toMatchObject({
      source: [null, 'FEEDBACK'],
      ownerId: [null, staff.memberId],
    });
  });

  it('never names a member for an anonymous answer, even one given in a signed-in browser', async () => {
    const survey = await owner.client.ok(CREATE_SURVEY, {
      input: { name: 'Counter', type: 'CSAT', question: 'Happy?', touchpointId, anonymous: true },
    });
    const token = String(survey.createSurvey.publicUrl).split('/f/')[1];
    await staff.client.ok(SUBMIT_FEEDBACK, { token, input: { score: 1 } });
    const [raised] = await workspaceHistory({ entity: 'FRICTION_POINT' });
    expect(raised).toMatchObject({ action: 'CREATE', origin: 'SURVEY_LINK', member: null, customer: null });
    expect(changesOf(raised!).description).toEqual([null, 'Low CSAT 1/5, no comment']);
  });

  it('records role changes and removals, and the work a removal hands back, as the owner’s', async () => {
    const leaving = await addMember(t, owner);
    const customerId = await newCustomer(owner.client, { ownerId: leaving.memberId });
    await owner.client.ok(`mutation($id: ID!) { changeMemberRole(id: $id, role: OWNER) { id } }`, {
      id: leaving.memberId,
    });
    await owner.client.ok(`mutation($id: ID!) { removeMember(id: $id) { id } }`, { id: leaving.memberId });
    const [removed, promoted] = await entriesOf(leaving.memberId);
    expect(changesOf(promoted!)).toEqual({ role: ['STAFF', 'OWNER'] });
    expect(changesOf(removed!)).toEqual({ removedAt: [null, expect.any(String)] });
    expect(removed).toMatchObject({ member: { id: owner.memberId }, entityLabel: 'Sam Staff' });
    const [unassigned] = (await customerHistory(owner.client, customerId)).edges.map((e) => e.node);
    expect(unassigned).toMatchObject({
      entity: 'CUSTOMER',
      action: 'UPDATE',
      member: { id: owner.memberId },
    });
    expect(unassigned!.changes).toEqual([
      {
        field: 'ownerId',
        before: JSON.stringify(leaving.memberId),
        after: null,
        beforeLabel: 'Sam Staff',
        afterLabel: null,
      },
    ]);
  });

  it('records workspace settings, without an entry for every customer the new default cadence moves', async () => {
    const customerId = await newCustomer(owner.client);
    const survey = await owner.client.ok(CREATE_SURVEY, {
      input: { name: 'Welcome', type: 'CSAT', question: 'How was it?' },
    });
    await owner.client.ok(
      `mutation { updateWorkspace(name: "Corner Bakery & Café", defaultCadenceDays: 21) { id } }`,
    );
    await owner.client.ok(
      `mutation($surveyId: ID) { setFeedbackAutoRequest(surveyId: $surveyId, trigger: FIRST_INTERACTION) { id } }`,
      { surveyId: survey.createSurvey.id },
    );
    const [rule, renamed] = await entriesOf(owner.workspaceId);
    expect(changesOf(renamed!)).toEqual({
      name: ['Corner Bakery', 'Corner Bakery & Café'],
      defaultCadenceDays: [30, 21],
    });
    expect(changesOf(rule!)).toEqual({
      autoFeedbackSurveyId: [null, survey.createSurvey.id],
      autoFeedbackTrigger: [null, 'FIRST_INTERACTION'],
    });
    expect(rule!.changes[0]!.afterLabel).toBe('Welcome');
    // The customer's check-in date moved with the default: not a change anyone made to them.
    expect((await customerHistory(owner.client, customerId)).edges).toHaveLength(1);
    await owner.client.ok(`mutation { setFeedbackAutoRequest(surveyId: null) { id } }`);
  });

  it('records a row deleted in the database by hand (the app deletes none) as the system’s, with what it held', async () => {
    const customerId = await newCustomer(owner.client);
    const logged = await owner.client.ok(LOG_INTERACTION, { input: contact(customerId) });
    await t.admin.query('delete from interactions where id = $1', [logged.logInteraction.id]);
    const [deleted] = (await customerHistory(owner.client, customerId)).edges.map((e) => e.node);
    expect(deleted).toMatchObject({
      action: 'DELETE',
      entity: 'INTERACTION',
      origin: 'SYSTEM',
      member: null,
      entityLabel: null,
    });
    expect(changesOf(deleted!)).toMatchObject({
      summary: ['Called to say thanks', null],
      sentiment: [1, null],
    });
  });
});

describe('in the same transaction', () => {
  it('records nothing for a write that is rolled back after its rows were written', async () => {
    // The customer's health snapshot is written after the customer: make that fail.
    await t.admin.query(`
      create function fail_snapshot() returns trigger language plpgsql as $$
      begin raise exception 'snapshot refused'; end $$;
      create trigger fail_snapshot before insert on health_snapshots for each row execute function fail_snapshot();`);
    try {
      const before = await countAll();
      const result = await owner.client.gql(CREATE_CUSTOMER, { input: { name: 'Never stored' } });
      expect(code(result)).toBe('INTERNAL_SERVER_ERROR');
      const { rows } = await t.admin.query(
        `select count(*)::int as n from customers where name = 'Never stored'`,
      );
      expect(rows[0].n).toBe(0);
      expect(await countAll()).toBe(before);
    } finally {
      await t.admin.query('drop trigger fail_snapshot on health_snapshots; drop function fail_snapshot()');
    }
  });

  it('records nothing when a health refresh recomputes every customer', async () => {
    const before = await countAll();
    const refreshed = await t.app.get(CustomerStateService).refreshStale(new Date(Date.now() + 86_400_000));
    expect(refreshed).toBeGreaterThan(5);
    expect(await countAll()).toBe(before);
  });
});

describe('privileged writers', () => {
  it('records a write made outside any workspace in the row’s own, when the function’s owner is held to row-level security too', async () => {
    const customerId = await newCustomer(owner.client);
    const role = `history_owner_${randomUUID().slice(0, 8)}`;
    const db = await t.admin.connect();
    try {
      await db.query('begin');
      // A schema owner that is no superuser: forced row-level security applies to it as well.
      await db.query(`create role ${role} nosuperuser nobypassrls`);
      await db.query(`alter table change_history owner to ${role}`);
      await db.query(`alter function record_change() owner to ${role}`);
      await db.query(`update customers set notes = 'Maintenance' where id = $1`, [customerId]);
      const { rows } = await db.query(
        `select workspace_id, origin, member_id, changes, current_setting('app.workspace_id', true) as setting
           from change_history where entity_id = $1 and action = 'UPDATE'`,
        [customerId],
      );
      expect(rows).toEqual([
        {
          workspace_id: owner.workspaceId,
          origin: 'SYSTEM',
          member_id: null,
          changes: [{ field: 'notes', before: null, after: 'Maintenance' }],
          // Set for the history row only, then put back as it was.
          setting: '',
        },
      ]);
    } finally {
      await db.query('rollback');
      db.release();
    }
  });
});

describe('a workspace deleted', () => {
  it('takes its history with it, recording nothing for what its deletion cascades to', async () => {
    const gone = await signUpOwner(t, 'Closing Down');
    const customerId = await newCustomer(gone.client);
    await gone.client.ok(LOG_INTERACTION, { input: contact(customerId) });
    const rows = async () =>
      (
        await t.admin.query('select count(*)::int as n from change_history where workspace_id = $1', [
          gone.workspaceId,
        ])
      ).rows[0].n as number;
    expect(await rows()).toBe(4);
    const others = (await countAll()) - 4;
    await t.admin.query('delete from workspaces where id = $1', [gone.workspaceId]);
    expect(await rows()).toBe(0);
    expect(await countAll()).toBe(others);
  });
});

describe('append-only for the app', () => {
  it('lets the app role read its workspace’s history but not insert, update, delete or truncate it', async () => {
    await asApp(owner.workspaceId, async (db) => {
      const { rows } = await db.query('select count(*)::int as n from change_history');
      expect(rows[0].n).toBeGreaterThan(0);
    });
    const attempts = [
      [
        `insert into change_history (workspace_id, entity, entity_id, action, origin, changes)
         values ($1, 'CUSTOMER', gen_random_uuid(), 'CREATE', 'SYSTEM', '[]')`,
        [owner.workspaceId],
      ],
      [`update change_history set changes = '[]' where workspace_id = $1`, [owner.workspaceId]],
      [`delete from change_history where workspace_id = $1`, [owner.workspaceId]],
      ['truncate change_history', []],
    ] as const;
    for (const [sql, params] of attempts) {
      await asApp(owner.workspaceId, (db) =>
        expect(db.query(sql, [...params])).rejects.toMatchObject({ code: '42501' }),
      );
    }
  });

  it('grants the app role SELECT alone on the table, and nothing on the function that writes it', async () => {
    const { rows } = await t.admin.query(
      `select p as privilege, has_table_privilege($1, 'change_history', p) as granted
         from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p`,
      [APP_ROLE],
    );
    expect(Object.fromEntries(rows.map((r) => [r.privilege, r.granted]))).toEqual({
      SELECT: true,
      INSERT: false,
      UPDATE: false,
      DELETE: false,
      TRUNCATE: false,
      REFERENCES: false,
      TRIGGER: false,
    });
    const [fn] = (
      await t.admin.query(
        `select prosecdef as definer, proconfig as config, has_function_privilege($1, p.oid, 'EXECUTE') as executable,
                pg_get_userbyid(proowner) = (select pg_get_userbyid(relowner) from pg_class where relname = 'change_history') as owned
           from pg_proc p where proname = 'record_change'`,
        [APP_ROLE],
      )
    ).rows;
    expect(fn).toEqual({
      definer: true,
      config: ['search_path=pg_catalog, pg_temp'],
      executable: false,
      owned: true,
    });
  });

  it('leaves the app role no way around the triggers: not calling, disabling or replicating past them', async () => {
    for (const sql of [
      'select record_change()',
      'alter table customers disable trigger customers_history',
      `set session_replication_role = replica`,
      'drop trigger customers_history on customers',
    ]) {
      await asApp(owner.workspaceId, (db) => expect(db.query(sql)).rejects.toMatchObject({ code: '42501' }));
    }
  });

  it('still records a write the app role makes directly, as it would any other', async () => {
    const customerId = await newCustomer(owner.client);
    await asApp(owner.workspaceId, async (db) => {
      await db.query(`update customers set notes = 'Direct' where id = $1`, [customerId]);
      const { rows } = await db.query(
        `select action, origin, member_id, changes from change_history where entity_id = $1 order by changed_at desc limit 1`,
        [customerId],
      );
      expect(rows[0]).toEqual({
        action: 'UPDATE',
        origin: 'SYSTEM',
        member_id: null,
        changes: [{ field: 'notes', before: null, after: 'Direct' }],
      });
    });
  });
});

describe('who may read it', () => {
  let other: SignedIn;
  let otherCustomer: string;

  beforeAll(async () => {
    other = await signUpOwner(t, 'Other Shop');
    otherCustomer = await newCustomer(other.client, { name: 'Not yours' });
    await other.client.ok(UPDATE_CUSTOMER, { id: otherCustomer, input: { notes: 'Private' } });
  });

  it('shows a workspace nothing of another’s history', async () => {
    const mine = await workspaceHistory();
    expect(mine.length).toBeGreaterThan(20);
    expect(mine.some((e) => e.entityId === otherCustomer || e.entityId === other.workspaceId)).toBe(false);
    const theirs = (await other.client.ok(WORKSPACE_HISTORY, { first: 100 })).history.edges;
    expect(theirs.map((e: { node: Entry }) => e.node.entity).sort()).toEqual([
      'CUSTOMER',
      'CUSTOMER',
      'MEMBER',
      'WORKSPACE',
    ]);
    expect((await owner.client.ok(CUSTOMER_HISTORY, { id: otherCustomer })).customer).toBeNull();
    await asApp(owner.workspaceId, async (db) => {
      const { rows } = await db.query(
        'select count(*)::int as n from change_history where workspace_id = $1',
        [other.workspaceId],
      );
      expect(rows[0].n).toBe(0);
    });
  });

  it('is FORBIDDEN to staff for the whole workspace, and open to them for a customer', async () => {
    const result = await staff.client.gql(WORKSPACE_HISTORY, {});
    expect(code(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    const customerId = await newCustomer(staff.client);
    expect((await customerHistory(staff.client, customerId)).edges).toHaveLength(1);
  });

  it('is UNAUTHENTICATED without a session', async () => {
    expect(code(await t.client().gql(WORKSPACE_HISTORY, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('paging', () => {
  let id: string;

  beforeAll(async () => {
    id = await newCustomer(owner.client, { name: 'Paged' });
    for (let i = 1; i <= 24; i++) {
      const ownerId = i % 2 === 0 ? owner.memberId : staff.memberId;
      await (i % 3 === 0 ? staff : owner).client.ok(UPDATE_CUSTOMER, {
        id,
        input: { notes: `Note ${i}`, ownerId },
      });
    }
  });

  it('pages a customer’s history newest first without gaps or repeats', async () => {
    const seen: Entry[] = [];
    let after: string | undefined;
    const sizes: number[] = [];
    for (;;) {
      const page = await customerHistory(owner.client, id, 10, after);
      sizes.push(page.edges.length);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(seen.map((e) => e.id)).size).toBe(25);
    expect(changesOf(seen[0]!).notes).toEqual(['Note 23', 'Note 24']);
    expect(seen.at(-1)!.action).toBe('CREATE');
  });

  it('narrows the workspace’s history to one kind', async () => {
    const touchpoints = await workspaceHistory({ entity: 'TOUCHPOINT' });
    expect(touchpoints.length).toBeGreaterThanOrEqual(3);
    expect(new Set(touchpoints.map((e) => e.entity))).toEqual(new Set(['TOUCHPOINT']));
  });

  it('refuses pages over 100 and cursors it did not make', async () => {
    const tooMany = await owner.client.gql(WORKSPACE_HISTORY, { first: 101 });
    expect(fields(tooMany)).toEqual({ first: 'At most 100' });
    const forged = await owner.client.gql(WORKSPACE_HISTORY, { after: 'bm90IGEgY3Vyc29y' });
    expect(fields(forged)).toEqual({ after: 'Not a valid cursor' });
  });

  it('answers a page in as many queries whatever its size (loaders, no query per entry)', async () => {
    // Every entry names its member, customer and record, and each ownerId change what it points to.
    const count = async (first: number) => {
      const { sent, result } = await sqlSentDuring(() => customerHistory(owner.client, id, first));
      expect(result.edges).toHaveLength(first);
      return sent.length;
    };
    const small = await count(5);
    expect(small).toBeGreaterThan(0);
    expect(await count(25)).toBe(small);
  });
});

describe('the schema', () => {
  /** Per tracked table, the columns deliberately not recorded: keys, stamps (versions too), derived state. */
  const LEFT_OUT: Record<string, string[]> = {
    customers: [
      'workspace_id',
      'id',
      'created_at',
      'updated_at',
      'last_relationship_contact_at',
      'next_check_in_due_at',
      'health_score',
      'health_band',
      'health',
      'health_as_of',
      'version',
    ],
    interactions: ['workspace_id', 'id', 'created_at'],
    touchpoints: ['workspace_id', 'id', 'created_at', 'updated_at'],
    audits: ['workspace_id', 'id', 'created_at'],
    observations: ['workspace_id', 'id', 'recorded_at'],
    friction_points: ['workspace_id', 'id', 'created_at', 'updated_at', 'version'],
    surveys: ['workspace_id', 'id', 'created_at'],
    members: ['workspace_id', 'id', 'created_at'],
    workspaces: ['id', 'created_at', 'updated_at'],
  };
  /** Tenant tables whose changes are not history: links, schedules, answers, derived data, history itself. */
  const NOT_TRACKED = [
    'invitations',
    'check_ins',
    'health_snapshots',
    'health_days',
    'contact_days',
    'customer_counts',
    'audit_steps',
    'feedback_requests',
    'feedback_responses',
    'idempotency_keys',
    'change_history',
  ];

  it('records every column of each tracked table but those left out on purpose, and tracks or names every tenant table', async () => {
    const { rows: triggers } = await t.admin.query<{
      table: string;
      name: string;
      args: Buffer;
      events: string;
    }>(
      `select c.relname as table, t.tgname as name, t.tgargs as args, t.tgtype::int::text as events
         from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where t.tgfoid = 'record_change'::regproc`,
    );
    const recorded = new Map<string, string[]>();
    for (const trigger of triggers) {
      const args = trigger.args.toString('utf8').split('\0').slice(0, -1);
      recorded.set(trigger.table, args.slice(3));
    }
    expect([...recorded.keys()].sort()).toEqual(Object.keys(LEFT_OUT).sort());
    expect(triggers).toHaveLength(2 * recorded.size);
    for (const [table, columns] of recorded) {
      const { rows } = await t.admin.query<{ name: string }>(
        `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped`,
        [table],
      );
      expect({ table, columns: [...columns, ...LEFT_OUT[table]!].sort() }).toEqual({
        table,
        columns: rows.map((r) => r.name).sort(),
      });
    }
    const { rows: tenant } = await t.admin.query<{ table: string }>(
      `select c.relname as table from pg_class c
        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
          and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id')
               or c.relname = 'workspaces')
          and c.relname not in ('credentials', 'sessions', 'access_tokens')`,
    );
    expect(tenant.map((r) => r.table).sort()).toEqual([...Object.keys(LEFT_OUT), ...NOT_TRACKED].sort());
  });

  it('records no secret: no credential, session or link table is tracked', async () => {
    const { rows } = await t.admin.query(
      `select count(*)::int as n from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relname in ('credentials', 'sessions', 'access_tokens', 'invitations')`,
    );
    expect(rows[0].n).toBe(0);
  });
});
