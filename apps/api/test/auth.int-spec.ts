import request from 'supertest';
import { createApp, stopApp } from '../src/app';
import { createLogger } from '../src/logger';
import { dumpState, isHashStored, isStoredAnywhere, raceOnWrite } from './support/database';
import {
  addMember,
  code,
  fields,
  type GqlResult,
  PASSWORD,
  PUBLIC_URL,
  SIGN_UP,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
  testConfig,
  uniqueEmail,
} from './support/harness';
import { gqlWithSession, postGql, sessionCookieOf, sha256, type Variables } from './support/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

// This file signs up far more than the 20 workspaces an hour one address may create; the limit
// itself is tested in security.int-spec.ts.
beforeEach(() => t.admin.query('delete from rate_limit_events'));

const ME = '{ me { id email name role workspace { id name defaultCadenceDays } } }';
const MEMBERS = '{ members { id email role } }';
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { member { id email role } }
}`;
const SIGN_OUT = 'mutation { signOut }';
const INVITE = `mutation($email: String!, $name: String!, $role: Role!) {
  inviteMember(email: $email, name: $name, role: $role) { id email name role url expiresAt }
}`;
const PENDING = '{ invitations { id email name role expiresAt } }';
const PREVIEW = `query($token: String!) {
  invitationPreview(token: $token) { email name role workspaceName expiresAt }
}`;
const ACCEPT = `mutation($token: String!, $name: String!, $password: String!) {
  acceptInvitation(token: $token, name: $name, password: $password) {
    member { id email name role workspace { id } }
  }
}`;
const UPDATE_WORKSPACE = `mutation($name: String, $defaultCadenceDays: Int) {
  updateWorkspace(name: $name, defaultCadenceDays: $defaultCadenceDays) { id name defaultCadenceDays }
}`;

const DAY_MS = 86_400_000;

const signUpVariables = (email = uniqueEmail('owner'), password = PASSWORD) => ({
  workspaceName: 'Corner Bakery',
  name: 'Olive Owner',
  email,
  password,
});

/** Signs up a new workspace in a fresh browser, keeping the HTTP response for its cookie. */
async function signUpWithCookie() {
  const client = t.client();
  const res = await postGql(client, SIGN_UP, signUpVariables());
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`sign-up set no session cookie: ${res.text}`);
  return { client, cookie };
}

const sessionCount = async (token: string): Promise<number> =>
  (await t.admin.query('select 1 from sessions where token_hash = $1', [sha256(token)])).rowCount ?? 0;

interface Invited {
  id: string;
  email: string;
  name: string;
  role: string;
  url: string;
  expiresAt: string;
  token: string;
}

async function invite(
  owner: SignedIn,
  role: 'STAFF' | 'OWNER' = 'STAFF',
  email = uniqueEmail('invitee'),
): Promise<Invited> {
  const data = await owner.client.ok(INVITE, { email, name: 'Ivy Invitee', role });
  const invitation = data.inviteMember;
  const prefix = `${PUBLIC_URL}/invite/`;
  expect(invitation.url.startsWith(prefix)).toBe(true);
  return { ...invitation, token: invitation.url.slice(prefix.length) };
}

const acceptVariables = (token: string, password = PASSWORD) => ({ token, name: 'Ivy Chosen', password });

/** Moves an invitation back in time, as if `interval` had passed since it was made. */
async function ageInvitation(invitation: Invited, interval: string) {
  await t.admin.query(
    `update access_tokens set expires_at = expires_at - $2::interval, created_at = created_at - $2::interval
      where token_hash = $1`,
    [sha256(invitation.token), interval],
  );
  await t.admin.query(
    `update invitations set expires_at = expires_at - $2::interval, created_at = created_at - $2::interval
      where id = $1`,
    [invitation.id, interval],
  );
}

describe('sign-up', () => {
  it('creates a workspace with its owner and signs them in', async () => {
    const client = t.client();
    const email = uniqueEmail('owner');
    const data = await client.ok(SIGN_UP, signUpVariables(email));
    expect(data.signUp.member).toMatchObject({ email, role: 'OWNER', workspace: { name: 'Corner Bakery' } });
    const { me } = await client.ok(ME);
    expect(me).toEqual({ ...data.signUp.member, name: 'Olive Owner' });
    expect(me.workspace.defaultCadenceDays).toBe(30);
  });

  it('stores the password as an argon2id hash, never as given', async () => {
    const owner = await signUpOwner(t);
    await addMember(t, owner);
    const { rows } = await t.admin.query<{ password_hash: string }>(
      'select password_hash from credentials where workspace_id = $1',
      [owner.workspaceId],
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(await isStoredAnywhere(t.admin, PASSWORD)).toBe(false);
  });

  it('accepts a password of exactly 10 characters', async () => {
    const result = await t.client().gql(SIGN_UP, signUpVariables(uniqueEmail(), '0123456789'));
    expect(result.errors).toBeUndefined();
  });

  it.each<[string, Partial<ReturnType<typeof signUpVariables>>, string]>([
    ['a 9-character password', { password: '012345678' }, 'password'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a blank workspace name', { workspaceName: '   ' }, 'workspaceName'],
    ['a blank name', { name: '' }, 'name'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, change, field) => {
    const before = await dumpState(t.admin);
    const result = await t.client().gql(SIGN_UP, { ...signUpVariables(), ...change });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual([field]);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('refuses an email that already has an account, in any letter case, writing nothing', async () => {
    const owner = await signUpOwner(t);
    const before = await dumpState(t.admin);
    const client = t.client();
    const result = await client.gql(SIGN_UP, signUpVariables(` ${owner.email.toUpperCase()} `));
    expect(code(result)).toBe('CONFLICT');
    expect(fields(result)).toHaveProperty('email');
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await client.ok(ME)).me).toBeNull();
  });
});

describe('session cookie', () => {
  const startSession: Record<string, () => Promise<request.Response>> = {
    signUp: () => postGql(t.client(), SIGN_UP, signUpVariables()),
    signIn: async () => {
      const owner = await signUpOwner(t);
      return postGql(t.client(), SIGN_IN, { email: owner.email, password: PASSWORD });
    },
    acceptInvitation: async () => {
      const { token } = await invite(await signUpOwner(t));
      return postGql(t.client(), ACCEPT, acceptVariables(token));
    },
  };

  it.each(Object.keys(startSession))(
    '%s sets rapport_session httpOnly, SameSite=Lax, for the whole site',
    async (how) => {
      const cookie = sessionCookieOf(await startSession[how]!());
      expect(cookie?.value).toMatch(/^[\w-]{43,}$/);
      expect(cookie?.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
      // The public URL of the test app is http://, where a Secure cookie would never be sent back.
      expect(cookie?.attributes).not.toContain('secure');
    },
  );

  it('is Secure when the app is served over HTTPS', async () => {
    const config = testConfig({ PUBLIC_URL: 'https://rapport.test' });
    const app = await createApp(config, t.url, createLogger('silent'));
    await app.init();
    try {
      const res = await request(app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: SIGN_UP, variables: signUpVariables() });
      expect(sessionCookieOf(res)?.attributes).toEqual(
        expect.arrayContaining(['secure', 'httponly', 'samesite=lax']),
      );
    } finally {
      await stopApp(app);
    }
  });
});

describe('sessions', () => {
  it('me is null without a session', async () => {
    expect(await t.client().ok(ME)).toEqual({ me: null });
  });

  it('stores only a hash of the session token', async () => {
    const { cookie } = await signUpWithCookie();
    expect(await sessionCount(cookie.value)).toBe(1);
    expect(await isStoredAnywhere(t.admin, cookie.value)).toBe(false);
  });

  it('treats an unknown session token as no session', async () => {
    const result = await gqlWithSession(t, 'x'.repeat(43), MEMBERS);
    expect(code(result)).toBe('UNAUTHENTICATED');
  });

  it('ends at its expiry: the next request is UNAUTHENTICATED', async () => {
    const { client, cookie } = await signUpWithCookie();
    expect((await client.gql(MEMBERS)).errors).toBeUndefined();
    await t.admin.query(
      `update sessions set expires_at = now() - interval '1 second' where token_hash = $1`,
      [sha256(cookie.value)],
    );
    expect(code(await client.gql(MEMBERS))).toBe('UNAUTHENTICATED');
    expect(await client.ok(ME)).toEqual({ me: null });
  });

  it('sign-out deletes the session, so its cookie no longer works anywhere', async () => {
    const { client, cookie } = await signUpWithCookie();
    const res = await postGql(client, SIGN_OUT);
    expect(res.body).toEqual({ data: { signOut: true } });
    expect(sessionCookieOf(res)?.value).toBe('');
    expect(await sessionCount(cookie.value)).toBe(0);
    expect(code(await client.gql(MEMBERS))).toBe('UNAUTHENTICATED');
    // A copy of the cookie kept elsewhere is just as dead.
    expect(code(await gqlWithSession(t, cookie.value, MEMBERS))).toBe('UNAUTHENTICATED');
  });

  it('sign-out ends only that session', async () => {
    const owner = await signUpOwner(t);
    const otherDevice = t.client();
    await otherDevice.ok(SIGN_IN, { email: owner.email, password: PASSWORD });
    await owner.client.ok(SIGN_OUT);
    expect((await otherDevice.ok(ME)).me).toMatchObject({ email: owner.email });
  });
});

describe('sign-in', () => {
  it('signs in with the right password, whatever the email letter case', async () => {
    const owner = await signUpOwner(t);
    const client = t.client();
    const data = await client.ok(SIGN_IN, { email: owner.email.toUpperCase(), password: PASSWORD });
    expect(data.signIn.member).toEqual({ id: owner.memberId, email: owner.email, role: 'OWNER' });
    expect((await client.ok(ME)).me).toMatchObject({ id: owner.memberId });
  });

  it('answers a wrong password and an unknown email identically, and signs nobody in', async () => {
    const owner = await signUpOwner(t);
    const client = t.client();
    const wrongPassword = await postGql(client, SIGN_IN, {
      email: owner.email,
      password: 'not the password',
    });
    const unknownEmail = await postGql(client, SIGN_IN, { email: uniqueEmail('nobody'), password: PASSWORD });
    // Everything a client can tell apart: status, errors (message, code, …) and cookies.
    const seen = (res: request.Response) => ({
      status: res.status,
      body: res.body,
      cookie: sessionCookieOf(res),
    });
    expect(seen(wrongPassword)).toEqual(seen(unknownEmail));
    expect(wrongPassword.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
    expect(await client.ok(ME)).toEqual({ me: null });
  });
});

describe('invitations', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Invite Bakery');
  });

  it('hands out a link with at least 128 random bits, storing only its hash', async () => {
    const first = await invite(owner);
    const second = await invite(owner);
    // base64url carries 6 bits a character: 22 characters hold 132 bits.
    expect(first.token).toMatch(/^[\w-]{22,}$/);
    expect(first.token).not.toBe(second.token);
    expect(await isStoredAnywhere(t.admin, first.token)).toBe(false);
    expect(await isHashStored(t.admin, first.token)).toBe(true);
  });

  it.each(['STAFF', 'OWNER'] as const)(
    'lets the invitee preview and accept, joining as %s and signed in',
    async (role) => {
      const invitation = await invite(owner, role);
      const preview = await t.client().ok(PREVIEW, { token: invitation.token });
      expect(preview.invitationPreview).toEqual({
        email: invitation.email,
        name: 'Ivy Invitee',
        role,
        workspaceName: 'Invite Bakery',
        expiresAt: invitation.expiresAt,
      });

      const invitee = t.client();
      const { acceptInvitation } = await invitee.ok(ACCEPT, acceptVariables(invitation.token));
      const member = { id: acceptInvitation.member.id, email: invitation.email, role };
      expect(acceptInvitation.member).toEqual({
        ...member,
        name: 'Ivy Chosen',
        workspace: { id: owner.workspaceId },
      });
      expect((await invitee.ok(ME)).me).toMatchObject(member);
      expect((await owner.client.ok(MEMBERS)).members).toContainEqual(member);
      const later = t.client();
      await later.ok(SIGN_IN, { email: invitation.email, password: PASSWORD });
      expect((await later.ok(ME)).me).toMatchObject(member);
    },
  );

  it('lists pending invitations to the owner, without their links, until accepted', async () => {
    const invitation = await invite(owner);
    const { url: _url, token: _token, ...pending } = invitation;
    expect((await owner.client.ok(PENDING)).invitations).toContainEqual(pending);
    expect(code(await owner.client.gql('{ invitations { url } }'))).toBe('BAD_USER_INPUT');

    await t.client().ok(ACCEPT, acceptVariables(invitation.token));
    expect((await owner.client.ok(PENDING)).invitations).not.toContainEqual(
      expect.objectContaining({ id: invitation.id }),
    );
  });

  it('works once: a second acceptance is NOT_FOUND and changes nothing', async () => {
    const invitation = await invite(owner);
    await t.client().ok(ACCEPT, acceptVariables(invitation.token));
    const before = await dumpState(t.admin);

    const again = t.client();
    const result = await again.gql(ACCEPT, acceptVariables(invitation.token, 'another password'));
    expect(code(result)).toBe('NOT_FOUND');
    expect(await dumpState(t.admin)).toEqual(before);
    expect(await again.ok(ME)).toEqual({ me: null });
    expect(code(await again.gql(PREVIEW, { token: invitation.token }))).toBe('NOT_FOUND');
  });

  it('works once under concurrency: of two simultaneous acceptances, one joins and one is NOT_FOUND', async () => {
    const invitation = await invite(owner);
    const accept = () => t.client().gql(ACCEPT, acceptVariables(invitation.token));
    const results = await raceOnWrite(t.admin, 'access_tokens', [accept, accept]);
    expect(results.map(code).sort()).toEqual(['NOT_FOUND', undefined]);
    const { members } = await owner.client.ok(MEMBERS);
    expect(members.filter((m: { email: string }) => m.email === invitation.email)).toHaveLength(1);
  });

  it('answers CONFLICT, not an internal error, when two invitations of one email are accepted at once', async () => {
    const email = uniqueEmail('twice');
    const first = await invite(owner, 'STAFF', email);
    const second = await invite(owner, 'STAFF', email);
    const accept = (invitation: Invited) => () => t.client().gql(ACCEPT, acceptVariables(invitation.token));
    const results = await raceOnWrite(t.admin, 'members', [accept(first), accept(second)]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
  });

  it('expires 7 days after it was made', async () => {
    const invitation = await invite(owner);
    const lifetime = new Date(invitation.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(lifetime).toBeLessThanOrEqual(7 * DAY_MS);

    await ageInvitation(invitation, '7 days - 1 minute');
    expect((await t.client().gql(PREVIEW, { token: invitation.token })).errors).toBeUndefined();

    await ageInvitation(invitation, '2 minutes');
    const before = await dumpState(t.admin);
    const client = t.client();
    expect(code(await client.gql(PREVIEW, { token: invitation.token }))).toBe('NOT_FOUND');
    expect(code(await client.gql(ACCEPT, acceptVariables(invitation.token)))).toBe('NOT_FOUND');
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await owner.client.ok(PENDING)).invitations).not.toContainEqual(
      expect.objectContaining({ id: invitation.id }),
    );
  });

  it('refuses an unknown token', async () => {
    const client = t.client();
    const token = 'A'.repeat(43);
    expect(code(await client.gql(PREVIEW, { token }))).toBe('NOT_FOUND');
    expect(code(await client.gql(ACCEPT, acceptVariables(token)))).toBe('NOT_FOUND');
  });

  it('refuses a 9-character password on acceptance and keeps the link usable', async () => {
    const invitation = await invite(owner);
    const before = await dumpState(t.admin);
    const result = await t.client().gql(ACCEPT, acceptVariables(invitation.token, '012345678'));
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['password']);
    expect(await dumpState(t.admin)).toEqual(before);
    await t.client().ok(ACCEPT, acceptVariables(invitation.token));
  });

  it.each<[string, () => Variables, string, string]>([
    ['an invalid email', () => ({ email: 'not-an-email' }), 'BAD_USER_INPUT', 'email'],
    ['a blank name', () => ({ name: ' ' }), 'BAD_USER_INPUT', 'name'],
    ['the email of a member', () => ({ email: owner.email }), 'CONFLICT', 'email'],
  ])('refuses to invite %s, writing nothing', async (_, change, expected, field) => {
    const variables = { email: uniqueEmail('invitee'), name: 'Ivy Invitee', role: 'STAFF', ...change() };
    const before = await dumpState(t.admin);
    const result = await owner.client.gql(INVITE, variables);
    expect(code(result)).toBe(expected);
    expect(fields(result)).toHaveProperty(field);
    expect(await dumpState(t.admin)).toEqual(before);
  });
});

describe('roles', () => {
  interface Fixture {
    owner: SignedIn;
    staff: SignedIn;
    touchpointId: string;
    customerId: string;
    interactionId: string;
    checkInId: string;
    /** Planned check-ins, one for each operation that closes one (a closed one cannot close again). */
    checkInToComplete: string;
    checkInToSkip: string;
    /** A member-run audit to record steps of, and an outsider's one to renew the link of. */
    auditId: string;
    externalAuditId: string;
    /** An audit with a recorded step, to submit once. */
    auditToSubmit: string;
    /** The link of an outsider's audit, for the public operations. */
    auditToken: string;
    frictionPointId: string;
    /** A member for the owner to remove. */
    memberToRemove: string;
    /** An attributed survey, a customer never asked for feedback, and the link of a pending request. */
    surveyId: string;
    unaskedCustomerId: string;
    feedbackToken: string;
  }

  interface Operation {
    document: string;
    variables?: (fx: Fixture) => Variables;
  }

  let serial = 0;
  const unique = (text: string) => `${text} ${++serial}`;
  const touchpointInput = () => ({ name: unique('Front desk'), channel: 'STORE', stage: 'BUY' });
  const auditInput = (touchpointId: string, external: boolean) => ({
    title: unique('Saturday walk'),
    scenario: 'Order a cake by phone, pick it up in store',
    touchpointIds: [touchpointId],
    auditorName: 'Alex Auditor',
    external,
  });
  const observationInput = (touchpointId: string) => ({
    touchpointId,
    experienced: unique('Waited a while'),
    surprise: 'NONE',
    friction: 1,
    accuracy: 4,
    availability: 3,
    partnership: 4,
    advice: 5,
    wouldReturn: true,
  });

  /** Work without a session (they are how one gets a session, or read a link). */
  const PUBLIC = [
    'acceptInvitation',
    'feedbackForm',
    'invitationPreview',
    'me',
    'publicAudit',
    'recordPublicObservation',
    'signIn',
    'signUp',
    'submitFeedback',
    'submitPublicAudit',
  ];

  /** The public operations of an audit link, in an order that works on one link. */
  const AUDIT_LINK: Record<string, Operation> = {
    publicAudit: {
      document: 'query($token: String!) { publicAudit(token: $token) { status } }',
      variables: (fx) => ({ token: fx.auditToken }),
    },
    recordPublicObservation: {
      document:
        'mutation($token: String!, $input: ObservationInput!) { recordPublicObservation(token: $token, input: $input) }',
      variables: (fx) => ({ token: fx.auditToken, input: observationInput(fx.touchpointId) }),
    },
    submitPublicAudit: {
      document: 'mutation($token: String!) { submitPublicAudit(token: $token) }',
      variables: (fx) => ({ token: fx.auditToken }),
    },
  };

  /** The public operations of a feedback link, in an order that works on one link. */
  const FEEDBACK_LINK: Record<string, Operation> = {
    feedbackForm: {
      document: 'query($token: String!) { feedbackForm(token: $token) { status } }',
      variables: (fx) => ({ token: fx.feedbackToken }),
    },
    submitFeedback: {
      document:
        'mutation($token: String!, $input: SubmitFeedbackInput!) { submitFeedback(token: $token, input: $input) }',
      variables: (fx) => ({ token: fx.feedbackToken, input: { score: 9, comment: 'Lovely bread' } }),
    },
  };

  /** Need a session; any member may call them. */
  const MEMBER: Record<string, Operation> = {
    members: { document: '{ members { id } }' },
    touchpoints: { document: '{ touchpoints { id } }' },
    touchpoint: {
      document: 'query($id: ID!) { touchpoint(id: $id) { id } }',
      variables: (fx) => ({ id: fx.touchpointId }),
    },
    customers: { document: '{ customers { totalCount } }' },
    customer: {
      document: 'query($id: ID!) { customer(id: $id) { id } }',
      variables: (fx) => ({ id: fx.customerId }),
    },
    createCustomer: {
      document: 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
      variables: () => ({ input: { name: unique('Carla Customer') } }),
    },
    updateCustomer: {
      document:
        'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }',
      variables: (fx) => ({ id: fx.customerId, input: { notes: unique('Prefers mornings') } }),
    },
    archiveCustomer: {
      document: 'mutation($id: ID!) { archiveCustomer(id: $id) { id } }',
      variables: (fx) => ({ id: fx.customerId }),
    },
    signOut: { document: 'mutation { signOut }' },
    logInteraction: {
      document: 'mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }',
      variables: (fx) => ({
        input: {
          customerId: fx.customerId,
          channel: 'PHONE',
          direction: 'OUTBOUND',
          purpose: 'RELATIONSHIP',
          sentiment: 1,
          summary: unique('Asked how the cake went'),
        },
      }),
    },
    interaction: {
      document: 'query($id: ID!) { interaction(id: $id) { id } }',
      variables: (fx) => ({ id: fx.interactionId }),
    },
    scheduleCheckIn: {
      document: 'mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { id } }',
      variables: (fx) => ({
        input: { customerId: fx.customerId, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      }),
    },
    completeCheckIn: {
      document:
        'mutation($id: ID!, $input: CompleteCheckInInput!) { completeCheckIn(id: $id, input: $input) { id } }',
      variables: (fx) => ({
        id: fx.checkInToComplete,
        input: { channel: 'PHONE', summary: unique('Called') },
      }),
    },
    skipCheckIn: {
      document: 'mutation($id: ID!) { skipCheckIn(id: $id, reason: "Closed for holidays") { id } }',
      variables: (fx) => ({ id: fx.checkInToSkip }),
    },
    checkIn: {
      document: 'query($id: ID!) { checkIn(id: $id) { id } }',
      variables: (fx) => ({ id: fx.checkInId }),
    },
    checkIns: { document: '{ checkIns { totalCount } }' },
    healthSummary: { document: '{ healthSummary { healthy watch atRisk averageScore checkInsOverdue } }' },
    healthTrend: { document: '{ healthTrend(days: 30) { day averageScore } }' },
    audits: { document: '{ audits { id } }' },
    audit: {
      document: 'query($id: ID!) { audit(id: $id) { id } }',
      variables: (fx) => ({ id: fx.auditId }),
    },
    createAudit: {
      document: 'mutation($input: CreateAuditInput!) { createAudit(input: $input) { id } }',
      variables: (fx) => ({ input: auditInput(fx.touchpointId, true) }),
    },
    renewAuditLink: {
      document: 'mutation($id: ID!) { renewAuditLink(id: $id) { id inviteUrl } }',
      variables: (fx) => ({ id: fx.externalAuditId }),
    },
    recordObservation: {
      document:
        'mutation($id: ID!, $input: ObservationInput!) { recordObservation(auditId: $id, input: $input) { id } }',
      variables: (fx) => ({ id: fx.auditId, input: observationInput(fx.touchpointId) }),
    },
    submitAudit: {
      document: 'mutation($id: ID!) { submitAudit(id: $id) { id status } }',
      variables: (fx) => ({ id: fx.auditToSubmit }),
    },
    frictionPoints: { document: '{ frictionPoints { id } }' },
    frictionPoint: {
      document: 'query($id: ID!) { frictionPoint(id: $id) { id } }',
      variables: (fx) => ({ id: fx.frictionPointId }),
    },
    raiseFrictionPoint: {
      document: 'mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }',
      variables: (fx) => ({
        input: { touchpointId: fx.touchpointId, description: unique('Queue out the door'), severity: 2 },
      }),
    },
    updateFrictionPoint: {
      document:
        'mutation($id: ID!, $input: UpdateFrictionPointInput!) { updateFrictionPoint(id: $id, input: $input) { id } }',
      variables: (fx) => ({ id: fx.frictionPointId, input: { status: 'IN_PROGRESS' } }),
    },
    surveys: { document: '{ surveys { id } }' },
    createSurvey: {
      document: 'mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }',
      variables: (fx) => ({
        input: {
          name: unique('Counter'),
          type: 'CSAT',
          question: 'How was it?',
          touchpointId: fx.touchpointId,
        },
      }),
    },
    feedbackRequests: { document: '{ feedbackRequests { id status } }' },
    requestFeedback: {
      document: 'mutation($input: RequestFeedbackInput!) { requestFeedback(input: $input) { id url } }',
      variables: (fx) => ({ input: { surveyId: fx.surveyId, customerId: fx.unaskedCustomerId } }),
    },
    feedbackSummary: { document: '{ feedbackSummary { responses nps csat ces } }' },
    feedbackResponses: { document: '{ feedbackResponses { id score } }' },
    blindSpots: { document: '{ blindSpots { touchpoint { id } auditScore customerScore gap } }' },
  };

  /** Need a session of an OWNER: members, workspace settings, the touchpoint catalogue. */
  const OWNER: Record<string, Operation> = {
    inviteMember: {
      document:
        'mutation($email: String!) { inviteMember(email: $email, name: "Nia New", role: STAFF) { id } }',
      variables: () => ({ email: uniqueEmail('new') }),
    },
    invitations: { document: '{ invitations { id } }' },
    updateWorkspace: {
      document: 'mutation($name: String!) { updateWorkspace(name: $name, defaultCadenceDays: 14) { id } }',
      variables: () => ({ name: unique('Renamed Bakery') }),
    },
    createTouchpoint: {
      document: 'mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }',
      variables: () => ({ input: touchpointInput() }),
    },
    updateTouchpoint: {
      document:
        'mutation($id: ID!, $input: TouchpointInput!) { updateTouchpoint(id: $id, input: $input) { id } }',
      variables: (fx) => ({ id: fx.touchpointId, input: touchpointInput() }),
    },
    contactMix: {
      document: '{ contactMix(days: 30) { member { id } relationship total relationshipShare } }',
    },
    history: {
      document: '{ history(first: 5) { edges { node { id action entity member { id } } } } }',
    },
    changeMemberRole: {
      document: 'mutation($id: ID!) { changeMemberRole(id: $id, role: STAFF) { id role } }',
      variables: (fx) => ({ id: fx.staff.memberId }),
    },
    removeMember: {
      document: 'mutation($id: ID!) { removeMember(id: $id) { id removedAt } }',
      variables: (fx) => ({ id: fx.memberToRemove }),
    },
    setFeedbackAutoRequest: {
      document:
        'mutation($surveyId: ID) { setFeedbackAutoRequest(surveyId: $surveyId, trigger: FIRST_INTERACTION) { id } }',
      variables: (fx) => ({ surveyId: fx.surveyId }),
    },
  };

  const GUARDED = { ...MEMBER, ...OWNER };

  let fx: Fixture;
  beforeAll(async () => {
    const owner = await signUpOwner(t, 'Role Bakery');
    const staff = await addMember(t, owner, 'STAFF');
    const memberToRemove = (await addMember(t, owner, 'STAFF')).memberId;
    const touchpoint = await owner.client.ok(OWNER.createTouchpoint!.document, { input: touchpointInput() });
    const customer = await owner.client.ok(MEMBER.createCustomer!.document, {
      input: { name: 'Carla Customer' },
    });
    const customerId = customer.createCustomer.id;
    const interaction = await owner.client.ok(MEMBER.logInteraction!.document, {
      input: {
        customerId,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        purpose: 'RELATIONSHIP',
        sentiment: 1,
        summary: 'First call',
      },
    });
    const schedule = async () =>
      (
        await owner.client.ok(MEMBER.scheduleCheckIn!.document, {
          input: { customerId, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
        })
      ).scheduleCheckIn.id as string;
    const touchpointId = touchpoint.createTouchpoint.id as string;
    const audit = async (external: boolean) =>
      (
        await owner.client.ok(
          'mutation($input: CreateAuditInput!) { createAudit(input: $input) { id inviteUrl } }',
          { input: auditInput(touchpointId, external) },
        )
      ).createAudit as { id: string; inviteUrl: string | null };
    const auditToSubmit = (await audit(false)).id;
    await owner.client.ok(MEMBER.recordObservation!.document, {
      id: auditToSubmit,
      input: observationInput(touchpointId),
    });
    const link = await audit(true);
    const frictionPoint = await owner.client.ok(MEMBER.raiseFrictionPoint!.document, {
      input: { touchpointId, description: 'Queue out the door', severity: 2 },
    });
    const survey = await owner.client.ok(
      'mutation($input: CreateSurveyInput!) { createSurvey(input: $input) { id } }',
      { input: { name: 'After a visit', type: 'NPS', question: 'Would you recommend us?' } },
    );
    const surveyId = survey.createSurvey.id as string;
    const feedbackRequest = await owner.client.ok(MEMBER.requestFeedback!.document, {
      input: { surveyId, customerId },
    });
    const unasked = await owner.client.ok(MEMBER.createCustomer!.document, {
      input: { name: 'Una Unasked' },
    });
    fx = {
      owner,
      staff,
      touchpointId: touchpoint.createTouchpoint.id,
      customerId,
      interactionId: interaction.logInteraction.id,
      checkInId: await schedule(),
      checkInToComplete: await schedule(),
      checkInToSkip: await schedule(),
      auditId: (await audit(false)).id,
      externalAuditId: (await audit(true)).id,
      auditToSubmit,
      auditToken: String(link.inviteUrl).split('/a/')[1]!,
      frictionPointId: frictionPoint.raiseFrictionPoint.id,
      memberToRemove,
      surveyId,
      unaskedCustomerId: unasked.createCustomer.id,
      feedbackToken: String(feedbackRequest.requestFeedback.url).split('/f/')[1]!,
    };
  });

  /** The fields that came back with a value (a nullable one answers null beside its error). */
  const answered = (result: GqlResult) => Object.values(result.data ?? {}).filter((value) => value !== null);

  const run = (client: SignedIn['client'], name: string) => {
    const operation = GUARDED[name]!;
    return client.gql(operation.document, operation.variables?.(fx));
  };

  it('classifies every operation the API serves', async () => {
    const { __schema } = await t
      .client()
      .ok('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
    const served = [...__schema.queryType.fields, ...__schema.mutationType.fields].map(
      (field: { name: string }) => field.name,
    );
    expect(served.sort()).toEqual([...PUBLIC, ...Object.keys(GUARDED)].sort());
  });

  it.each(Object.keys(GUARDED))('%s is UNAUTHENTICATED without a session, writing nothing', async (name) => {
    const before = await dumpState(t.admin);
    const result = await run(t.client(), name);
    expect(code(result)).toBe('UNAUTHENTICATED');
    expect(answered(result)).toEqual([]);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it.each(Object.keys(OWNER))('%s is FORBIDDEN to STAFF, writing nothing', async (name) => {
    const before = await dumpState(t.admin);
    const result = await run(fx.staff.client, name);
    expect(code(result)).toBe('FORBIDDEN');
    expect(answered(result)).toEqual([]);
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it.each(Object.keys(OWNER))('%s works for an OWNER', async (name) => {
    expect((await run(fx.owner.client, name)).errors).toBeUndefined();
  });

  it.each(Object.keys(AUDIT_LINK))('%s works without a session, on an audit link', async (name) => {
    const operation = AUDIT_LINK[name]!;
    const result = await t.client().gql(operation.document, operation.variables?.(fx));
    expect(result.errors).toBeUndefined();
    expect(answered(result)).not.toEqual([]);
  });

  it.each(Object.keys(FEEDBACK_LINK))('%s works without a session, on a feedback link', async (name) => {
    const operation = FEEDBACK_LINK[name]!;
    const result = await t.client().gql(operation.document, operation.variables?.(fx));
    expect(result.errors).toBeUndefined();
    expect(answered(result)).not.toEqual([]);
  });

  // signOut would end the shared staff session; the sessions tests cover it.
  it.each(Object.keys(MEMBER).filter((name) => name !== 'signOut'))('%s works for STAFF', async (name) => {
    expect((await run(fx.staff.client, name)).errors).toBeUndefined();
  });
});

describe('workspace settings', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Settings Bakery');
  });

  const workspace = async () => (await owner.client.ok(ME)).me.workspace;

  it('lets the owner rename the workspace and change its default cadence, one field at a time', async () => {
    await owner.client.ok(UPDATE_WORKSPACE, { name: '  Corner Bakery & Café  ' });
    expect(await workspace()).toMatchObject({ name: 'Corner Bakery & Café', defaultCadenceDays: 30 });
    for (const days of [1, 365]) {
      await owner.client.ok(UPDATE_WORKSPACE, { defaultCadenceDays: days });
      expect(await workspace()).toMatchObject({ name: 'Corner Bakery & Café', defaultCadenceDays: days });
    }
  });

  it.each<[string, Variables, string]>([
    ['a blank name', { name: '   ' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, 'name'],
    ['a cadence of 0 days', { defaultCadenceDays: 0 }, 'defaultCadenceDays'],
    ['a cadence of 366 days', { defaultCadenceDays: 366 }, 'defaultCadenceDays'],
    ['a fractional cadence', { defaultCadenceDays: 1.5 }, 'defaultCadenceDays'],
    ['a valid name with a bad cadence', { name: 'Renamed', defaultCadenceDays: 0 }, 'defaultCadenceDays'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_, variables, field) => {
    const before = await dumpState(t.admin);
    const result = await owner.client.gql(UPDATE_WORKSPACE, variables);
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual([field]);
    expect(await dumpState(t.admin)).toEqual(before);
  });
});
