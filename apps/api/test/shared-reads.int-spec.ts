import { setTimeout as sleep } from 'node:timers/promises';
import { APP_ROLE } from '../src/database/app-role';
import { type SignedIn, signUpOwner, startTestApp, type TestApp } from './support/harness';
import { sqlSentDuring } from './support/sql-sent';

/** What the owner's dashboard asks in one document: five root fields and a loader per list. */
const DASHBOARD = `query {
  healthSummary { healthy watch atRisk checkInsOverdue }
  overdue: customers(filter: { checkInOverdue: true }, orderBy: NEXT_CHECK_IN_DUE, first: 20) {
    edges { node { id health { nextBestAction } } }
  }
  atRisk: customers(filter: { band: AT_RISK }, orderBy: HEALTH_ASC, first: 20) {
    edges { node { id health { nextBestAction } } }
  }
  healthTrend(days: 7) { day healthy }
  contactMix(days: 7) { member { name } total }
}`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const LOG_ANSWERING_CUSTOMER = `mutation($input: LogInteractionInput!) {
  logInteraction(input: $input) { occurredAt customer { id lastRelationshipContactAt health { score band } } }
}`;
const CUSTOMER_HEALTH = `query($id: ID!) { customer(id: $id) { id lastRelationshipContactAt health { score band } } }`;

let t: TestApp;
let owner: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t, 'Shared Bakery');
  for (const name of ['Ann', 'Ben', 'Cy']) {
    const { createCustomer } = await owner.client.ok(CREATE, { input: { name, cadenceDays: 7 } });
    await owner.client.ok(LOG, {
      input: {
        customerId: createCustomer.id,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        purpose: 'RELATIONSHIP',
        sentiment: -2,
        summary: 'Complained',
        occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString(),
      },
    });
  }
});
afterAll(() => t.close());

const begins = (sent: string[]) => sent.filter((sql) => /^(START TRANSACTION|BEGIN)/i.test(sql)).length;
const commits = (sent: string[]) => sent.filter((sql) => /^COMMIT/i.test(sql)).length;

describe("a GraphQL query's workspace reads", () => {
  it('share one transaction, however many root fields and loaders read', async () => {
    const { sent, result: data } = await sqlSentDuring(() => owner.client.ok(DASHBOARD));
    expect(begins(sent)).toBe(1);
    expect(commits(sent)).toBe(1);
    expect(data.healthSummary.checkInsOverdue).toBe(3); // contacted 30 days ago, every 7 days
    expect(data.overdue.edges).toHaveLength(3);
    expect(data.atRisk.edges).toHaveLength(data.healthSummary.atRisk);
    expect(data.atRisk.edges.every((e: any) => e.node.health.nextBestAction.length > 0)).toBe(true);
    expect(data.contactMix).toEqual([{ member: { name: expect.any(String) }, total: 0 }]);
  });

  it('leave mutations a transaction per write, which also reads the customer a logged contact answers', async () => {
    const [{ id }] = (
      await t.admin.query(`select id from customers where workspace_id = $1 limit 1`, [owner.workspaceId])
    ).rows;
    const { sent, result } = await sqlSentDuring(() =>
      owner.client.ok(LOG_ANSWERING_CUSTOMER, {
        input: {
          customerId: id,
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          purpose: 'RELATIONSHIP',
          sentiment: 1,
          summary: 'Thanks',
        },
      }),
    );
    expect(begins(sent)).toBe(1);
    expect(commits(sent)).toBe(1);
    const { customer } = await owner.client.ok(CUSTOMER_HEALTH, { id });
    expect(result.logInteraction.customer).toEqual(customer); // as the write left it
    expect(customer.lastRelationshipContactAt).toBe(result.logInteraction.occurredAt);
  });

  it('give their connection back as the commit is sent, before its answer: the next user of it runs after', async () => {
    // More views at once than the pool has connections: each connection goes from one view to the next
    // with the commit of the one before still under way.
    const views = await Promise.all(Array.from({ length: 30 }, () => owner.client.ok(DASHBOARD)));
    expect(new Set(views.map((view) => JSON.stringify(view))).size).toBe(1);
    // Every commit ran: no connection of the app is left in a transaction.
    const login = new URL(t.appUrl).username;
    const inTransaction = async () =>
      (
        await t.admin.query(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and usename = $1 and state like 'idle in transaction%'`,
          [login],
        )
      ).rows[0].n;
    for (let wait = 0; wait < 40 && (await inTransaction()) > 0; wait++) await sleep(50);
    expect(await inTransaction()).toBe(0);
  });

  it('run again alone after one fails in the database; the error is that field’s; no connection is kept', async () => {
    await t.admin.query(`revoke select on contact_days from ${APP_ROLE}`);
    try {
      // More views than the pool has connections: a connection kept by a broken transaction would starve it.
      for (let view = 0; view < 12; view++) {
        const { sent, result } = await sqlSentDuring(() => owner.client.gql(DASHBOARD));
        const { errors } = result;
        expect(errors).toEqual([
          expect.objectContaining({
            path: ['contactMix'],
            extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
          }),
        ]);
        // The shared transaction, rolled back, and contactMix alone (as any read under way in the shared
        // transaction when it broke; graphql-js answers before reads of fields already doomed end).
        expect(begins(sent)).toBeGreaterThanOrEqual(2);
        expect(sent.filter((sql) => /^ROLLBACK/i.test(sql)).length).toBeGreaterThanOrEqual(2);
      }
    } finally {
      await t.admin.query(`grant select on contact_days to ${APP_ROLE}`);
    }
    expect((await owner.client.ok(DASHBOARD)).contactMix).toHaveLength(1);
  });
});
