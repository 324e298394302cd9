import { Pool } from 'pg';
import { Db } from '../src/database/db.service';
import { CustomerStateService } from '../src/modules/relationship-health/customer-state.service';
import { CUSTOMER_COLUMNS } from '../src/seed-large/customers';
import { pendingFeedbackLinks } from '../src/seed-large/feedback-links';
import { type SeedLargeRunOptions, seedLarge } from '../src/seed-large/seed-large';
import { LARGE_OWNER, SMALL_WORKSPACE_PASSWORD } from '../src/seed-large/world';
import {
  createTestDatabase,
  type GqlClient,
  startTestApp,
  type TestApp,
  testConfig,
} from './support/harness';

const OPTIONS: SeedLargeRunOptions = {
  customers: 300,
  interactions: 3_000,
  smallWorkspaces: 3,
  audits: 12,
  linkSecret: testConfig().linkSecret as string,
};
const SIGN_IN = `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { member { workspace { id } } } }`;
const HEALTH = `query($id: ID!) { customer(id: $id) { health { score band trend factors { key points } nextBestAction } } }`;

/**
 * What the seed wrote to some tables, row by row; customers without the derived columns, and the
 * snapshots without today's: the health refresh stamps those with its own clock.
 */
const SEEDED = [
  `select ${CUSTOMER_COLUMNS.join(', ')} from customers`,
  ...[
    'interactions',
    'check_ins',
    'observations',
    'friction_points',
    'feedback_requests',
    'access_tokens',
  ].map((table) => `select * from ${table}`),
  `select * from health_snapshots where day < (now() at time zone 'UTC')::date`,
];
async function fingerprints(pool: Pool): Promise<string[]> {
  const out: string[] = [];
  for (const source of SEEDED) {
    const { rows } = await pool.query(
      `select md5(string_agg(t::text, '|' order by t::text)) as md5 from (${source}) t`,
    );
    out.push(`${source}: ${rows[0].md5}`);
  }
  return out;
}

async function signIn(t: TestApp, email: string, password: string): Promise<GqlClient> {
  const client = t.client();
  await client.ok(SIGN_IN, { email, password });
  return client;
}

describe('seed:large (small numbers)', () => {
  let t: TestApp;
  let workspaceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const result = await seedLarge(t.url, OPTIONS);
    if (!result.created) throw new Error('expected a fresh seed');
    workspaceId = result.workspaceId;
  });
  afterAll(() => t.close());

  it('holds as many customers, interactions, audits and answers as asked, pending requests live', async () => {
    const { rows } = await t.admin.query(
      `select (select count(*)::int from customers where workspace_id = $1) as customers,
              (select count(*)::int from interactions where workspace_id = $1) as interactions,
              (select count(*)::int from audits where workspace_id = $1 and status = 'SUBMITTED') as audits,
              (select count(*)::int from feedback_responses where workspace_id = $1) as answers,
              (select count(*)::int from feedback_requests r join access_tokens a on a.subject_id = r.id
                where r.workspace_id = $1 and r.answered_at is null and a.used_at is null and a.expires_at > now()) as pending,
              (select count(*)::int from workspace_directory) as workspaces,
              (select count(*)::int from customers where health_as_of is null) as stale`,
      [workspaceId],
    );
    expect(rows[0]).toEqual({
      customers: 300,
      interactions: 3_000,
      audits: 12,
      answers: 150,
      pending: 60,
      workspaces: 4,
      stale: 0,
    });
  });

  it('writes the same rows for the same options into another database', async () => {
    const other = await createTestDatabase();
    const pool = new Pool({ connectionString: other.url, max: 1 });
    try {
      await seedLarge(other.url, OPTIONS);
      expect(await fingerprints(pool)).toEqual(await fingerprints(t.admin));
    } finally {
      await pool.end();
      await other.drop();
    }
  });

  it('stores the health the app computes: the owner reads it, and a refresh changes nothing', async () => {
    const owner = await signIn(t, LARGE_OWNER.email, LARGE_OWNER.password);
    const { rows } = await t.admin.query(
      `select c.id from customers c where c.workspace_id = $1
          and exists (select 1 from interactions i where i.workspace_id = c.workspace_id and i.customer_id = c.id)
        order by c.id limit 3`,
      [workspaceId],
    );
    const ids = rows.map((r) => r.id as string);
    const before = await Promise.all(ids.map((id) => owner.ok(HEALTH, { id })));
    await t.app
      .get(Db)
      .inWorkspace(
        workspaceId,
        (em) => t.app.get(CustomerStateService).refresh(em, workspaceId, ids),
        'system',
      );
    const after = await Promise.all(ids.map((id) => owner.ok(HEALTH, { id })));
    expect(before.every((b) => typeof b.customer.health.score === 'number')).toBe(true);
    expect(before).toEqual(after);
  });

  it('leaves pending requests that the public submitFeedback answers with the exported tokens', async () => {
    const links = pendingFeedbackLinks(OPTIONS.linkSecret, OPTIONS, 'http://rapport.test');
    expect(links).toHaveLength(60);
    const [link] = links;
    if (!link) throw new Error('no pending link');
    expect(link.url).toBe(`http://rapport.test/f/${link.token}`);
    await t.client().ok(`mutation($token: String!) { submitFeedback(token: $token, input: { score: 3 }) }`, {
      token: link.token,
    });
    const { rows } = await t.admin.query(
      `select r.answered_at, (select count(*)::int from feedback_responses a where a.request_id = r.id) as answers
         from feedback_requests r where r.workspace_id = $1 and r.id = $2`,
      [workspaceId, link.requestId],
    );
    expect(rows[0].answered_at).toBeInstanceOf(Date);
    expect(rows[0].answers).toBe(1);
  });

  it('keeps the small workspaces apart: their owner sees only their own (active) customers', async () => {
    const small = await signIn(t, 'owner@small-01.example', SMALL_WORKSPACE_PASSWORD);
    const { customers } = await small.ok(`{ customers(first: 1) { totalCount } }`);
    const { rows } = await t.admin.query(
      `select count(*)::int as n from customers c join credentials k on k.workspace_id = c.workspace_id
        where k.email = 'owner@small-01.example' and c.status = 'ACTIVE'`,
    );
    expect(customers.totalCount).toBe(rows[0].n);
    const [large] = (
      await t.admin.query(`select id from customers where workspace_id = $1 limit 1`, [workspaceId])
    ).rows;
    expect(
      (await small.ok(`query($id: ID!) { customer(id: $id) { id } }`, { id: large.id })).customer,
    ).toBeNull();
  });

  it('does nothing on a rerun, and says so', async () => {
    const before = await fingerprints(t.admin);
    const result = await seedLarge(t.url, OPTIONS);
    expect(result).toMatchObject({ created: false, workspaceId, customers: 300 });
    expect(await fingerprints(t.admin)).toEqual(before);
  });
});
