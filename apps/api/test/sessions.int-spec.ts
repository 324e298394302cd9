import type request from 'supertest';
import { APP_ROLE } from '../src/database/app-role';
import { dumpState, raceOnWrite } from './support/database';
import {
  addMember,
  code,
  type GqlClient,
  type GqlResult,
  PASSWORD,
  PUBLIC_URL,
  SIGN_UP,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from './support/harness';
import {
  gqlWithSession,
  postGql,
  postGqlWithSession,
  sessionCookieOf,
  sha256,
  type Variables,
} from './support/http';
import { LEVEL, LogCapture } from './support/logs';

const logs = new LogCapture();
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ logs });
});
afterAll(() => t.close());

// Many sign-ups and sign-ins from one address; the limits themselves are tested in security.int-spec.ts.
beforeEach(() => t.admin.query('delete from rate_limit_events'));

const ME = '{ me { id role } }';
const CREATE_TOUCHPOINT = 'mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }';
const MEMBERS = 'query Members { members { id name email role removedAt } }';
const ALL_MEMBERS = '{ members(includeRemoved: true) { id name removedAt } }';
const INVITATIONS = 'query PendingInvitations { invitations { id } }';
const SIGN_IN = `mutation SignIn($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { member { id role } }
}`;
const SIGN_OUT = 'mutation { signOut }';
const INVITE = `mutation($email: String!, $role: Role!) {
  inviteMember(email: $email, name: "Nia New", role: $role) { url }
}`;
const ACCEPT = `mutation($token: String!) {
  acceptInvitation(token: $token, name: "Nia New", password: "${PASSWORD}") { member { id } }
}`;
const CHANGE_ROLE = `mutation ChangeRole($id: ID!, $role: Role!) {
  changeMemberRole(id: $id, role: $role) { id role removedAt }
}`;
const REMOVE = `mutation RemoveMember($id: ID!) { removeMember(id: $id) { id name removedAt } }`;

const MINUTE = `interval '1 minute'`;

/** Every secret handed out in this file, looked for in the logs at the end. */
const secrets = new Set<string>([PASSWORD]);

/** The new session token a response sets (failing the test when it sets none). */
function tokenOf(res: request.Response): string {
  const token = sessionCookieOf(res)?.value;
  if (!token) throw new Error(`no session cookie in: ${res.text}`);
  secrets.add(token);
  return token;
}

/** Signs `email` in through `client` (a browser), answering the session token it was given. */
const signIn = async (client: GqlClient, email: string) =>
  tokenOf(await postGql(client, SIGN_IN, { email, password: PASSWORD }));

/** A member signed in on a fresh browser, with that browser's session token. */
async function onNewDevice(member: SignedIn) {
  const client = t.client();
  return { client, token: await signIn(client, member.email) };
}

const isAnonymous = async (token: string) =>
  (await gqlWithSession(t, token, ME)).data?.me === null &&
  code(await gqlWithSession(t, token, MEMBERS)) === 'UNAUTHENTICATED';

const sessionRow = async (token: string) =>
  (
    await t.admin.query<{ created_at: Date; expires_at: Date; last_seen_at: Date }>(
      'select created_at, expires_at, last_seen_at from sessions where token_hash = $1',
      [sha256(token)],
    )
  ).rows[0];

/** Rewrites the session's timestamps, e.g. `last_seen_at = now() - interval '30 days'`. */
const setSession = (token: string, assignments: string) =>
  t.admin.query(`update sessions set ${assignments} where token_hash = $1`, [sha256(token)]);

/** Invites `email` as `owner` and accepts the link in `client`, answering the response. */
async function acceptInvitationIn(client: GqlClient, owner: SignedIn, email = uniqueEmail('invitee')) {
  const { inviteMember } = await owner.client.ok(INVITE, { email, role: 'STAFF' });
  const token = String(inviteMember.url).slice(`${PUBLIC_URL}/invite/`.length);
  secrets.add(token);
  return postGql(client, ACCEPT, { token });
}

describe('rotation at sign-in', () => {
  const startSession: Record<string, (client: GqlClient, owner: SignedIn) => Promise<request.Response>> = {
    signIn: (client, owner) => postGql(client, SIGN_IN, { email: owner.email, password: PASSWORD }),
    signUp: (client) =>
      postGql(client, SIGN_UP, {
        workspaceName: 'Second Bakery',
        name: 'Olive Owner',
        email: uniqueEmail('owner'),
        password: PASSWORD,
      }),
    acceptInvitation: (client, owner) => acceptInvitationIn(client, owner),
  };

  it.each(Object.keys(startSession))(
    '%s in a browser that has a session issues a new token and ends the old session',
    async (how) => {
      const owner = await signUpOwner(t);
      const { client, token: old } = await onNewDevice(owner);
      const fresh = tokenOf(await startSession[how]!(client, owner));
      expect(fresh).not.toBe(old);
      expect(await sessionRow(old)).toBeUndefined();
      expect(await isAnonymous(old)).toBe(true);
      expect((await client.ok(ME)).me).not.toBeNull();
    },
  );

  it('makes a planted session token worthless (no session fixation)', async () => {
    // An attacker signs in to their own account and plants their token in the victim's browser.
    const attacker = await signUpOwner(t, 'Attacker Inc');
    const { token: planted } = await onNewDevice(attacker);
    const victim = await signUpOwner(t, 'Victim Bakery');
    const res = await postGqlWithSession(t, planted, SIGN_IN, { email: victim.email, password: PASSWORD });
    const issued = tokenOf(res);
    expect(issued).not.toBe(planted);
    // The token the attacker knows leads to nobody, least of all the victim.
    expect(await isAnonymous(planted)).toBe(true);
    expect((await gqlWithSession(t, issued, ME)).data?.me).toMatchObject({ id: victim.memberId });
  });

  it('keeps the current session when a sign-in fails', async () => {
    const owner = await signUpOwner(t);
    const { client, token } = await onNewDevice(owner);
    const res = await postGql(client, SIGN_IN, { email: owner.email, password: 'not the password' });
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(sessionCookieOf(res)).toBeUndefined();
    expect((await gqlWithSession(t, token, ME)).data?.me).toMatchObject({ id: owner.memberId });
  });
});

describe('sign-out', () => {
  it('ends the session at once', async () => {
    const owner = await signUpOwner(t);
    const { client, token } = await onNewDevice(owner);
    await client.ok(SIGN_OUT);
    expect(await sessionRow(token)).toBeUndefined();
    expect(await isAnonymous(token)).toBe(true);
    expect((await owner.client.ok(ME)).me).toMatchObject({ id: owner.memberId });
  });
});

describe('expiry', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Expiry Bakery');
  });

  it('lasts at most 90 days: the cookie’s Max-Age and the stored expiry', async () => {
    const client = t.client();
    const res = await postGql(client, SIGN_IN, { email: owner.email, password: PASSWORD });
    const token = tokenOf(res);
    expect(sessionCookieOf(res)?.attributes).toContain(`max-age=${90 * 86_400}`);
    const row = await sessionRow(token);
    expect(row!.expires_at.getTime() - row!.created_at.getTime()).toBe(90 * 86_400_000);
  });

  it('ends a session unused for 30 days: the request is anonymous and the session deleted', async () => {
    const { token } = await onNewDevice(owner);
    await setSession(token, `last_seen_at = now() - interval '30 days' - ${MINUTE}`);
    expect(await isAnonymous(token)).toBe(true);
    expect(await sessionRow(token)).toBeUndefined();
  });

  it('keeps a session used within 30 days, and its use restarts the idle clock', async () => {
    const { token } = await onNewDevice(owner);
    await setSession(token, `last_seen_at = now() - interval '30 days' + ${MINUTE}`);
    expect((await gqlWithSession(t, token, MEMBERS)).errors).toBeUndefined();
    const row = await sessionRow(token);
    expect(Date.now() - row!.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('writes last_seen_at at most once per 5 minutes', async () => {
    const { token } = await onNewDevice(owner);
    await setSession(token, `last_seen_at = now() - interval '4 minutes'`);
    const recent = (await sessionRow(token))!.last_seen_at;
    await gqlWithSession(t, token, MEMBERS);
    expect((await sessionRow(token))!.last_seen_at).toEqual(recent);

    await setSession(token, `last_seen_at = now() - interval '6 minutes'`);
    await gqlWithSession(t, token, MEMBERS);
    expect(Date.now() - (await sessionRow(token))!.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('ends a session 90 days after sign-in however recently it was used', async () => {
    const { token } = await onNewDevice(owner);
    const ago = `interval '90 days' + ${MINUTE}`;
    await setSession(token, `created_at = created_at - (${ago}), expires_at = expires_at - (${ago})`);
    expect(await isAnonymous(token)).toBe(true);
    expect(await sessionRow(token)).toBeUndefined();
  });

  it('keeps a session in use until its 90 days are up', async () => {
    const { token } = await onNewDevice(owner);
    const ago = `interval '90 days' - ${MINUTE}`;
    await setSession(token, `created_at = created_at - (${ago}), expires_at = expires_at - (${ago})`);
    expect((await gqlWithSession(t, token, MEMBERS)).errors).toBeUndefined();
  });
});

describe('changeMemberRole', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Roles Bakery');
  });

  it('takes effect on the member’s next request, without signing in again', async () => {
    const staff = await addMember(t, owner);
    expect(code(await staff.client.gql(INVITATIONS))).toBe('FORBIDDEN');

    const promoted = await owner.client.ok(CHANGE_ROLE, { id: staff.memberId, role: 'OWNER' });
    expect(promoted.changeMemberRole).toEqual({ id: staff.memberId, role: 'OWNER', removedAt: null });
    expect((await staff.client.ok(ME)).me.role).toBe('OWNER');
    expect((await staff.client.gql(INVITATIONS)).errors).toBeUndefined();

    await owner.client.ok(CHANGE_ROLE, { id: staff.memberId, role: 'STAFF' });
    expect(code(await staff.client.gql(INVITATIONS))).toBe('FORBIDDEN');
  });

  it('lets an owner step down while another owner remains', async () => {
    const second = await addMember(t, owner, 'OWNER');
    await second.client.ok(CHANGE_ROLE, { id: second.memberId, role: 'STAFF' });
    expect((await second.client.ok(ME)).me.role).toBe('STAFF');
  });

  it('refuses to demote the last owner with CONFLICT, writing nothing', async () => {
    const lone = await signUpOwner(t, 'Lone Bakery');
    const before = await dumpState(t.admin);
    const result = await lone.client.gql(CHANGE_ROLE, { id: lone.memberId, role: 'STAFF' });
    expect(code(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toBe('A workspace needs an owner: make someone else an owner first');
    expect(await dumpState(t.admin)).toEqual(before);
  });
});

describe('removeMember', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Removal Bakery');
  });

  it('ends every session of the member at once and blocks their sign-in', async () => {
    const staff = await addMember(t, owner);
    const { token: phone } = await onNewDevice(staff);
    const removed = await owner.client.ok(REMOVE, { id: staff.memberId });
    expect(removed.removeMember).toMatchObject({ id: staff.memberId, name: 'Sam Staff' });
    expect(removed.removeMember.removedAt).toEqual(expect.any(String));

    expect((await staff.client.ok(ME)).me).toBeNull();
    expect(code(await staff.client.gql(MEMBERS))).toBe('UNAUTHENTICATED');
    expect(await isAnonymous(phone)).toBe(true);
    const { rowCount } = await t.admin.query('select 1 from sessions where member_id = $1', [staff.memberId]);
    expect(rowCount).toBe(0);

    // Refused exactly like a wrong password: nothing tells the removed member apart from a stranger.
    const client = t.client();
    const again = await postGql(client, SIGN_IN, { email: staff.email, password: PASSWORD });
    const wrong = await postGql(client, SIGN_IN, { email: owner.email, password: 'not the password' });
    expect(again.body).toEqual(wrong.body);
    expect(sessionCookieOf(again)).toBeUndefined();
  });

  it('leaves them out of members unless removed members are asked for', async () => {
    const staff = await addMember(t, owner);
    await owner.client.ok(REMOVE, { id: staff.memberId });
    const { members } = await owner.client.ok(MEMBERS);
    expect(members.map((m: { id: string }) => m.id)).not.toContain(staff.memberId);
    const all = await owner.client.ok(ALL_MEMBERS);
    expect(all.members).toContainEqual({
      id: staff.memberId,
      name: 'Sam Staff',
      removedAt: expect.any(String),
    });
  });

  it('answers NOT_FOUND for a member already removed, and they cannot be given work', async () => {
    const staff = await addMember(t, owner);
    await owner.client.ok(REMOVE, { id: staff.memberId });
    const before = await dumpState(t.admin);
    expect(code(await owner.client.gql(REMOVE, { id: staff.memberId }))).toBe('NOT_FOUND');
    expect(code(await owner.client.gql(CHANGE_ROLE, { id: staff.memberId, role: 'OWNER' }))).toBe(
      'NOT_FOUND',
    );
    const create = await owner.client.gql(
      'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      { input: { name: 'Carla Customer', ownerId: staff.memberId } },
    );
    expect(code(create)).toBe('BAD_USER_INPUT');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('lets the same person be invited again, as a new member', async () => {
    const staff = await addMember(t, owner);
    await owner.client.ok(REMOVE, { id: staff.memberId });
    const res = await acceptInvitationIn(t.client(), owner, staff.email);
    const rejoined = res.body.data.acceptInvitation.member.id;
    expect(rejoined).not.toBe(staff.memberId);
    const { members } = await owner.client.ok(MEMBERS);
    expect(members.filter((m: { email: string }) => m.email === staff.email)).toEqual([
      expect.objectContaining({ id: rejoined, removedAt: null }),
    ]);
  });

  it('lets an owner remove themself only while another owner remains', async () => {
    const lone = await signUpOwner(t, 'Solo Bakery');
    const result = await lone.client.gql(REMOVE, { id: lone.memberId });
    expect(code(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toBe('A workspace needs an owner: make someone else an owner first');

    await addMember(t, lone, 'OWNER');
    await lone.client.ok(REMOVE, { id: lone.memberId });
    expect((await lone.client.ok(ME)).me).toBeNull();
  });

  describe('keeps their history and hands on their open work', () => {
    const CUSTOMER = `query($id: ID!) {
      customer(id: $id) {
        owner { id }
        health { score band }
        timeline { edges { node { __typename ... on Interaction { id member { id name removedAt } } } } }
      }
    }`;
    const CHECK_IN = 'query($id: ID!) { checkIn(id: $id) { status assignee { id } } }';
    const FRICTION = 'query($id: ID!) { frictionPoint(id: $id) { status owner { id } } }';
    const CONTACT_MIX = '{ contactMix(days: 30) { member { id } total relationship } }';

    let staff: SignedIn;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      staff = await addMember(t, owner);
      const as = async (who: SignedIn, query: string, variables: Variables) =>
        Object.values(await who.client.ok(query, variables))[0] as { id: string };
      ids.touchpoint = (
        await as(owner, 'mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }', {
          input: { name: 'Counter', channel: 'STORE', stage: 'BUY' },
        })
      ).id;
      ids.customer = (
        await as(owner, 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
          input: { name: 'Carla Customer', ownerId: staff.memberId },
        })
      ).id;
      ids.interaction = (
        await as(staff, 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', {
          input: {
            customerId: ids.customer,
            channel: 'PHONE',
            direction: 'OUTBOUND',
            purpose: 'RELATIONSHIP',
            sentiment: 1,
            summary: 'Asked how the cake went',
          },
        })
      ).id;
      const schedule = () =>
        as(staff, 'mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }', {
          input: {
            customerId: ids.customer,
            assigneeId: staff.memberId,
            dueAt: new Date(Date.now() + 86_400_000).toISOString(),
          },
        });
      ids.plannedCheckIn = (await schedule()).id;
      ids.doneCheckIn = (await schedule()).id;
      await staff.client.ok(
        'mutation($id: ID!) { completeCheckIn(id: $id, input: { channel: PHONE, summary: "Called" }) { id } }',
        { id: ids.doneCheckIn },
      );
      const raise = () =>
        as(staff, 'mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }', {
          input: { customerId: ids.customer, description: 'Queue out the door', severity: 2 },
        });
      ids.openFriction = (await raise()).id;
      ids.resolvedFriction = (await raise()).id;
      await staff.client.ok(
        'mutation($id: ID!) { updateFrictionPoint(id: $id, input: { status: RESOLVED, resolution: "Second till" }) { id } }',
        { id: ids.resolvedFriction },
      );
      ids.audit = (
        await as(staff, 'mutation($input: CreateAuditInput!) { createAudit(input: $input) { id } }', {
          input: {
            title: 'Saturday walk',
            scenario: 'Order a cake',
            touchpointIds: [ids.touchpoint],
            auditorName: 'Sam Staff',
            external: false,
          },
        })
      ).id;
      await owner.client.ok(REMOVE, { id: staff.memberId });
    });

    it('keeps what they logged, under their name', async () => {
      const { customer } = await owner.client.ok(CUSTOMER, { id: ids.customer });
      const interaction = customer.timeline.edges
        .map((edge: { node: Record<string, unknown> }) => edge.node)
        .find((node: { id?: string }) => node.id === ids.interaction);
      expect(interaction.member).toEqual({
        id: staff.memberId,
        name: 'Sam Staff',
        removedAt: expect.any(String),
      });
      const { rows } = await t.admin.query('select created_by from audits where id = $1', [ids.audit]);
      expect(rows).toEqual([{ created_by: staff.memberId }]);
      const { contactMix } = await owner.client.ok(CONTACT_MIX);
      expect(contactMix).toContainEqual({ member: { id: staff.memberId }, total: 2, relationship: 2 });
    });

    it('unassigns their customers, planned check-ins and unresolved friction; closed work keeps them', async () => {
      const { customer } = await owner.client.ok(CUSTOMER, { id: ids.customer });
      expect(customer.owner).toBeNull();
      expect(customer.health.score).toEqual(expect.any(Number));
      const checkIn = async (id: string) => (await owner.client.ok(CHECK_IN, { id })).checkIn;
      expect(await checkIn(ids.plannedCheckIn!)).toEqual({ status: 'PLANNED', assignee: null });
      expect(await checkIn(ids.doneCheckIn!)).toEqual({ status: 'DONE', assignee: { id: staff.memberId } });
      const friction = async (id: string) => (await owner.client.ok(FRICTION, { id })).frictionPoint;
      expect(await friction(ids.openFriction!)).toEqual({ status: 'OPEN', owner: null });
      expect(await friction(ids.resolvedFriction!)).toEqual({
        status: 'RESOLVED',
        owner: { id: staff.memberId },
      });
    });
  });
});

describe('member management is for owners of the same workspace', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  let outsider: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Guarded Bakery');
    staff = await addMember(t, owner);
    outsider = await signUpOwner(t, 'Other Bakery');
  });

  const attempts: [string, string, (id: string) => Variables][] = [
    ['changeMemberRole', CHANGE_ROLE, (id) => ({ id, role: 'OWNER' })],
    ['removeMember', REMOVE, (id) => ({ id })],
  ];

  it.each(attempts)('%s is FORBIDDEN to staff, writing nothing', async (_, mutation, variables) => {
    const before = await dumpState(t.admin);
    expect(code(await staff.client.gql(mutation, variables(owner.memberId)))).toBe('FORBIDDEN');
    expect(code(await staff.client.gql(mutation, variables(staff.memberId)))).toBe('FORBIDDEN');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it.each(attempts)(
    '%s of a member of another workspace is NOT_FOUND, like an unknown id, writing nothing',
    async (_, mutation, variables) => {
      const before = await dumpState(t.admin);
      const other = await owner.client.gql(mutation, variables(outsider.memberId));
      expect(code(other)).toBe('NOT_FOUND');
      const unknown = await owner.client.gql(mutation, variables('00000000-0000-4000-8000-000000000000'));
      expect(other.errors).toEqual(unknown.errors);
      expect(code(await owner.client.gql(mutation, variables('not-an-id')))).toBe('NOT_FOUND');
      expect(await dumpState(t.admin)).toEqual(before);
    },
  );
});

describe('two owners changing each other at the same moment', () => {
  const ownersOf = async (workspaceId: string) =>
    (
      await t.admin.query(
        `select id from members where workspace_id = $1 and role = 'OWNER' and removed_at is null`,
        [workspaceId],
      )
    ).rows;

  const races: Record<string, (a: SignedIn, b: SignedIn) => (() => Promise<GqlResult>)[]> = {
    'demote each other': (a, b) => [
      () => a.client.gql(CHANGE_ROLE, { id: b.memberId, role: 'STAFF' }),
      () => b.client.gql(CHANGE_ROLE, { id: a.memberId, role: 'STAFF' }),
    ],
    'remove each other': (a, b) => [
      () => a.client.gql(REMOVE, { id: b.memberId }),
      () => b.client.gql(REMOVE, { id: a.memberId }),
    ],
    'each step down': (a, b) => [
      () => a.client.gql(CHANGE_ROLE, { id: a.memberId, role: 'STAFF' }),
      () => b.client.gql(REMOVE, { id: b.memberId }),
    ],
  };

  it.each(Object.keys(races))('%s: one wins, the other is CONFLICT, one owner is left', async (race) => {
    const a = await signUpOwner(t, 'Twin Bakery');
    const b = await addMember(t, a, 'OWNER');
    // Both requests reach their first lock on members together, after both passed the guard.
    const results = await raceOnWrite(t.admin, 'members', races[race]!(a, b));
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
    expect(await ownersOf(a.workspaceId)).toHaveLength(1);
  });
});

describe('logs', () => {
  const entries = (event: string) => logs.entries().filter((entry) => entry.event === event);

  it('records every sign-in attempt, with the email as a digest', async () => {
    const owner = await signUpOwner(t, 'Logged Bakery');
    logs.mark();
    await onNewDevice(owner);
    const client = t.client();
    await client.gql(SIGN_IN, { email: owner.email, password: 'wrong password 1' });
    await client.gql(SIGN_IN, { email: uniqueEmail('nobody'), password: 'wrong password 2' });
    await client.gql(SIGN_IN, { email: 'not-an-email', password: 'wrong password 3' });

    const [started] = entries('session-started');
    expect(started).toMatchObject({
      level: LEVEL.info,
      via: 'sign-in',
      memberId: owner.memberId,
      workspaceId: owner.workspaceId,
      requestId: expect.any(String),
      emailDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    const failed = entries('sign-in-failed');
    expect(failed.map((entry) => [entry.level, entry.code])).toEqual([
      [LEVEL.warn, 'UNAUTHENTICATED'],
      [LEVEL.warn, 'UNAUTHENTICATED'],
      [LEVEL.warn, 'BAD_USER_INPUT'],
    ]);
    // Attempts on one account carry one digest; nothing at error level.
    expect(failed[0]!.emailDigest).toBe(started!.emailDigest);
    expect(failed[1]!.emailDigest).not.toBe(started!.emailDigest);
    expect(logs.recent()).not.toContain(owner.email);
    expect(logs.entries().filter((entry) => entry.level >= LEVEL.error)).toEqual([]);
  });

  it('records every refused operation: what, who, where and which request', async () => {
    const owner = await signUpOwner(t, 'Audited Bakery');
    const staff = await addMember(t, owner);
    logs.mark();
    await t.client().gql(MEMBERS);
    await staff.client.gql(INVITATIONS);
    await owner.client.gql(CHANGE_ROLE, { id: owner.memberId, role: 'STAFF' });

    expect(entries('access-denied')).toEqual([
      expect.objectContaining({
        level: LEVEL.info,
        code: 'UNAUTHENTICATED',
        operation: 'Members',
        field: 'members',
        sessionCookie: false,
        requestId: expect.any(String),
      }),
      expect.objectContaining({
        level: LEVEL.warn,
        code: 'FORBIDDEN',
        operation: 'PendingInvitations',
        field: 'invitations',
        memberId: staff.memberId,
        workspaceId: owner.workspaceId,
        role: 'STAFF',
        requestId: expect.any(String),
      }),
    ]);
    // Expected refusals (and the last owner's CONFLICT) are not faults: nothing at error level.
    expect(logs.entries().filter((entry) => entry.level >= LEVEL.error)).toEqual([]);
  });

  it('records member changes', async () => {
    const owner = await signUpOwner(t, 'Changing Bakery');
    const staff = await addMember(t, owner);
    logs.mark();
    await owner.client.ok(CHANGE_ROLE, { id: staff.memberId, role: 'OWNER' });
    await owner.client.ok(REMOVE, { id: staff.memberId });
    const requestId = expect.stringMatching(/^[0-9a-f-]{36}$/);
    expect(entries('member-changed')).toEqual([
      expect.objectContaining({
        memberId: owner.memberId,
        targetMemberId: staff.memberId,
        role: 'OWNER',
        requestId,
      }),
      expect.objectContaining({
        memberId: owner.memberId,
        targetMemberId: staff.memberId,
        removed: true,
        requestId,
      }),
    ]);
  });

  it('logs an unexpected error with the request id its answer gives, from a write and from a query', async () => {
    const owner = await signUpOwner(t, 'Failing Bakery');
    const input = { name: 'Counter', channel: 'STORE', stage: 'BUY' };
    await t.admin.query(`revoke select on touchpoints from ${APP_ROLE}`);
    try {
      logs.mark();
      const answers = [
        await postGql(owner.client, CREATE_TOUCHPOINT, { input }), // run by graphql-js
        await postGql(owner.client, '{ touchpoints { id } }'), // a member's query: compiled
      ];
      const unhandled = logs
        .entries()
        .filter((entry) => entry.msg === 'unhandled error in a GraphQL operation');
      expect(unhandled.map((entry) => [entry.level, entry.requestId])).toEqual(
        answers.map((res) => [LEVEL.error, res.headers['x-request-id']]),
      );
      for (const res of answers) {
        expect(res.body.errors).toEqual([
          expect.objectContaining({
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers['x-request-id'] },
          }),
        ]);
      }
    } finally {
      await t.admin.query(`grant select on touchpoints to ${APP_ROLE}`);
    }
  });

  // Last: everything this file did was logged at trace level.
  it('never holds a password, session token, link token or cookie', () => {
    const text = logs.everything();
    expect(secrets.size).toBeGreaterThan(20);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/wrong password \d/);
    expect(text).not.toContain('rapport_session=');
    // No run of 43 base64url characters (a 256-bit token) at all, whoever's it was.
    expect(text).not.toMatch(/[\w-]{43}/);
  });
});
