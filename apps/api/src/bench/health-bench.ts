import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createApp, stopApp } from '../app';
import { loadConfig } from '../config/config';
import { startEmbeddedPostgres } from '../database/embedded';
import { migrate } from '../database/migrate';
import { createLogger } from '../logger';
import { CustomerStateService } from '../modules/relationship-health/customer-state.service';

/**
 * How relationship health holds up as a workspace grows: seeds one workspace with CUSTOMERS
 * customers and INTERACTIONS_PER_CUSTOMER interactions each over the last year, then times the
 * scheduled pass over all of them and the health-ordered, band-filtered and overdue reads through
 * GraphQL. Prints numbers; asserts nothing. `npm run bench` (embedded Postgres, or DATABASE_URL).
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const INTERACTIONS_PER_CUSTOMER = Number(process.env.BENCH_INTERACTIONS ?? 10);
const READS = 20;
const WRITES = 100;

async function timed<T>(label: string, runs: number, work: () => Promise<T>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  const p95 = times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? Number.NaN;
  console.log(
    `${label.padEnd(62)} median ${median.toFixed(1).padStart(8)} ms   p95 ${p95.toFixed(1).padStart(8)} ms   (${runs} runs)`,
  );
}

async function main() {
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dir = await mkdtemp(join(tmpdir(), 'rapport-bench-'));
    const embedded = await startEmbeddedPostgres(dir, { debug: () => {}, warn: console.warn });
    url = embedded.url;
    stop = async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrate(url);
    // A throw-away secret: the request pool's login password is derived from it (see app-login.ts).
    const config = loadConfig({ LOG_LEVEL: 'silent', RAPPORT_SECRET: randomBytes(32).toString('hex') });
    const app = await createApp(config, url, createLogger('silent'));
    await app.listen(0, '127.0.0.1');
    const endpoint = `${await app.getUrl()}/graphql`;
    let cookie = '';
    const gql = async <T = unknown>(query: string): Promise<T> => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query }),
      });
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      const body = (await res.json()) as { data?: T; errors?: unknown };
      if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    await gql<{ signUp: { member: { workspace: { id: string } } } }>(
      `mutation { signUp(workspaceName: "Bench", name: "Owner", email: "owner-${randomUUID().slice(0, 8)}@bench.test", password: "bench-password-1") { member { workspace { id } } } }`,
    ).then(async (data) => {
      const workspaceId: string = data.signUp.member.workspace.id;
      const admin = new Pool({ connectionString: url, max: 1 });
      const start = performance.now();
      await admin.query(
        `insert into customers (workspace_id, id, name, created_at, next_check_in_due_at, cadence_days)
         select $1, gen_random_uuid(), 'Customer ' || n, now() - (n % 400) * interval '1 day', now(),
                case when n % 3 = 0 then 14 end
           from generate_series(1, $2) n`,
        [workspaceId, CUSTOMERS],
      );
      await admin.query(
        `insert into interactions (workspace_id, id, customer_id, channel, direction, purpose, sentiment, summary, occurred_at)
         select c.workspace_id, gen_random_uuid(), c.id, 'PHONE', 'OUTBOUND',
                (array['SALES','SERVICE','SUPPORT','RELATIONSHIP'])[1 + abs((k + hashtext(c.id::text)) % 4)],
                ((k + hashtext(c.id::text)) % 5 + 5) % 5 - 2, 'Bench contact',
                now() - ((k * 37 + abs(hashtext(c.id::text))) % 365) * interval '1 day'
           from customers c, generate_series(1, $2) k where c.workspace_id = $1`,
        [workspaceId, INTERACTIONS_PER_CUSTOMER],
      );
      await admin.query('analyze');
      await admin.end();
      console.log(
        `seeded ${CUSTOMERS} customers, ${CUSTOMERS * INTERACTIONS_PER_CUSTOMER} interactions in ${((performance.now() - start) / 1000).toFixed(1)} s`,
      );
    });

    const state = app.get(CustomerStateService);
    const passStart = performance.now();
    const refreshed = await state.refreshStale(new Date());
    const passMs = performance.now() - passStart;
    console.log(
      `scheduled pass: ${refreshed} customers in ${(passMs / 1000).toFixed(2)} s (${((passMs * 1000) / refreshed).toFixed(0)} µs per customer)`,
    );

    const page = `edges { node { id name health { score band trend factors { key points explanation } nextBestAction } owner { name } lastRelationshipContactAt nextCheckInDueAt checkInOverdue } } totalCount`;
    await timed('customers(first: 50, orderBy: HEALTH_ASC)', READS, () =>
      gql(`{ customers(first: 50, orderBy: HEALTH_ASC) { ${page} } }`),
    );
    await timed('customers(filter: {band: AT_RISK}, first: 50)', READS, () =>
      gql(`{ customers(first: 50, filter: { band: AT_RISK }, orderBy: HEALTH_ASC) { ${page} } }`),
    );
    await timed('customers(filter: {checkInOverdue: true}, NEXT_CHECK_IN_DUE)', READS, () =>
      gql(
        `{ customers(first: 50, filter: { checkInOverdue: true }, orderBy: NEXT_CHECK_IN_DUE) { ${page} } }`,
      ),
    );
    await timed('healthSummary', READS, () =>
      gql(`{ healthSummary { healthy watch atRisk averageScore checkInsOverdue } }`),
    );
    const customers = await gql<{ customers: { edges: { node: { id: string } }[] } }>(
      `{ customers(first: 1) { edges { node { id } } } }`,
    );
    const customerId = customers.customers.edges[0]?.node.id;
    if (!customerId) throw new Error('The seeded workspace has no customers');
    await timed('logInteraction (write + health refresh)', WRITES, () =>
      gql(
        `mutation { logInteraction(input: { customerId: "${customerId}", channel: PHONE, direction: OUTBOUND, purpose: RELATIONSHIP, sentiment: 1, summary: "Bench" }) { id } }`,
      ),
    );
    let edit = 0;
    await timed('updateCustomer (notes)', WRITES, () =>
      gql(
        `mutation { updateCustomer(id: "${customerId}", input: { notes: "Bench note ${++edit}" }) { id } }`,
      ),
    );
    await stopApp(app);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
