import { Random } from '../src/demo/random';
import { CustomerStateService } from '../src/modules/relationship-health/customer-state.service';
import { type GqlClient, type SignedIn, signUpOwner, startTestApp, type TestApp } from './support/harness';

/**
 * `customer_counts` answers the customers page's total and the health summary without reading every
 * customer. These tests hold it to the rows themselves after every kind of write the app makes, with
 * writes racing, and for due dates on either side of now within today.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BANDS = [null, 'HEALTHY', 'WATCH', 'AT_RISK'] as const;
const OVERDUE = [null, true, false] as const;
const STATUSES = ['ACTIVE', 'ARCHIVED'] as const;
const TOTAL = `query($filter: CustomerFilter) { customers(first: 1, filter: $filter) { totalCount } }`;
const SUMMARY = '{ healthSummary { activeCustomers healthy watch atRisk averageScore checkInsOverdue } }';
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const ARCHIVE = 'mutation($id: ID!) { archiveCustomer(id: $id) { id } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { id } }';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function createCustomers(client: GqlClient, n: number, rng: Random): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const cadenceDays = rng.chance(0.5) ? rng.int(7, 60) : undefined;
    const data = await client.ok(CREATE, { input: { name: `Customer ${i}`, cadenceDays } });
    ids.push(data.createCustomer.id);
  }
  return ids;
}

function logContact(client: GqlClient, customerId: string, rng: Random) {
  return client.ok(LOG, {
    input: {
      customerId,
      channel: 'PHONE',
      direction: 'OUTBOUND',
      purpose: rng.pick(['SALES', 'SERVICE', 'SUPPORT', 'RELATIONSHIP']),
      sentiment: rng.int(-2, 2),
      summary: 'Checked in',
      occurredAt: new Date(Date.now() - rng.int(0, 120) * DAY).toISOString(),
    },
  });
}

/** The same count, by reading the rows (as the database owner, past row-level security). */
async function countedRows(
  workspaceId: string,
  status: string,
  band: string | null,
  overdue: boolean | null,
): Promise<number> {
  const { rows } = await t.admin.query(
    `select count(*)::int as n from customers
      where workspace_id = $1 and status = $2 and ($3::text is null or health_band = $3)
        and ($4::boolean is null or (next_check_in_due_at < now()) = $4)`,
    [workspaceId, status, band, overdue],
  );
  return rows[0].n;
}

/** Every filter the counts answer: the page's total equals the rows counted. */
async function expectTotalsExact(owner: SignedIn) {
  for (const status of STATUSES)
    for (const band of BANDS)
      for (const checkInOverdue of OVERDUE) {
        const filter = { status, ...(band && { band }), ...(checkInOverdue !== null && { checkInOverdue }) };
        const { customers } = await owner.client.ok(TOTAL, { filter });
        const expected = await countedRows(owner.workspaceId, status, band, checkInOverdue);
        expect({ filter, total: customers.totalCount }).toEqual({ filter, total: expected });
      }
}

async function expectSummaryExact(owner: SignedIn) {
  const { rows } = await t.admin.query(
    `select count(*)::int as "activeCustomers",
            count(*) filter (where health_band = 'HEALTHY')::int as healthy,
            count(*) filter (where health_band = 'WATCH')::int as watch,
            count(*) filter (where health_band = 'AT_RISK')::int as "atRisk",
            avg(health_score)::float8 as "averageScore",
            count(*) filter (where next_check_in_due_at < now())::int as "checkInsOverdue"
       from customers where workspace_id = $1 and status = 'ACTIVE'`,
    [owner.workspaceId],
  );
  expect((await owner.client.ok(SUMMARY)).healthSummary).toEqual(rows[0]);
}

/**
 * The counts net of shards, per bucket, with the days before today as one: what they say, whichever
 * rows they are spread over (of a past due day only "before today" matters).
 */
async function netCounts(workspaceId: string) {
  const { rows } = await t.admin.query(
    `select status, band, due, sum(customers)::int as customers, sum(score_sum)::int as score_sum
       from (select *, case when due_day < (now() at time zone 'UTC')::date then 'before today'
                            else due_day::text end as due
               from customer_counts where workspace_id = $1) c
      group by status, band, due having sum(customers) <> 0 or sum(score_sum) <> 0
      order by status, band, due`,
    [workspaceId],
  );
  return rows;
}

describe('customer counts', () => {
  let owner: SignedIn;
  let ids: string[];
  const rng = new Random(20261206);

  beforeAll(async () => {
    owner = await signUpOwner(t, 'Counted Bakery');
    ids = await createCustomers(owner.client, 24, rng);
  });

  it('are exact after creating customers (health first computed in the same transaction)', async () => {
    await expectTotalsExact(owner);
    await expectSummaryExact(owner);
  });

  it('follow logged contacts, archiving, cadence edits and the workspace default', async () => {
    for (const id of ids) for (let i = rng.int(0, 4); i > 0; i--) await logContact(owner.client, id, rng);
    for (const id of ids.slice(0, 4)) await owner.client.ok(ARCHIVE, { id });
    await owner.client.ok(UPDATE, { id: ids[5], input: { cadenceDays: 3 } });
    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 10) { id } }');
    await expectTotalsExact(owner);
    await expectSummaryExact(owner);
  });

  it('split today at now: customers due earlier today are overdue, later today are not', async () => {
    const now = Date.now();
    const startOfDay = now - (now % DAY);
    const earlierToday = Math.max(startOfDay, now - HOUR);
    const laterToday = Math.min(startOfDay + DAY - 1, now + HOUR);
    // As a late change would move them (the trigger sees any writer's update, the owner's too).
    await t.admin.query(`update customers set next_check_in_due_at = $2 where id = any($1)`, [
      ids.slice(6, 9),
      new Date(earlierToday),
    ]);
    await t.admin.query(`update customers set next_check_in_due_at = $2 where id = any($1)`, [
      ids.slice(9, 12),
      new Date(laterToday),
    ]);
    await expectTotalsExact(owner);
    await expectSummaryExact(owner);
  });

  it('stay exact when many writes race, without a deadlock', async () => {
    const active = ids.slice(4);
    const writes = Array.from({ length: 60 }, (_, i) =>
      logContact(owner.client, active[i % 20] as string, rng),
    );
    await Promise.all(writes);
    await expectTotalsExact(owner);
    await expectSummaryExact(owner);
  });

  it('put customers due before today on the past as one, never on their day', async () => {
    const pastDays = async () =>
      (
        await t.admin.query(
          `select count(*)::int as n from customer_counts
            where workspace_id = $1 and due_day < (now() at time zone 'UTC')::date and due_day <> '-infinity'`,
          [owner.workspaceId],
        )
      ).rows[0].n;
    // Due days ago (as a late change would make them), then contacts move them on, some into the past.
    await t.admin.query(
      `update customers set next_check_in_due_at = now() - interval '5 days' where id = any($1)`,
      [ids.slice(12, 16)],
    );
    for (const id of ids.slice(12, 20)) await logContact(owner.client, id, rng);
    expect(await pastDays()).toBe(0);
    await expectTotalsExact(owner);
    await expectSummaryExact(owner);
  });

  it('net to what recounting the rows gives (rebuild_customer_counts, used after bulk loads)', async () => {
    const kept = await netCounts(owner.workspaceId);
    await t.admin.query('select rebuild_customer_counts()');
    expect(await netCounts(owner.workspaceId)).toEqual(kept);
  });

  it('keep their sums when the scheduled pass folds their shards and past days, and drops empty ones', async () => {
    const spread = async () =>
      (
        await t.admin.query(
          `select count(*) filter (where shard <> 0)::int as sharded,
                  count(*) filter (where customers = 0 and score_sum = 0)::int as empty,
                  count(*) filter (where due_day < (now() at time zone 'UTC')::date and due_day <> '-infinity')::int
                    as "pastDays"
             from customer_counts where workspace_id = $1`,
          [owner.workspaceId],
        )
      ).rows[0];
    for (const id of ids.slice(4, 12)) await logContact(owner.client, id, rng);
    expect((await spread()).sharded).toBeGreaterThan(0); // writes land on random shards
    const kept = await netCounts(owner.workspaceId);
    await t.app.get(CustomerStateService).refreshStale(new Date());
    expect(await spread()).toEqual({ sharded: 0, empty: 0, pastDays: 0 });
    expect(await netCounts(owner.workspaceId)).toEqual(kept);
    await expectTotalsExact(owner);
  });

  it('count only their own workspace', async () => {
    const other = await signUpOwner(t, 'Other Bakery');
    await createCustomers(other.client, 3, rng);
    const { customers } = await other.client.ok(TOTAL, {});
    expect(customers.totalCount).toBe(3);
    await expectTotalsExact(owner);
  });

  it('fall back to counting rows for filters they do not keep (search, tag, owner)', async () => {
    const { customers } = await owner.client.ok(TOTAL, { filter: { search: 'Customer 1' } });
    // "Customer 10".."Customer 19": "Customer 1" was archived with 0, 2 and 3.
    expect(customers.totalCount).toBe(10);
  });
});
