import { randomUUID } from 'node:crypto';
import { cursor } from '../src/graphql/connection';
import { dumpState, raceOnWrite } from './support/database';
import {
  addMember,
  code,
  fields,
  type GqlClient,
  type GqlResult,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
} from './support/harness';

const DAY = 86_400_000;

const INTERACTION_FIELDS = `id channel direction purpose sentiment summary frictionNote occurredAt followUpAt createdAt
  customer { id } touchpoint { id channel } member { id name }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { ${INTERACTION_FIELDS} } }`;
const INTERACTION = `query($id: ID!) { interaction(id: $id) { ${INTERACTION_FIELDS} } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id createdAt cadenceDays }
}`;
const UPDATE_CUSTOMER = `mutation($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) { id cadenceDays nextCheckInDueAt }
}`;
const CREATE_TOUCHPOINT = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id channel } }`;
const CLOCK = `query($id: ID!) {
  customer(id: $id) { id createdAt cadenceDays lastRelationshipContactAt nextCheckInDueAt checkInOverdue }
}`;
const INTERACTIONS = `query($id: ID!, $first: Int, $after: String) {
  customer(id: $id) {
    interactions(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id occurredAt } }
    }
  }
}`;
const CUSTOMERS = `query($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id nextCheckInDueAt checkInOverdue } }
  }
}`;
const CHECK_IN_FIELDS = `id dueAt note status skipReason closedAt createdAt customer { id } assignee { id }
  interaction { id purpose channel direction sentiment summary occurredAt member { id } }`;
const SCHEDULE = `mutation($input: ScheduleCheckInInput!) { scheduleCheckIn(input: $input) { ${CHECK_IN_FIELDS} } }`;
const CHECK_IN = `query($id: ID!) { checkIn(id: $id) { ${CHECK_IN_FIELDS} } }`;
const CHECK_INS = `query($assigneeId: ID, $customerId: ID, $status: CheckInStatus, $dueBefore: DateTime, $first: Int, $after: String) {
  checkIns(assigneeId: $assigneeId, customerId: $customerId, status: $status, dueBefore: $dueBefore, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id dueAt status assignee { id } } }
  }
}`;
const CUSTOMER_CHECK_INS = `query($id: ID!, $status: CheckInStatus) {
  customer(id: $id) { checkIns(status: $status) { totalCount edges { node { id status } } } }
}`;
const COMPLETE = `mutation($id: ID!, $input: CompleteCheckInInput!) { completeCheckIn(id: $id, input: $input) { ${CHECK_IN_FIELDS} } }`;
const SKIP = `mutation($id: ID!, $reason: String!) { skipCheckIn(id: $id, reason: $reason) { ${CHECK_IN_FIELDS} } }`;
const TIMELINE = `query($id: ID!, $first: Int, $after: String) {
  customer(id: $id) {
    timeline(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node {
          __typename
          ... on Interaction { id occurredAt summary }
          ... on CheckIn { id status skipReason closedAt }
          ... on FrictionPoint { id description createdAt }
        }
      }
    }
  }
}`;

interface PageOf<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor?: string; node: N }[];
}
type TimelineNode =
  | { __typename: 'Interaction'; id: string; occurredAt: string; summary: string }
  | { __typename: 'CheckIn'; id: string; status: string; skipReason: string | null; closedAt: string }
  | { __typename: 'FrictionPoint'; id: string; description: string; createdAt: string };

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const iso = (ms: number) => new Date(ms).toISOString();
const daysAgo = (days: number) => iso(Date.now() - days * DAY);
const daysAhead = (days: number) => iso(Date.now() + days * DAY);
const plusDays = (at: string, days: number) => iso(new Date(at).getTime() + days * DAY);
const ms = (at: string) => new Date(at).getTime();

async function newCustomer(client: GqlClient, input: Record<string, unknown> = {}) {
  const data = await client.ok(CREATE_CUSTOMER, { input: { name: `Customer ${randomUUID()}`, ...input } });
  return data.createCustomer as { id: string; createdAt: string; cadenceDays: number };
}

async function newTouchpoint(client: GqlClient, channel = 'STORE') {
  const input = { name: `Counter ${randomUUID()}`, channel, stage: 'BUY' };
  const data = await client.ok(CREATE_TOUCHPOINT, { input });
  return data.createTouchpoint as { id: string; channel: string };
}

/** A valid logInteraction input for `customerId`, with `overrides`. */
const contact = (customerId: string, overrides: Record<string, unknown> = {}) => ({
  customerId,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: 'Called to ask how the new oven is working out',
  ...overrides,
});

const logAs = (client: GqlClient, input: Record<string, unknown>) => client.gql(LOG, { input });

async function log(client: GqlClient, input: Record<string, unknown>) {
  const data = await client.ok(LOG, { input });
  return data.logInteraction;
}

async function clockOf(client: GqlClient, id: string) {
  const data = await client.ok(CLOCK, { id });
  return data.customer as {
    createdAt: string;
    cadenceDays: number;
    lastRelationshipContactAt: string | null;
    nextCheckInDueAt: string;
    checkInOverdue: boolean;
  };
}

async function interactionRows(customerId: string) {
  const { rows } = await t.admin.query('select * from interactions where customer_id = $1', [customerId]);
  return rows;
}

async function schedule(client: GqlClient, input: Record<string, unknown>) {
  const data = await client.ok(SCHEDULE, { input });
  return data.scheduleCheckIn;
}

async function timelinePage(client: GqlClient, id: string, first: number, after?: string | null) {
  const data = await client.ok(TIMELINE, { id, first, after });
  return data.customer.timeline as PageOf<TimelineNode> & { edges: { cursor: string; node: TimelineNode }[] };
}

/** Refused as bad input, naming `field`. */
function expectBadInput(result: GqlResult, field: string) {
  expect(code(result)).toBe('BAD_USER_INPUT');
  expect(fields(result)).toHaveProperty(field);
}

/** Runs `send` and checks it wrote nothing at all; answers its result. */
async function writesNothing(send: () => Promise<GqlResult>): Promise<GqlResult> {
  const before = await dumpState(t.admin);
  const result = await send();
  expect(await dumpState(t.admin)).toEqual(before);
  return result;
}

describe('logInteraction', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  let other: SignedIn;
  let customerId: string;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
    other = await signUpOwner(t, 'Other Bakery');
    customerId = (await newCustomer(owner.client)).id;
  });

  it('logs a contact on a channel, as the caller', async () => {
    const occurredAt = daysAgo(2);
    const followUpAt = daysAhead(5);
    const logged = await log(
      owner.client,
      contact(customerId, {
        channel: 'EMAIL',
        direction: 'INBOUND',
        purpose: 'SERVICE',
        sentiment: -2,
        summary: '  Asked about delivery times  ',
        frictionNote: 'Could not find the delivery page',
        occurredAt,
        followUpAt,
      }),
    );
    expect(logged).toMatchObject({
      channel: 'EMAIL',
      direction: 'INBOUND',
      purpose: 'SERVICE',
      sentiment: -2,
      summary: 'Asked about delivery times',
      frictionNote: 'Could not find the delivery page',
      occurredAt,
      followUpAt,
      customer: { id: customerId },
      touchpoint: null,
      member: { id: owner.memberId },
    });
    const [row] = (await interactionRows(customerId)).filter((r) => r.id === logged.id);
    expect(row).toMatchObject({
      workspace_id: owner.workspaceId,
      member_id: owner.memberId,
      channel: 'EMAIL',
    });
  });

  it('takes the channel from a touchpoint, and refuses a different explicit channel', async () => {
    const touchpoint = await newTouchpoint(owner.client, 'STORE');
    const logged = await log(
      owner.client,
      contact(customerId, { channel: null, touchpointId: touchpoint.id }),
    );
    expect(logged).toMatchObject({ channel: 'STORE', touchpoint: { id: touchpoint.id, channel: 'STORE' } });
    const same = await log(
      owner.client,
      contact(customerId, { channel: 'STORE', touchpointId: touchpoint.id }),
    );
    expect(same.channel).toBe('STORE');

    const result = await writesNothing(() =>
      logAs(owner.client, contact(customerId, { channel: 'EMAIL', touchpointId: touchpoint.id })),
    );
    expectBadInput(result, 'channel');
  });

  it('needs a channel or a touchpoint', async () => {
    const result = await writesNothing(() => logAs(owner.client, contact(customerId, { channel: null })));
    expectBadInput(result, 'channel');
  });

  it.each([
    ['sentiment', 'above 2', { sentiment: 3 }],
    ['sentiment', 'below -2', { sentiment: -3 }],
    ['sentiment', 'fractional', { sentiment: 1.5 }],
    ['summary', 'empty', { summary: '' }],
    ['summary', 'blank', { summary: '   \n ' }],
    ['summary', 'over 2000 characters', { summary: 'x'.repeat(2001) }],
    ['occurredAt', 'a minute ahead', { occurredAt: iso(Date.now() + 60_000) }],
    ['occurredAt', 'before 2000', { occurredAt: '1999-12-31T23:59:59.000Z' }],
    ['followUpAt', 'before occurredAt', { occurredAt: daysAgo(1), followUpAt: daysAgo(2) }],
  ])('refuses %s %s and writes nothing', async (field, _case, overrides) => {
    const result = await writesNothing(() => logAs(owner.client, contact(customerId, overrides)));
    expectBadInput(result, field);
  });

  it('takes a summary of exactly 2000 characters', async () => {
    const logged = await log(owner.client, contact(customerId, { summary: 'y'.repeat(2000) }));
    expect(logged.summary).toHaveLength(2000);
  });

  it('accepts a time a few seconds ahead (clock skew) but stores it as now', async () => {
    const ahead = iso(Date.now() + 5_000);
    const logged = await log(owner.client, contact(customerId, { occurredAt: ahead }));
    const answeredAt = Date.now();
    expect(ms(logged.occurredAt)).toBeLessThan(ms(ahead));
    expect(ms(logged.occurredAt)).toBeLessThanOrEqual(answeredAt);
    const [row] = (await interactionRows(customerId)).filter((r) => r.id === logged.id);
    expect(row.occurred_at.getTime()).toBeLessThanOrEqual(answeredAt);
  });

  it('defaults occurredAt to now', async () => {
    const sentAt = Date.now();
    const logged = await log(owner.client, contact(customerId));
    const answeredAt = Date.now();
    expect(ms(logged.occurredAt)).toBeGreaterThanOrEqual(sentAt);
    expect(ms(logged.occurredAt)).toBeLessThanOrEqual(answeredAt);
    expect(logged.followUpAt).toBeNull();
  });

  it("answers NOT_FOUND for an unknown customer or another workspace's customer or touchpoint", async () => {
    const foreignCustomer = await newCustomer(other.client);
    const foreignTouchpoint = await newTouchpoint(other.client);
    for (const input of [
      contact(randomUUID()),
      contact(foreignCustomer.id),
      contact(customerId, { channel: null, touchpointId: foreignTouchpoint.id }),
      contact(customerId, { channel: null, touchpointId: randomUUID() }),
    ]) {
      const result = await writesNothing(() => logAs(owner.client, input));
      expect(code(result)).toBe('NOT_FOUND');
    }
    expect(await interactionRows(foreignCustomer.id)).toHaveLength(0);
  });

  it('lets staff log, always as themselves, and the owner sees who logged it', async () => {
    const logged = await log(staff.client, contact(customerId, { summary: 'Dropped by with samples' }));
    expect(logged.member).toEqual({ id: staff.memberId, name: 'Sam Staff' });
    const read = await owner.client.ok(INTERACTION, { id: logged.id });
    expect(read.interaction.member).toEqual({ id: staff.memberId, name: 'Sam Staff' });
  });

  it('is UNAUTHENTICATED without a session, and writes nothing', async () => {
    const result = await writesNothing(() => logAs(t.client(), contact(customerId)));
    expect(code(result)).toBe('UNAUTHENTICATED');
  });
});

describe('idempotencyKey', () => {
  let owner: SignedIn;
  let other: SignedIn;
  let customerId: string;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    other = await signUpOwner(t, 'Other Bakery');
    customerId = (await newCustomer(owner.client)).id;
  });

  it('answers the first interaction on a retry and logs once; another request with the key is CONFLICT', async () => {
    const input = contact(customerId, { idempotencyKey: 'retry-1' });
    const first = await log(owner.client, input);
    const second = await writesNothing(() => logAs(owner.client, input));
    expect(second.errors).toBeUndefined();
    expect(second.data?.logInteraction).toEqual(first);
    const different = await writesNothing(() =>
      logAs(owner.client, { ...input, summary: 'A different summary' }),
    );
    expect(code(different)).toBe('CONFLICT');
    expect(await interactionRows(customerId)).toHaveLength(1);
  });

  it('keys each workspace separately', async () => {
    const otherCustomer = await newCustomer(other.client);
    const mine = await log(owner.client, contact(customerId, { idempotencyKey: 'shared-key' }));
    const theirs = await log(other.client, contact(otherCustomer.id, { idempotencyKey: 'shared-key' }));
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.customer.id).toBe(otherCustomer.id);
    expect(await interactionRows(otherCustomer.id)).toHaveLength(1);
  });

  it('settles two requests racing with one key: both answer the same interaction, one row', async () => {
    const raceCustomer = await newCustomer(owner.client);
    const input = contact(raceCustomer.id, { idempotencyKey: 'racing-key' });
    const send = () => logAs(owner.client, input);
    const results = await raceOnWrite(t.admin, 'idempotency_keys', [send, send]);
    for (const result of results) expect(result.errors).toBeUndefined();
    const [a, b] = results.map((r) => r.data?.logInteraction.id);
    expect(a).toBeDefined();
    expect(a).toBe(b);
    expect(await interactionRows(raceCustomer.id)).toHaveLength(1);
  });
});

describe('interaction(id)', () => {
  let owner: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    other = await signUpOwner(t, 'Other Bakery');
  });

  it('answers an own interaction with its customer, touchpoint and member', async () => {
    const customer = await newCustomer(owner.client);
    const touchpoint = await newTouchpoint(owner.client, 'WEB');
    const logged = await log(
      owner.client,
      contact(customer.id, { channel: null, touchpointId: touchpoint.id }),
    );
    const read = await owner.client.ok(INTERACTION, { id: logged.id });
    expect(read.interaction).toEqual(logged);
    expect(read.interaction).toMatchObject({
      customer: { id: customer.id },
      touchpoint: { id: touchpoint.id, channel: 'WEB' },
      member: { id: owner.memberId },
    });
  });

  it("answers null for another workspace's interaction or a malformed id", async () => {
    const customer = await newCustomer(other.client);
    const theirs = await log(other.client, contact(customer.id));
    for (const id of [theirs.id, 'not-an-id', randomUUID()]) {
      const result = await owner.client.gql(INTERACTION, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data?.interaction).toBeNull();
    }
  });
});

describe('Customer.interactions', () => {
  let owner: SignedIn;
  let customerId: string;
  let expected: string[];
  beforeAll(async () => {
    owner = await signUpOwner(t);
    customerId = (await newCustomer(owner.client)).id;
    // Logged out of order; two share one instant, so the id breaks the tie.
    const same = daysAgo(3);
    const logged = [];
    for (const occurredAt of [daysAgo(5), daysAgo(1), same, daysAgo(10), same]) {
      logged.push(await log(owner.client, contact(customerId, { occurredAt })));
    }
    expected = [...logged]
      .sort((x, y) => ms(y.occurredAt) - ms(x.occurredAt) || (y.id < x.id ? -1 : 1))
      .map((i) => i.id);
  });

  const pageOf = async (first: number, after?: string | null) => {
    const data = await owner.client.ok(INTERACTIONS, { id: customerId, first, after });
    return data.customer.interactions as PageOf<{ id: string; occurredAt: string }>;
  };

  it('lists newest first with the total', async () => {
    const page = await pageOf(20);
    expect(page.totalCount).toBe(5);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges.map((e) => e.node.id)).toEqual(expected);
  });

  it('pages with first/after without duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await pageOf(2, after);
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });

  it('refuses a bad cursor as BAD_USER_INPUT on `after`', async () => {
    const forged = cursor.encode([daysAgo(1), 'not-a-uuid']);
    for (const after of ['garbage!', cursor.encode(['yesterday', randomUUID()]), forged]) {
      const result = await owner.client.gql(INTERACTIONS, { id: customerId, first: 2, after });
      expectBadInput(result, 'after');
    }
  });
});

describe('cadence and the check-in clock', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
  });

  it("starts a new customer's clock at creation plus the workspace default (30 days)", async () => {
    const customer = await newCustomer(owner.client);
    const clock = await clockOf(owner.client, customer.id);
    expect(clock.cadenceDays).toBe(30);
    expect(clock.lastRelationshipContactAt).toBeNull();
    expect(clock.nextCheckInDueAt).toBe(plusDays(customer.createdAt, 30));
    expect(clock.checkInOverdue).toBe(false);
  });

  it("uses the customer's own cadence", async () => {
    const customer = await newCustomer(owner.client, { cadenceDays: 7 });
    const clock = await clockOf(owner.client, customer.id);
    expect(clock.nextCheckInDueAt).toBe(plusDays(customer.createdAt, 7));
  });

  it('is reset only by RELATIONSHIP contacts', async () => {
    const customer = await newCustomer(owner.client);
    const start = await clockOf(owner.client, customer.id);
    for (const purpose of ['SALES', 'SERVICE', 'SUPPORT']) {
      await log(owner.client, contact(customer.id, { purpose }));
    }
    expect(await clockOf(owner.client, customer.id)).toEqual(start);

    const occurredAt = daysAgo(2);
    await log(owner.client, contact(customer.id, { purpose: 'RELATIONSHIP', occurredAt }));
    const clock = await clockOf(owner.client, customer.id);
    expect(clock.lastRelationshipContactAt).toBe(occurredAt);
    expect(clock.nextCheckInDueAt).toBe(plusDays(occurredAt, 30));
    expect(clock.checkInOverdue).toBe(false);
  });

  it('is overdue once one cadence after the last relationship contact has passed', async () => {
    const customer = await newCustomer(owner.client);
    const occurredAt = daysAgo(45);
    await log(owner.client, contact(customer.id, { occurredAt }));
    const clock = await clockOf(owner.client, customer.id);
    expect(clock).toMatchObject({
      lastRelationshipContactAt: occurredAt,
      nextCheckInDueAt: plusDays(occurredAt, 30),
      checkInOverdue: true,
    });
    const { rows } = await t.admin.query(
      'select last_relationship_contact_at, next_check_in_due_at from customers where id = $1',
      [customer.id],
    );
    expect(rows[0].last_relationship_contact_at.toISOString()).toBe(occurredAt);
    expect(rows[0].next_check_in_due_at.toISOString()).toBe(plusDays(occurredAt, 30));
  });

  it('does not move back when an older relationship contact is logged after a newer one', async () => {
    const customer = await newCustomer(owner.client);
    const newer = daysAgo(3);
    await log(owner.client, contact(customer.id, { occurredAt: newer }));
    await log(owner.client, contact(customer.id, { occurredAt: daysAgo(40) }));
    const clock = await clockOf(owner.client, customer.id);
    expect(clock.lastRelationshipContactAt).toBe(newer);
    expect(clock.nextCheckInDueAt).toBe(plusDays(newer, 30));
    expect(clock.checkInOverdue).toBe(false);
  });

  it("moves at once when the customer's own cadence changes", async () => {
    const customer = await newCustomer(owner.client);
    const occurredAt = daysAgo(10);
    await log(owner.client, contact(customer.id, { occurredAt }));
    const data = await owner.client.ok(UPDATE_CUSTOMER, { id: customer.id, input: { cadenceDays: 7 } });
    expect(data.updateCustomer.nextCheckInDueAt).toBe(plusDays(occurredAt, 7));
    expect(await clockOf(owner.client, customer.id)).toMatchObject({
      cadenceDays: 7,
      nextCheckInDueAt: plusDays(occurredAt, 7),
      checkInOverdue: true,
    });
    await owner.client.ok(UPDATE_CUSTOMER, { id: customer.id, input: { cadenceDays: null } });
    expect(await clockOf(owner.client, customer.id)).toMatchObject({
      cadenceDays: 30,
      nextCheckInDueAt: plusDays(occurredAt, 30),
      checkInOverdue: false,
    });
  });

  it('moves at once for the customers following the workspace default when it changes', async () => {
    const workspace = await signUpOwner(t, 'Cadence Cafe');
    const follower = await newCustomer(workspace.client);
    const ownCadence = await newCustomer(workspace.client, { cadenceDays: 60 });
    const occurredAt = daysAgo(20);
    await log(workspace.client, contact(follower.id, { occurredAt }));
    await log(workspace.client, contact(ownCadence.id, { occurredAt }));
    const ownBefore = await clockOf(workspace.client, ownCadence.id);

    const data = await workspace.client.ok(
      'mutation { updateWorkspace(defaultCadenceDays: 14) { defaultCadenceDays } }',
    );
    expect(data.updateWorkspace.defaultCadenceDays).toBe(14);
    expect(await clockOf(workspace.client, follower.id)).toMatchObject({
      cadenceDays: 14,
      nextCheckInDueAt: plusDays(occurredAt, 14),
      checkInOverdue: true,
    });
    expect(await clockOf(workspace.client, ownCadence.id)).toEqual(ownBefore);
  });
});

describe('customers by check-in', () => {
  let owner: SignedIn;
  const overdue: string[] = [];
  const onTime: string[] = [];
  beforeAll(async () => {
    owner = await signUpOwner(t);
    // Due 20, 12 and 5 days ago (cadence 30): the overdue, oldest due first.
    for (const days of [50, 42, 35]) {
      const customer = await newCustomer(owner.client);
      await log(owner.client, contact(customer.id, { occurredAt: daysAgo(days) }));
      overdue.push(customer.id);
    }
    // Due in 10 and 27 days, then 30 (never contacted).
    for (const days of [20, 3]) {
      const customer = await newCustomer(owner.client);
      await log(owner.client, contact(customer.id, { occurredAt: daysAgo(days) }));
      onTime.push(customer.id);
    }
    onTime.push((await newCustomer(owner.client)).id);
  });

  const listing = async (variables: Record<string, unknown>) => {
    const data = await owner.client.ok(CUSTOMERS, { orderBy: 'NEXT_CHECK_IN_DUE', ...variables });
    return data.customers as PageOf<{ id: string; nextCheckInDueAt: string; checkInOverdue: boolean }>;
  };
  const ids = (page: PageOf<{ id: string }>) => page.edges.map((e) => e.node.id);

  it('lists only the overdue, oldest due first', async () => {
    const page = await listing({ filter: { checkInOverdue: true } });
    expect(page.totalCount).toBe(3);
    expect(ids(page)).toEqual(overdue);
    for (const { node } of page.edges) expect(node.checkInOverdue).toBe(true);
  });

  it('lists the others with checkInOverdue: false', async () => {
    const page = await listing({ filter: { checkInOverdue: false } });
    expect(ids(page)).toEqual(onTime);
    for (const { node } of page.edges) expect(node.checkInOverdue).toBe(false);
  });

  it('pages through NEXT_CHECK_IN_DUE with first/after', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await listing({ first: 2, after });
      expect(page.totalCount).toBe(6);
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([...overdue, ...onTime]);
  });
});

describe('planned check-ins', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  let other: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
    other = await signUpOwner(t, 'Other Bakery');
  });

  describe('scheduleCheckIn', () => {
    it('schedules with a due date, note and assignee', async () => {
      const customer = await newCustomer(owner.client);
      const dueAt = daysAhead(3);
      const checkIn = await schedule(owner.client, {
        customerId: customer.id,
        dueAt,
        assigneeId: staff.memberId,
        note: 'Ask about the anniversary',
      });
      expect(checkIn).toMatchObject({
        dueAt,
        note: 'Ask about the anniversary',
        status: 'PLANNED',
        skipReason: null,
        closedAt: null,
        interaction: null,
        customer: { id: customer.id },
        assignee: { id: staff.memberId },
      });
      expect((await owner.client.ok(CHECK_IN, { id: checkIn.id })).checkIn).toEqual(checkIn);
      const listed = await owner.client.ok(CUSTOMER_CHECK_INS, { id: customer.id });
      expect(listed.customer.checkIns.edges.map((e: any) => e.node.id)).toEqual([checkIn.id]);
    });

    it("assigns the customer's owner by default, else the caller", async () => {
      const owned = await newCustomer(owner.client, { ownerId: staff.memberId });
      const unowned = await newCustomer(owner.client);
      const dueAt = daysAhead(1);
      expect((await schedule(owner.client, { customerId: owned.id, dueAt })).assignee.id).toBe(
        staff.memberId,
      );
      expect((await schedule(owner.client, { customerId: unowned.id, dueAt })).assignee.id).toBe(
        owner.memberId,
      );
      expect((await schedule(staff.client, { customerId: unowned.id, dueAt })).assignee.id).toBe(
        staff.memberId,
      );
    });

    it('refuses an unknown or foreign assignee, a foreign customer and a due date over a year ahead', async () => {
      const customer = await newCustomer(owner.client);
      const foreign = await newCustomer(other.client);
      const dueAt = daysAhead(2);
      for (const assigneeId of [randomUUID(), other.memberId]) {
        const result = await writesNothing(() =>
          owner.client.gql(SCHEDULE, { input: { customerId: customer.id, dueAt, assigneeId } }),
        );
        expectBadInput(result, 'assigneeId');
      }
      for (const customerId of [foreign.id, randomUUID()]) {
        const result = await writesNothing(() =>
          owner.client.gql(SCHEDULE, { input: { customerId, dueAt } }),
        );
        expect(code(result)).toBe('NOT_FOUND');
      }
      const tooFar = await writesNothing(() =>
        owner.client.gql(SCHEDULE, { input: { customerId: customer.id, dueAt: daysAhead(400) } }),
      );
      expectBadInput(tooFar, 'dueAt');
      expect(
        code(await owner.client.gql(SCHEDULE, { input: { customerId: customer.id, dueAt: daysAhead(360) } })),
      ).toBe(undefined);
    });

    it("does not show another workspace's check-in", async () => {
      const foreign = await newCustomer(other.client);
      const theirs = await schedule(other.client, { customerId: foreign.id, dueAt: daysAhead(1) });
      const result = await owner.client.gql(CHECK_IN, { id: theirs.id });
      expect(result.data?.checkIn).toBeNull();
      const mine = await owner.client.ok(CHECK_INS, { customerId: foreign.id });
      expect(mine.checkIns.totalCount).toBe(0);
    });
  });

  it('lists "my check-ins this week": only mine, planned, due before the end of the week, soonest first', async () => {
    const team = await signUpOwner(t, 'Week Bakery');
    const teammate = await addMember(t, team);
    const customer = await newCustomer(team.client);
    const now = new Date();
    const endOfWeek = Date.UTC(
      now.getUTCFullYear(),
      now.getUTCMonth(),
      now.getUTCDate() + 7 - ((now.getUTCDay() + 6) % 7),
    );
    const at = (offsetMs: number) => iso(endOfWeek + offsetMs);
    const plan = (dueAt: string, assignee: SignedIn) =>
      schedule(team.client, { customerId: customer.id, dueAt, assigneeId: assignee.memberId });

    const later = await plan(at(-3_600_000), teammate);
    const sooner = await plan(at(-7_200_000), teammate);
    await plan(at(-5_400_000), team); // someone else's
    await plan(at(DAY), teammate); // next week
    const done = await plan(at(-9_000_000), teammate);
    await teammate.client.ok(COMPLETE, { id: done.id, input: { summary: 'Caught up' } });
    const skipped = await plan(at(-9_500_000), teammate);
    await teammate.client.ok(SKIP, { id: skipped.id, reason: 'On holiday' });

    const data = await teammate.client.ok(CHECK_INS, {
      assigneeId: teammate.memberId,
      dueBefore: iso(endOfWeek),
    });
    expect(data.checkIns.totalCount).toBe(2);
    expect(data.checkIns.edges.map((e: any) => e.node)).toEqual([
      { id: sooner.id, dueAt: sooner.dueAt, status: 'PLANNED', assignee: { id: teammate.memberId } },
      { id: later.id, dueAt: later.dueAt, status: 'PLANNED', assignee: { id: teammate.memberId } },
    ]);
    const closed = await teammate.client.ok(CHECK_INS, { assigneeId: teammate.memberId, status: 'DONE' });
    expect(closed.checkIns.edges.map((e: any) => e.node.id)).toEqual([done.id]);
  });

  it('pages checkIns with first/after, and refuses a bad cursor', async () => {
    const team = await signUpOwner(t, 'Paging Bakery');
    const customer = await newCustomer(team.client);
    const same = daysAhead(2);
    const planned = [];
    for (const dueAt of [daysAhead(5), same, daysAhead(1), same, daysAhead(9)]) {
      planned.push(await schedule(team.client, { customerId: customer.id, dueAt }));
    }
    const expected = [...planned]
      .sort((x, y) => ms(x.dueAt) - ms(y.dueAt) || (x.id < y.id ? -1 : 1))
      .map((k) => k.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await team.client.ok(CHECK_INS, { first: 2, after });
      const page = data.checkIns as PageOf<{ id: string }>;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
    for (const bad of ['garbage!', cursor.encode([daysAhead(1), 'not-a-uuid'])]) {
      expectBadInput(await team.client.gql(CHECK_INS, { first: 2, after: bad }), 'after');
    }
  });

  describe('completeCheckIn', () => {
    it('logs a RELATIONSHIP contact by the caller, resets the clock and closes the check-in', async () => {
      const customer = await newCustomer(owner.client);
      await log(
        owner.client,
        contact(customer.id, { purpose: 'SALES', channel: 'EMAIL', occurredAt: daysAgo(40) }),
      );
      const before = await clockOf(owner.client, customer.id);
      expect(before.lastRelationshipContactAt).toBeNull();
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });

      const sentAt = Date.now();
      const done = (await staff.client.ok(COMPLETE, { id: planned.id, input: { summary: 'Had coffee' } }))
        .completeCheckIn;
      const answeredAt = Date.now();
      expect(done).toMatchObject({
        id: planned.id,
        status: 'DONE',
        interaction: {
          purpose: 'RELATIONSHIP',
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          sentiment: 0,
          summary: 'Had coffee',
          member: { id: staff.memberId },
        },
      });
      expect(ms(done.closedAt)).toBeGreaterThanOrEqual(sentAt);
      expect(ms(done.closedAt)).toBeLessThanOrEqual(answeredAt);

      const clock = await clockOf(owner.client, customer.id);
      expect(clock.lastRelationshipContactAt).toBe(done.interaction.occurredAt);
      expect(clock.nextCheckInDueAt).toBe(plusDays(done.interaction.occurredAt, 30));
      expect(clock.checkInOverdue).toBe(false);
      const { rows } = await t.admin.query('select status, interaction_id from check_ins where id = $1', [
        planned.id,
      ]);
      expect(rows[0]).toEqual({ status: 'DONE', interaction_id: done.interaction.id });
    });

    it('uses OTHER when the customer has no interactions and no channel is given', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      const done = await owner.client.ok(COMPLETE, { id: planned.id, input: { summary: 'Quick chat' } });
      expect(done.completeCheckIn.interaction.channel).toBe('OTHER');
    });

    it('takes the details given: channel, sentiment, direction, time', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      const occurredAt = daysAgo(1);
      const done = await owner.client.ok(COMPLETE, {
        id: planned.id,
        input: { summary: 'Rang back', channel: 'PHONE', direction: 'INBOUND', sentiment: 2, occurredAt },
      });
      expect(done.completeCheckIn.interaction).toMatchObject({
        channel: 'PHONE',
        direction: 'INBOUND',
        sentiment: 2,
        occurredAt,
      });
      expect((await clockOf(owner.client, customer.id)).lastRelationshipContactAt).toBe(occurredAt);
    });

    it('refuses bad contact details and writes nothing', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      for (const [field, input] of [
        ['summary', { summary: '  ' }],
        ['sentiment', { summary: 'Hi', sentiment: 5 }],
        ['occurredAt', { summary: 'Hi', occurredAt: daysAhead(1) }],
      ] as const) {
        const result = await writesNothing(() => owner.client.gql(COMPLETE, { id: planned.id, input }));
        expectBadInput(result, field);
      }
    });

    it('answers CONFLICT when already closed, and changes nothing', async () => {
      const customer = await newCustomer(owner.client);
      const first = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      await owner.client.ok(COMPLETE, { id: first.id, input: { summary: 'Done once' } });
      const second = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(2) });
      await owner.client.ok(SKIP, { id: second.id, reason: 'Busy week' });
      for (const id of [first.id, second.id]) {
        const completing = await writesNothing(() =>
          owner.client.gql(COMPLETE, { id, input: { summary: 'Done twice' } }),
        );
        expect(code(completing)).toBe('CONFLICT');
        const skipping = await writesNothing(() => owner.client.gql(SKIP, { id, reason: 'Again' }));
        expect(code(skipping)).toBe('CONFLICT');
      }
    });

    it('lets only one of two racing completions through; the other is a CONFLICT', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      const complete = (client: GqlClient) => () =>
        client.gql(COMPLETE, { id: planned.id, input: { summary: 'Raced' } });
      const results = await raceOnWrite(t.admin, 'check_ins', [
        complete(owner.client),
        complete(staff.client),
      ]);
      expect(results.map((r) => code(r) ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      expect(await interactionRows(customer.id)).toHaveLength(1);
    });

    it("uses a touchpoint's channel, and refuses a foreign touchpoint or a clashing channel", async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      const foreign = await newTouchpoint(other.client, 'WEB');
      const notFound = await writesNothing(() =>
        owner.client.gql(COMPLETE, { id: planned.id, input: { summary: 'Hi', touchpointId: foreign.id } }),
      );
      expect(code(notFound)).toBe('NOT_FOUND');
      const touchpoint = await newTouchpoint(owner.client, 'EVENT');
      const clash = await writesNothing(() =>
        owner.client.gql(COMPLETE, {
          id: planned.id,
          input: { summary: 'Hi', touchpointId: touchpoint.id, channel: 'PHONE' },
        }),
      );
      expectBadInput(clash, 'channel');
      const done = await owner.client.ok(COMPLETE, {
        id: planned.id,
        input: { summary: 'Met at the fair', touchpointId: touchpoint.id },
      });
      expect(done.completeCheckIn).toMatchObject({ status: 'DONE', interaction: { channel: 'EVENT' } });
    });

    it("answers NOT_FOUND for another workspace's or an unknown check-in", async () => {
      const foreign = await newCustomer(other.client);
      const theirs = await schedule(other.client, { customerId: foreign.id, dueAt: daysAhead(1) });
      for (const id of [theirs.id, randomUUID(), 'nope']) {
        const result = await writesNothing(() =>
          owner.client.gql(COMPLETE, { id, input: { summary: 'Hi' } }),
        );
        expect(code(result)).toBe('NOT_FOUND');
        expect(code(await writesNothing(() => owner.client.gql(SKIP, { id, reason: 'x' })))).toBe(
          'NOT_FOUND',
        );
      }
    });
  });

  describe('skipCheckIn', () => {
    it('needs a non-blank reason', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(owner.client, { customerId: customer.id, dueAt: daysAhead(1) });
      for (const reason of ['', '   ']) {
        const result = await writesNothing(() => staff.client.gql(SKIP, { id: planned.id, reason }));
        expectBadInput(result, 'reason');
      }
    });

    it('closes it as SKIPPED without touching the clock, and it shows on the timeline', async () => {
      const customer = await newCustomer(owner.client);
      const planned = await schedule(staff.client, { customerId: customer.id, dueAt: daysAhead(1) });
      const before = await clockOf(owner.client, customer.id);
      const skipped = (await staff.client.ok(SKIP, { id: planned.id, reason: '  Customer is travelling ' }))
        .skipCheckIn;
      expect(skipped).toMatchObject({
        status: 'SKIPPED',
        skipReason: 'Customer is travelling',
        interaction: null,
      });
      expect(skipped.closedAt).not.toBeNull();
      expect(await clockOf(owner.client, customer.id)).toEqual(before);
      expect(await interactionRows(customer.id)).toHaveLength(0);

      const timeline = await timelinePage(owner.client, customer.id, 10);
      expect(timeline.totalCount).toBe(1);
      expect(timeline.edges.map((e) => e.node)).toEqual([
        {
          __typename: 'CheckIn',
          id: planned.id,
          status: 'SKIPPED',
          skipReason: 'Customer is travelling',
          closedAt: skipped.closedAt,
        },
      ]);
      const stillPlanned = await owner.client.ok(CUSTOMER_CHECK_INS, { id: customer.id });
      expect(stillPlanned.customer.checkIns.totalCount).toBe(0);
    });
  });
});

describe('Customer.timeline', () => {
  let owner: SignedIn;
  let customerId: string;
  let all: TimelineNode[];
  let completedInteractionId: string;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    customerId = (await newCustomer(owner.client)).id;
    const same = daysAgo(4);
    for (const occurredAt of [daysAgo(9), same, same, daysAgo(2)]) {
      await log(owner.client, contact(customerId, { occurredAt, purpose: 'SERVICE' }));
    }
    for (const reason of ['Closed for stocktake', 'Customer asked to wait']) {
      const planned = await schedule(owner.client, { customerId, dueAt: daysAhead(1) });
      await owner.client.ok(SKIP, { id: planned.id, reason });
    }
    const planned = await schedule(owner.client, { customerId, dueAt: daysAhead(1) });
    const done = await owner.client.ok(COMPLETE, {
      id: planned.id,
      input: { summary: 'Checked in', occurredAt: daysAgo(1) },
    });
    completedInteractionId = done.completeCheckIn.interaction.id;
    await schedule(owner.client, { customerId, dueAt: daysAhead(3) }); // still planned: not history
    all = (await timelinePage(owner.client, customerId, 100)).edges.map((e) => e.node);
  });

  const atOf = (node: TimelineNode) =>
    ms(
      node.__typename === 'Interaction'
        ? node.occurredAt
        : node.__typename === 'CheckIn'
          ? node.closedAt
          : node.createdAt,
    );

  it('merges interactions and skipped check-ins, newest first; a completed check-in appears once', async () => {
    const page = await timelinePage(owner.client, customerId, 100);
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(all.filter((n) => n.__typename === 'Interaction')).toHaveLength(5);
    expect(all.filter((n) => n.__typename === 'CheckIn').map((n) => (n as any).status)).toEqual([
      'SKIPPED',
      'SKIPPED',
    ]);
    expect(all.filter((n) => n.id === completedInteractionId)).toHaveLength(1);
    const times = all.map(atOf);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The skipped check-ins (closed just now) are newer than every contact logged in the past.
    expect(all.slice(0, 2).map((n) => n.__typename)).toEqual(['CheckIn', 'CheckIn']);
  });

  it('pages stably across both kinds', async () => {
    for (const size of [1, 2, 3]) {
      const seen: TimelineNode[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await timelinePage(owner.client, customerId, size, after);
        expect(page.totalCount).toBe(7);
        expect(page.edges.length).toBeLessThanOrEqual(size);
        seen.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(all);
    }
  });

  it("shows the customer's friction points too, by when they were raised", async () => {
    const other = (await newCustomer(owner.client)).id;
    await owner.client.ok(
      `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`,
      { input: { customerId: other, description: 'Invoice was wrong twice', severity: 2 } },
    );
    await log(owner.client, contact(other, { occurredAt: daysAgo(3) }));
    const nodes = (await timelinePage(owner.client, other, 10)).edges.map((e) => e.node);
    expect(nodes.map((n) => n.__typename)).toEqual(['FrictionPoint', 'Interaction']);
    expect(nodes[0]).toMatchObject({ description: 'Invoice was wrong twice' });
  });

  it('pages through entries that share an instant finer than a millisecond without skipping any', async () => {
    // An audit's submission raises its friction points in one transaction: one now(), to the microsecond.
    const shared = (await newCustomer(owner.client)).id;
    const raised: string[] = [];
    for (const description of ['Door sticks', 'Queue too long', 'Card reader down']) {
      const data = await owner.client.ok(
        `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { id } }`,
        { input: { customerId: shared, description, severity: 1 } },
      );
      raised.push(data.raiseFrictionPoint.id);
    }
    await t.admin.query(
      `update friction_points set created_at = '2026-01-05 10:00:00.123456+00' where id = any($1)`,
      [raised],
    );
    const seen: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const page = await timelinePage(owner.client, shared, 1, after);
      seen.push(...page.edges.map((e) => (e.node as { id: string }).id));
      after = page.pageInfo.endCursor;
      more = page.pageInfo.hasNextPage;
    }
    expect(seen.sort()).toEqual([...raised].sort());
  });

  it("pages a customer's interactions sharing an instant finer than a millisecond without skipping any", async () => {
    const shared = (await newCustomer(owner.client)).id;
    const logged: string[] = [];
    for (let i = 0; i < 3; i++) logged.push((await log(owner.client, contact(shared))).id);
    await t.admin.query(
      `update interactions set occurred_at = '2026-01-05 10:00:00.123456+00' where id = any($1)`,
      [logged],
    );
    const seen: string[] = [];
    for (let after: string | null = null, more = true; more; ) {
      const data: { customer: { interactions: PageOf<{ id: string }> } } = await owner.client.ok(
        `query($id: ID!, $after: String) { customer(id: $id) { interactions(first: 1, after: $after) {
          pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { id: shared, after },
      );
      const page = data.customer.interactions;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.endCursor;
      more = page.pageInfo.hasNextPage;
    }
    expect(seen.sort()).toEqual([...logged].sort());
  });

  it('refuses a bad cursor as BAD_USER_INPUT on `after`', async () => {
    const forged = cursor.encode([daysAgo(1), 'interaction', 'not-a-uuid']);
    for (const after of ['garbage!', cursor.encode([daysAgo(1), 'interaction']), forged]) {
      const result = await owner.client.gql(TIMELINE, { id: customerId, first: 2, after });
      expectBadInput(result, 'after');
    }
  });
});
