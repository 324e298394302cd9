import { setTimeout as sleep } from 'node:timers/promises';
import {
  bandOf,
  type HealthFacts,
  type HealthInteractionFact,
  health,
  lastRelationshipContactAt,
  nextCheckInDueAt,
} from '@rapport/domain';
import { createApp, stopApp } from '../src/app';
import { Random } from '../src/demo/random';
import { createLogger } from '../src/logger';
import { CustomerStateService } from '../src/modules/relationship-health/customer-state.service';
import { REFRESH_HEALTH_QUEUE } from '../src/modules/relationship-health/health-jobs';
import {
  addMember,
  code,
  fields,
  type GqlClient,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
  testConfig,
} from './support/harness';
import { sqlSentDuring } from './support/sql-sent';

const DAY = 86_400_000;
const HEALTH = 'health { score band trend factors { key value points explanation } nextBestAction }';
const CUSTOMER = `query($id: ID!) { customer(id: $id) {
  id ${HEALTH} lastRelationshipContactAt nextCheckInDueAt checkInOverdue cadenceDays
} }`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id ${HEALTH} } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const PAGE = `query($first: Int, $after: String, $orderBy: CustomerOrder, $filter: CustomerFilter) {
  customers(first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;
const SUMMARY = '{ healthSummary { healthy watch atRisk averageScore checkInsOverdue } }';
const PURPOSES = ['SALES', 'SERVICE', 'SUPPORT', 'RELATIONSHIP'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Seeded chance (the demo's mulberry32), so a failing history can be replayed. */
function random(seed: number) {
  const rng = new Random(seed);
  return () => rng.next();
}

async function createCustomer(client: GqlClient, input: Record<string, unknown> = {}): Promise<string> {
  const data = await client.ok(CREATE, { input: { name: 'Carla Customer', ...input } });
  return data.createCustomer.id;
}

interface Contact {
  daysAgo: number;
  purpose: (typeof PURPOSES)[number];
  sentiment: number;
}

async function log(client: GqlClient, customerId: string, contact: Contact, now = Date.now()) {
  await client.ok(LOG, {
    input: {
      customerId,
      channel: 'PHONE',
      direction: 'OUTBOUND',
      purpose: contact.purpose,
      sentiment: contact.sentiment,
      summary: 'How are things?',
      occurredAt: new Date(now - contact.daysAgo * DAY).toISOString(),
    },
  });
}

async function readHealth(client: GqlClient, id: string) {
  return (await client.ok(CUSTOMER, { id })).customer;
}

/** The customer as stored, and its health as the domain computes it from ALL its interactions. */
async function expectedHealth(customerId: string) {
  const {
    rows: [row],
  } = await t.admin.query(
    `select c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days, c.health_as_of,
            c.health_score, c.health_band, c.health, c.next_check_in_due_at, c.last_relationship_contact_at
       from customers c join workspaces w on w.id = c.workspace_id where c.id = $1`,
    [customerId],
  );
  const { rows } = await t.admin.query(
    'select occurred_at, purpose, sentiment from interactions where customer_id = $1',
    [customerId],
  );
  const interactions: HealthInteractionFact[] = rows.map((r) => ({
    occurredAt: r.occurred_at,
    purpose: r.purpose,
    sentiment: Number(r.sentiment),
  }));
  const facts: HealthFacts = {
    createdAt: row.created_at,
    cadenceDays: row.cadence_days,
    interactions,
    feedback: [],
    frictionPoints: [],
  };
  const asOf: Date = row.health_as_of;
  return { row, facts, asOf, health: health(facts, asOf) };
}

describe('a customer’s health', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Health Bakery');
  });

  it('is neutral for a new customer: 50, WATCH, every factor explained', async () => {
    const data = await owner.client.ok(CREATE, { input: { name: 'Nina New' } });
    const stored = data.createCustomer.health;
    expect(stored).toMatchObject({ score: 50, band: 'WATCH', trend: 0 });
    expect(stored.factors.map((f: { key: string }) => f.key)).toEqual([
      'recency',
      'balance',
      'sentiment',
      'feedback',
      'friction',
    ]);
    for (const factor of stored.factors) expect(factor.explanation).toEqual(expect.stringMatching(/\S/));
    expect(stored.nextBestAction).toEqual(expect.stringMatching(/\S/));
    const expected = await expectedHealth(data.createCustomer.id);
    expect(expected.asOf).toBeInstanceOf(Date);
    expect(stored).toEqual(expected.health);
  });

  it('after a few chosen interactions, equals health(facts, asOf) to the point', async () => {
    const id = await createCustomer(owner.client);
    const contacts: Contact[] = [
      { daysAgo: 50, purpose: 'SALES', sentiment: -2 },
      { daysAgo: 20, purpose: 'RELATIONSHIP', sentiment: 2 },
      { daysAgo: 3, purpose: 'SUPPORT', sentiment: -1 },
    ];
    for (const contact of contacts) await log(owner.client, id, contact);
    const customer = await readHealth(owner.client, id);
    const expected = await expectedHealth(id);
    expect(customer.health).toEqual(expected.health);
    expect(customer.health.score).not.toBe(50);
    expect(expected.row).toMatchObject({
      health_score: expected.health.score,
      health_band: expected.health.band,
    });
    const last = lastRelationshipContactAt(expected.facts.interactions)!;
    expect(Date.parse(customer.lastRelationshipContactAt)).toBe(last.getTime());
    expect(Date.parse(customer.nextCheckInDueAt)).toBe(last.getTime() + 30 * DAY);
  });

  it.each([1, 2, 3])(
    'over a random 400-day history of 40 interactions (seed %i), equals health(all facts, asOf), trend included',
    async (seed) => {
      const next = random(seed);
      const id = await createCustomer(owner.client);
      // Created long ago, so the trend's earlier date is scored with its own (older) facts.
      await t.admin.query(`update customers set created_at = now() - interval '420 days' where id = $1`, [
        id,
      ]);
      const now = Date.now();
      const contacts: Contact[] = [];
      for (let i = 0; i < 40; i++) {
        // Some share the exact instant of an earlier one: ties at the last-10 boundary must be kept.
        const repeat = contacts.length > 0 && next() < 0.15;
        contacts.push({
          daysAgo: repeat ? contacts[Math.floor(next() * contacts.length)]!.daysAgo : next() * 400,
          purpose: PURPOSES[Math.floor(next() * PURPOSES.length)]!,
          sentiment: Math.floor(next() * 5) - 2,
        });
      }
      for (const contact of contacts) await log(owner.client, id, contact, now);
      const customer = await readHealth(owner.client, id);
      const expected = await expectedHealth(id);
      expect(expected.facts.interactions).toHaveLength(40);
      expect(customer.health).toEqual(expected.health);
      expect(expected.row.health).toEqual(expected.health);
    },
  );

  it('keeps the last-10 and last-relationship facts exact when nothing is recent', async () => {
    // Everything older than the sentiment window plus the trend: only the laterals can find it.
    const id = await createCustomer(owner.client, { cadenceDays: 60 });
    await t.admin.query(`update customers set created_at = now() - interval '500 days' where id = $1`, [id]);
    await log(owner.client, id, { daysAgo: 300, purpose: 'RELATIONSHIP', sentiment: 1 });
    for (let i = 0; i < 12; i++) {
      await log(owner.client, id, {
        daysAgo: 130 + i,
        purpose: i % 3 === 0 ? 'SERVICE' : 'SALES',
        sentiment: 0,
      });
    }
    const customer = await readHealth(owner.client, id);
    const expected = await expectedHealth(id);
    expect(customer.health).toEqual(expected.health);
    expect(Date.parse(customer.lastRelationshipContactAt)).toBe(
      lastRelationshipContactAt(expected.facts.interactions)!.getTime(),
    );
  });

  it('stays exact when many writes about one customer run at once, with no deadlock', async () => {
    // Each write inserts a row referencing the customer (a key-share lock on it) before its
    // refresh locks the customer: the refresh's lock must not wait on the others' key-share locks.
    const id = await createCustomer(owner.client);
    const contacts: Contact[] = Array.from({ length: 12 }, (_, i) => ({
      daysAgo: i * 3,
      purpose: PURPOSES[i % PURPOSES.length]!,
      sentiment: (i % 5) - 2,
    }));
    const answers = await Promise.all([
      ...contacts.map((contact) =>
        owner.client.gql(LOG, {
          input: {
            customerId: id,
            channel: 'PHONE',
            direction: 'OUTBOUND',
            purpose: contact.purpose,
            sentiment: contact.sentiment,
            summary: 'At the same time',
            occurredAt: new Date(Date.now() - contact.daysAgo * DAY).toISOString(),
          },
        }),
      ),
      owner.client.gql(`mutation($id: ID!) { updateCustomer(id: $id, input: { cadenceDays: 45 }) { id } }`, {
        id,
      }),
    ]);
    expect(answers.map((a) => a.errors)).toEqual(answers.map(() => undefined));
    const customer = await readHealth(owner.client, id);
    const expected = await expectedHealth(id);
    expect(expected.facts.interactions).toHaveLength(contacts.length);
    expect(customer.health).toEqual(expected.health);
    expect(customer.cadenceDays).toBe(45);
  });
});

describe('the band filter and the health orders, across the whole workspace', () => {
  let owner: SignedIn;
  let ids: string[];
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Order Bakery');
    const next = random(42);
    ids = [];
    for (let c = 0; c < 30; c++) {
      const id = await createCustomer(owner.client, { name: `Customer ${c}` });
      ids.push(id);
      // A third keep no history (a tie at 50, broken by id); the rest get 1-4 contacts.
      if (c % 3 === 0) continue;
      const count = 1 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        await log(owner.client, id, {
          daysAgo: next() * 120,
          purpose: PURPOSES[Math.floor(next() * PURPOSES.length)]!,
          sentiment: Math.floor(next() * 5) - 2,
        });
      }
    }
  });

  async function stored() {
    const { rows } = await t.admin.query<{ id: string; score: number; band: string }>(
      `select id, health_score as score, health_band as band from customers
        where workspace_id = $1 and status = 'ACTIVE'`,
      [owner.workspaceId],
    );
    return rows;
  }

  async function walk(variables: Record<string, unknown>) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const page: any = (await owner.client.ok(PAGE, { ...variables, first: 7, after })).customers;
      seen.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!page.pageInfo.hasNextPage) return { ids: seen, totalCount: page.totalCount };
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it('has customers in more than one band and with many scores', async () => {
    const rows = await stored();
    expect(rows).toHaveLength(30);
    expect(new Set(rows.map((r) => r.band)).size).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.score)).size).toBeGreaterThan(5);
    for (const row of rows) expect(row.band).toBe(bandOf(row.score));
  });

  it('orders HEALTH_ASC by score, then id, over every page', async () => {
    const rows = await stored();
    const { ids: walked } = await walk({ orderBy: 'HEALTH_ASC' });
    expect(walked).toEqual([...rows].sort((a, b) => a.score - b.score || byId(a, b)).map((r) => r.id));
  });

  it('orders HEALTH_DESC by score, then id, over every page', async () => {
    const rows = await stored();
    const { ids: walked } = await walk({ orderBy: 'HEALTH_DESC' });
    expect(walked).toEqual([...rows].sort((a, b) => b.score - a.score || byId(b, a)).map((r) => r.id));
  });

  it('orders NEXT_CHECK_IN_DUE by due date, then id, over every page', async () => {
    const { rows } = await t.admin.query<{ id: string; due: Date }>(
      `select id, next_check_in_due_at as due from customers where workspace_id = $1`,
      [owner.workspaceId],
    );
    const { ids: walked } = await walk({ orderBy: 'NEXT_CHECK_IN_DUE' });
    expect(walked).toEqual(
      [...rows].sort((a, b) => a.due.getTime() - b.due.getTime() || byId(a, b)).map((r) => r.id),
    );
  });

  it.each(['HEALTHY', 'WATCH', 'AT_RISK'])(
    'filters band %s over every page, in HEALTH_ASC order, matching healthSummary',
    async (band) => {
      const rows = (await stored()).filter((r) => r.band === band);
      const { ids: walked, totalCount } = await walk({ orderBy: 'HEALTH_ASC', filter: { band } });
      expect(walked).toEqual([...rows].sort((a, b) => a.score - b.score || byId(a, b)).map((r) => r.id));
      expect(totalCount).toBe(rows.length);
      const summary = (await owner.client.ok(SUMMARY)).healthSummary;
      expect(summary[{ HEALTHY: 'healthy', WATCH: 'watch', AT_RISK: 'atRisk' }[band]!]).toBe(rows.length);
    },
  );
});

describe('healthSummary', () => {
  it('counts bands, the average score and overdue check-ins over active customers only', async () => {
    const owner = await signUpOwner(t, 'Summary Bakery');
    // Overdue: a relationship contact 3 days ago on a 1-day cadence.
    const overdue = await createCustomer(owner.client, { cadenceDays: 1 });
    await log(owner.client, overdue, { daysAgo: 3, purpose: 'RELATIONSHIP', sentiment: 2 });
    const upset = await createCustomer(owner.client);
    await log(owner.client, upset, { daysAgo: 1, purpose: 'SALES', sentiment: -2 });
    await log(owner.client, upset, { daysAgo: 0.5, purpose: 'SUPPORT', sentiment: -2 });
    const happy = await createCustomer(owner.client);
    await log(owner.client, happy, { daysAgo: 2, purpose: 'RELATIONSHIP', sentiment: 2 });
    await createCustomer(owner.client);
    // Archived, overdue and at a score of its own: it must count nowhere.
    const archived = await createCustomer(owner.client, { cadenceDays: 1 });
    await log(owner.client, archived, { daysAgo: 5, purpose: 'RELATIONSHIP', sentiment: -2 });
    await owner.client.ok('mutation($id: ID!) { archiveCustomer(id: $id) { id } }', { id: archived });

    const { rows } = await t.admin.query(
      `select status, health_score as score, health_band as band, next_check_in_due_at < now() as overdue
         from customers where workspace_id = $1`,
      [owner.workspaceId],
    );
    const active = rows.filter((r) => r.status === 'ACTIVE');
    const count = (list: typeof rows, band: string) => list.filter((r) => r.band === band).length;
    const expected = {
      healthy: count(active, 'HEALTHY'),
      watch: count(active, 'WATCH'),
      atRisk: count(active, 'AT_RISK'),
      averageScore: active.reduce((sum, r) => sum + r.score, 0) / active.length,
      checkInsOverdue: active.filter((r) => r.overdue).length,
    };
    expect(expected.checkInsOverdue).toBe(1);
    expect(expected.healthy + expected.watch + expected.atRisk).toBe(4);
    expect(rows.find((r) => r.status === 'ARCHIVED')).toMatchObject({ overdue: true });
    expect(rows.reduce((sum, r) => sum + r.score, 0) / rows.length).not.toBe(expected.averageScore);
    expect((await owner.client.ok(SUMMARY)).healthSummary).toEqual(expected);
  });

  it('answers zeros and a null average for a workspace without customers', async () => {
    const owner = await signUpOwner(t, 'Empty Bakery');
    expect((await owner.client.ok(SUMMARY)).healthSummary).toEqual({
      healthy: 0,
      watch: 0,
      atRisk: 0,
      averageScore: null,
      checkInsOverdue: 0,
    });
  });
});

describe('healthTrend', () => {
  const TREND = 'query($days: Int) { healthTrend(days: $days) { day averageScore healthy watch atRisk } }';
  const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);

  it('answers one point per day of the last `days` from the daily snapshots, oldest first', async () => {
    const owner = await signUpOwner(t, 'Trend Bakery');
    const [c1, c2, c3] = [
      await createCustomer(owner.client),
      await createCustomer(owner.client),
      await createCustomer(owner.client),
    ];
    const archived = await createCustomer(owner.client);
    await owner.client.ok('mutation($id: ID!) { archiveCustomer(id: $id) { id } }', { id: archived });
    const snapshot = (customerId: string, daysAgo: number, score: number) =>
      t.admin.query(
        `insert into health_snapshots (workspace_id, customer_id, day, score, band) values ($1, $2, $3, $4, $5)`,
        [owner.workspaceId, customerId, dayOf(daysAgo), score, bandOf(score)],
      );
    await snapshot(c1!, 6, 90); // just outside the last 6 days
    await snapshot(c1!, 5, 80);
    await snapshot(c2!, 5, 30);
    await snapshot(c3!, 5, 55);
    await snapshot(archived, 5, 10); // archived: not counted
    await snapshot(c2!, 1, 45);

    const { healthTrend } = await owner.client.ok(TREND, { days: 6 });
    expect(healthTrend).toEqual([
      { day: dayOf(5), averageScore: (80 + 30 + 55) / 3, healthy: 1, watch: 1, atRisk: 1 },
      { day: dayOf(1), averageScore: 45, healthy: 0, watch: 1, atRisk: 0 },
      { day: dayOf(0), averageScore: 50, healthy: 0, watch: 3, atRisk: 0 },
    ]);
    const { healthTrend: longer } = await owner.client.ok(TREND, { days: 7 });
    expect(longer[0]).toEqual({ day: dayOf(6), averageScore: 90, healthy: 1, watch: 0, atRisk: 0 });
    expect(longer).toHaveLength(4);
  });

  it('takes a customer archived after a day was summed out of that day', async () => {
    const owner = await signUpOwner(t, 'Closed Day Bakery');
    const [kept, leaving] = [await createCustomer(owner.client), await createCustomer(owner.client)];
    for (const [customerId, score] of [
      [kept, 80],
      [leaving, 20],
    ] as const) {
      await t.admin.query(
        `insert into health_snapshots (workspace_id, customer_id, day, score, band) values ($1, $2, $3, $4, $5)`,
        [owner.workspaceId, customerId, dayOf(2), score, bandOf(score)],
      );
    }
    const before = (await owner.client.ok(TREND, { days: 3 })).healthTrend;
    expect(before[0]).toEqual({ day: dayOf(2), averageScore: 50, healthy: 1, watch: 0, atRisk: 1 });

    await owner.client.ok('mutation($id: ID!) { archiveCustomer(id: $id) { id } }', { id: leaving });
    const after = (await owner.client.ok(TREND, { days: 3 })).healthTrend;
    expect(after[0]).toEqual({ day: dayOf(2), averageScore: 80, healthy: 1, watch: 0, atRisk: 0 });
    const [summed] = (
      await t.admin.query(`select customers from health_days where workspace_id = $1 and day = $2`, [
        owner.workspaceId,
        dayOf(2),
      ])
    ).rows;
    expect(summed).toEqual({ customers: 1 });
  });

  it.each([0, 367, -1])('refuses days: %i with BAD_USER_INPUT on `days`', async (days) => {
    const owner = await signUpOwner(t, 'Bad Trend Bakery');
    const result = await owner.client.gql(TREND, { days });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['days']);
  });
});

describe('contactMix', () => {
  const MIX = `query($days: Int) { contactMix(days: $days) {
    member { id name } relationship total relationshipShare
  } }`;

  it("counts each member's relationship and total contacts in the period, and the share", async () => {
    const owner = await signUpOwner(t, 'Mix Bakery');
    const staff = await addMember(t, owner, 'STAFF');
    const id = await createCustomer(owner.client);
    await log(staff.client, id, { daysAgo: 2, purpose: 'RELATIONSHIP', sentiment: 1 });
    await log(staff.client, id, { daysAgo: 40, purpose: 'RELATIONSHIP', sentiment: 0 });
    await log(staff.client, id, { daysAgo: 80, purpose: 'SALES', sentiment: 0 });
    await log(staff.client, id, { daysAgo: 100, purpose: 'RELATIONSHIP', sentiment: 0 }); // outside 90 days
    await log(owner.client, id, { daysAgo: 95, purpose: 'SALES', sentiment: 0 }); // outside 90 days

    expect((await owner.client.ok(MIX)).contactMix).toEqual([
      {
        member: { id: owner.memberId, name: 'Olive Owner' },
        relationship: 0,
        total: 0,
        relationshipShare: null,
      },
      {
        member: { id: staff.memberId, name: 'Sam Staff' },
        relationship: 2,
        total: 3,
        relationshipShare: 2 / 3,
      },
    ]);
    expect((await owner.client.ok(MIX, { days: 120 })).contactMix).toEqual([
      expect.objectContaining({ relationship: 0, total: 1, relationshipShare: 0 }),
      expect.objectContaining({ relationship: 3, total: 4, relationshipShare: 3 / 4 }),
    ]);

    // Logged today about a day already counted, and today itself: both count at once.
    await log(owner.client, id, { daysAgo: 40, purpose: 'RELATIONSHIP', sentiment: 0 });
    await log(owner.client, id, { daysAgo: 0, purpose: 'SALES', sentiment: 0 });
    expect((await owner.client.ok(MIX)).contactMix[0]).toMatchObject({ relationship: 1, total: 2 });
  });

  it("counts today as contacts are logged, a member's concurrent writes included, and keeps the count when the day closes", async () => {
    const owner = await signUpOwner(t, 'Busy Day Bakery');
    const ids = [await createCustomer(owner.client), await createCustomer(owner.client)];
    await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        log(owner.client, ids[n % 2] as string, {
          daysAgo: 0,
          purpose: n < 4 ? 'SALES' : 'RELATIONSHIP',
          sentiment: 1,
        }),
      ),
    );
    const todays = { relationship: 8, total: 12 };
    expect((await owner.client.ok(MIX, { days: 1 })).contactMix).toEqual([expect.objectContaining(todays)]);
    const counted = `select day - (now() at time zone 'UTC')::date as day, relationship, total
                       from contact_days where workspace_id = $1`;
    expect((await t.admin.query(counted, [owner.workspaceId])).rows).toEqual([{ day: 0, ...todays }]);

    // Midnight passes (the day's contacts and counts move back a day), and a contact is logged late
    // for the day that closed: it adds to the day's count, which is read, not counted again.
    for (const moveBack of [
      `update interactions set occurred_at = occurred_at - interval '1 day' where workspace_id = $1`,
      'update contact_days set day = day - 1 where workspace_id = $1',
    ])
      await t.admin.query(moveBack, [owner.workspaceId]);
    await log(owner.client, ids[0] as string, { daysAgo: 1, purpose: 'RELATIONSHIP', sentiment: 1 });
    expect((await owner.client.ok(MIX, { days: 1 })).contactMix).toEqual([
      expect.objectContaining({ relationship: 0, total: 0 }),
    ]);
    expect((await owner.client.ok(MIX, { days: 2 })).contactMix).toEqual([
      expect.objectContaining({ relationship: 9, total: 13 }),
    ]);
    expect((await t.admin.query(counted, [owner.workspaceId])).rows).toEqual([
      { day: -1, relationship: 9, total: 13 },
    ]);
  });

  it("recount_contact_days_today() counts today's contacts from the interactions (after a load without triggers)", async () => {
    const owner = await signUpOwner(t, 'Reloaded Bakery');
    const id = await createCustomer(owner.client);
    await log(owner.client, id, { daysAgo: 0, purpose: 'RELATIONSHIP', sentiment: 1 });
    await log(owner.client, id, { daysAgo: 0, purpose: 'SALES', sentiment: 1 });
    const before = (await owner.client.ok(MIX, { days: 1 })).contactMix;
    expect(before).toEqual([expect.objectContaining({ relationship: 1, total: 2 })]);

    await t.admin.query('delete from contact_days where workspace_id = $1', [owner.workspaceId]);
    expect((await owner.client.ok(MIX, { days: 1 })).contactMix).toEqual([
      expect.objectContaining({ total: 0 }),
    ]);
    await t.admin.query('select recount_contact_days_today()');
    expect((await owner.client.ok(MIX, { days: 1 })).contactMix).toEqual(before);
  });

  it('is FORBIDDEN to STAFF', async () => {
    const owner = await signUpOwner(t, 'Mix Staff Bakery');
    const staff = await addMember(t, owner, 'STAFF');
    const result = await staff.client.gql(MIX);
    expect(code(result)).toBe('FORBIDDEN');
    expect(result.data?.contactMix ?? null).toBeNull();
  });
});

describe('time passing', () => {
  it('the scheduled pass recomputes the customers of workspaces not passed within the hour, writing only what changed', async () => {
    const owner = await signUpOwner(t, 'Clock Bakery');
    const aged = await createCustomer(owner.client);
    await log(owner.client, aged, { daysAgo: 1, purpose: 'RELATIONSHIP', sentiment: 2 });
    const steady = await createCustomer(owner.client);
    await log(owner.client, steady, { daysAgo: 1, purpose: 'RELATIONSHIP', sentiment: 2 });
    const elsewhere = await signUpOwner(t, 'Fresh Pass Bakery');
    const untouched = await createCustomer(elsewhere.client);
    await log(elsewhere.client, untouched, { daysAgo: 1, purpose: 'RELATIONSHIP', sentiment: 2 });
    const before = await expectedHealth(aged);
    const rowOf = async (id: string) =>
      (await t.admin.query('select * from customers where id = $1', [id])).rows[0];
    const [steadyBefore, untouchedBefore] = [await rowOf(steady), await rowOf(untouched)];

    // Meanwhile `aged`'s contact has aged to 70 days, and so has `untouched`'s, whose workspace had a
    // pass a minute ago; `steady` has not changed at all.
    await t.admin.query(
      `update interactions set occurred_at = occurred_at - interval '69 days' where customer_id = any($1)`,
      [[aged, untouched]],
    );
    await t.admin.query('delete from health_snapshots where customer_id = $1', [aged]);
    const staleBefore = new Date(Date.now() - 60 * 60 * 1000);
    await t.admin.query('update workspace_directory set health_refreshed_at = null');
    await t.admin.query(
      `update workspace_directory set health_refreshed_at = now() - interval '1 minute' where id = $1`,
      [elsewhere.workspaceId],
    );
    const { rows: due } = await t.admin.query(
      `select count(*)::int as n from customers c join workspace_directory d on d.id = c.workspace_id
        where d.health_refreshed_at is null`,
    );

    const started = Date.now();
    const refreshed = await t.app.get(CustomerStateService).refreshStale(staleBefore);
    expect(refreshed).toBe(due[0].n);

    const after = await expectedHealth(aged);
    expect(after.asOf.getTime()).toBeGreaterThanOrEqual(started);
    expect(after.row.health).toEqual(after.health);
    expect(after.health.score).toBeLessThan(before.health.score);
    expect((await readHealth(owner.client, aged)).health).toEqual(after.health);
    expect(after.row.next_check_in_due_at.getTime()).toBe(
      nextCheckInDueAt(after.facts.createdAt, after.row.last_relationship_contact_at, 30).getTime(),
    );
    expect(after.row.last_relationship_contact_at).toEqual(
      lastRelationshipContactAt(after.facts.interactions),
    );
    expect(after.row.next_check_in_due_at.getTime()).toBeLessThan(Date.now());
    // Recomputed but unchanged: not written, so its row (and health_as_of) is as it was.
    expect(await rowOf(steady)).toEqual(steadyBefore);
    // Its workspace's pass is recent: not recomputed (its moved contact unseen until the next one).
    expect(await rowOf(untouched)).toEqual(untouchedBefore);
    const { rows: snapshots } = await t.admin.query(
      `select score, band from health_snapshots where customer_id = $1 and day = (now() at time zone 'UTC')::date`,
      [aged],
    );
    expect(snapshots).toEqual([{ score: after.health.score, band: after.health.band }]);
    const { rows: passes } = await t.admin.query(
      'select health_refreshed_at >= $2 as passed from workspace_directory where id = $1',
      [owner.workspaceId, new Date(started)],
    );
    expect(passes).toEqual([{ passed: true }]);
  });

  it('an app with jobs on schedules the pass with pg-boss, catches up in a job after boot, and closes cleanly', async () => {
    const owner = await signUpOwner(t, 'Jobs Bakery');
    await createCustomer(owner.client);
    await t.admin.query(
      `update workspace_directory set health_refreshed_at = now() - interval '3 hours' where id = $1`,
      [owner.workspaceId],
    );
    const config = testConfig();
    const app = await createApp(config, t.url, createLogger('silent'), { jobs: true });
    let closed = false;
    try {
      await app.init();
      const { rows } = await t.admin.query('select name, cron from pgboss.schedule');
      expect(rows).toEqual([{ name: REFRESH_HEALTH_QUEUE, cron: '*/15 * * * *' }]);
      const { rows: queues } = await t.admin.query('select policy from pgboss.queue where name = $1', [
        REFRESH_HEALTH_QUEUE,
      ]);
      expect(queues).toEqual([{ policy: 'stately' }]);
      // The catch-up does not hold up the start: it is a job, which the app's worker runs soon after.
      const { rows: jobs } = await t.admin.query('select state from pgboss.job where name = $1', [
        REFRESH_HEALTH_QUEUE,
      ]);
      expect(jobs).toHaveLength(1);
      const isFresh = async () =>
        (
          await t.admin.query(
            `select health_refreshed_at > now() - interval '1 hour' as fresh from workspace_directory where id = $1`,
            [owner.workspaceId],
          )
        ).rows[0].fresh as boolean;
      while (!(await isFresh())) await sleep(100);
      await stopApp(app);
      closed = true;
    } finally {
      if (!closed) await stopApp(app);
    }
  });
});

describe('changing the default cadence', () => {
  it('recomputes health and the due date of customers on the default at once, not of the others', async () => {
    const owner = await signUpOwner(t, 'Cadence Bakery');
    const onDefault = await createCustomer(owner.client);
    const ownCadence = await createCustomer(owner.client, { cadenceDays: 30 });
    for (const id of [onDefault, ownCadence]) {
      await log(owner.client, id, { daysAgo: 20, purpose: 'RELATIONSHIP', sentiment: 1 });
    }
    const before = await expectedHealth(onDefault);
    const ownBefore = (await t.admin.query('select * from customers where id = $1', [ownCadence])).rows[0];

    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 7) { id } }');

    const after = await expectedHealth(onDefault);
    expect(after.facts.cadenceDays).toBe(7);
    expect(after.asOf.getTime()).toBeGreaterThan(before.asOf.getTime());
    expect(after.row.health).toEqual(after.health);
    expect(after.health.score).toBeLessThan(before.health.score);
    expect(after.row.next_check_in_due_at.getTime()).toBe(
      after.row.last_relationship_contact_at.getTime() + 7 * DAY,
    );
    const customer = await readHealth(owner.client, onDefault);
    expect(customer).toMatchObject({ cadenceDays: 7, checkInOverdue: true, health: after.health });
    expect((await t.admin.query('select * from customers where id = $1', [ownCadence])).rows[0]).toEqual(
      ownBefore,
    );
  });
});

describe('no N+1', () => {
  const LIST = `query($first: Int) { customers(first: $first) { edges { node {
    health { score band trend factors { key points explanation } nextBestAction }
    owner { name } lastRelationshipContactAt nextCheckInDueAt checkInOverdue
  } } } }`;

  it('a page of 50 customers costs as many SQL statements as a page of 5', async () => {
    const owner = await signUpOwner(t, 'Statement Bakery');
    const staff = await addMember(t, owner, 'STAFF');
    for (let i = 0; i < 50; i++) {
      await createCustomer(owner.client, {
        name: `Customer ${i}`,
        ownerId: i % 2 ? staff.memberId : owner.memberId,
      });
    }
    const statements = async (first: number) => {
      const { sent, result } = await sqlSentDuring(() => owner.client.ok(LIST, { first }));
      expect(result.customers.edges).toHaveLength(first);
      return sent.length;
    };
    await statements(5); // warm up (prepared state, pools)
    const five = await statements(5);
    const fifty = await statements(50);
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
  });

  it('a page showing next best actions reads them with the page, the same as the customer page shows', async () => {
    const owner = await signUpOwner(t, 'Advice Bakery');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await createCustomer(owner.client, { name: `Customer ${i}` }));
    await log(owner.client, ids[0] as string, { daysAgo: 40, purpose: 'SALES', sentiment: -2 });
    const page = (selection: string) =>
      owner.client.ok(
        `{ customers(first: 10, orderBy: NAME) { edges { node { id health { ${selection} } } } } }`,
      );
    const sent = async (selection: string) => {
      const { sent, result } = await sqlSentDuring(() => page(selection));
      return { data: result, count: sent.length };
    };
    await sent('score'); // warm up
    const plain = await sent('score');
    const advised = await sent('score nextBestAction');
    expect(advised.count).toBe(plain.count);
    for (const { node } of advised.data.customers.edges) {
      const { customer } = await owner.client.ok(CUSTOMER, { id: node.id });
      expect(node.health.nextBestAction).toBe(customer.health.nextBestAction);
    }
  });
});
