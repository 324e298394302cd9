import { performance } from 'node:perf_hooks';
import { Pool, type PoolClient } from 'pg';
import { hashPassword } from '../auth/passwords';
import { ensureAppLogin } from '../database/app-login';
import { createDataSource } from '../database/data-source';
import { Db } from '../database/db.service';
import { migrate } from '../database/migrate';
import { CustomerStateService } from '../modules/relationship-health/customer-state.service';
import { HEALTH_MAX_AGE_MS } from '../modules/relationship-health/health-jobs';
import {
  credentialRows,
  memberRows,
  type PasswordHashes,
  setUpMembers,
  touchpointRows,
  workspaceRows,
} from './accounts';
import { AUDIT_COLUMNS, generateAudits, OBSERVATION_COLUMNS, STEP_COLUMNS } from './audits';
import { CHECK_IN_COLUMNS, checkInRows } from './check-ins';
import { type CopyValue, copyRows } from './copy-rows';
import { allocateInteractions, CUSTOMER_COLUMNS, customerRows } from './customers';
import {
  ACCESS_TOKEN_COLUMNS,
  accessTokenRows,
  REQUEST_COLUMNS,
  RESPONSE_COLUMNS,
  requestRows,
  responseRows,
  SURVEY_COLUMNS,
  surveyRows,
} from './feedback';
import { linkTokens } from './feedback-links';
import { FRICTION_COLUMNS, frictionRows, type RaisedFriction, raisedByMembers } from './friction';
import { randomFor } from './ids';
import { INTERACTION_COLUMNS, interactionRows, planInteractions } from './interactions';
import { planSeed, type SeedLargeOptions, type SeedLargePlan } from './options';
import { orphanedReferences } from './referential-check';
import { SNAPSHOT_COLUMNS, snapshotRows } from './snapshots';
import {
  LARGE_OWNER,
  LARGE_STAFF_PASSWORD,
  largeSpec,
  newWorld,
  SMALL_WORKSPACE_PASSWORD,
  smallSpec,
  type World,
} from './world';

export interface SeedLargeRunOptions extends SeedLargeOptions {
  /** The app's link secret (RAPPORT_SECRET or the data directory's): feedback links are derived from it. */
  linkSecret: string;
}

export interface TableLoad {
  rows: number;
  ms: number;
}

export interface SeedLargeSummary {
  /** Rows and time per table, the large and small workspaces together. */
  tables: Record<string, TableLoad>;
  /** Generating and loading everything, in one transaction, with the referential check. */
  loadMs: number;
  /** The app's scheduled pass (CustomerStateService.refreshStale) over every stale customer. */
  healthRefreshMs: number;
  healthRefreshed: number;
  totalMs: number;
}

export type SeedLargeResult = {
  workspaceId: string;
  owner: { email: string; password: string };
} & ({ created: true; summary: SeedLargeSummary } | { created: false; customers: number });

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

/**
 * Builds the large "Northwind Bakeries" workspace and the small ones beside it, as the database
 * owner at `ownerUrl` (migrated first): every row is streamed in with COPY in one transaction, then
 * health is made current by the app's own scheduled pass, then statistics are refreshed.
 * Idempotent: when the large workspace's owner exists, it changes nothing and says so.
 */
export async function seedLarge(
  ownerUrl: string,
  options: SeedLargeRunOptions,
  log: (line: string) => void = () => {},
): Promise<SeedLargeResult> {
  const started = performance.now();
  const plan = planSeed(options);
  await migrate(ownerUrl);
  const pool = new Pool({ connectionString: ownerUrl, max: 1 });
  const owner = { email: LARGE_OWNER.email, password: LARGE_OWNER.password };
  try {
    const client = await pool.connect();
    try {
      const existing = await existingLargeWorkspace(client);
      if (existing) return { created: false, owner, ...existing };
      await requireBulkLoadRights(client);
      const hashes = await passwordHashes();
      const tables: Record<string, TableLoad> = {};
      const loadStarted = performance.now();
      const workspaceId = await loadEverything(client, plan, options.linkSecret, hashes, tables, log);
      const loadMs = performance.now() - loadStarted;
      await vacuumAnalyze(client, log);
      const refreshStarted = performance.now();
      const healthRefreshed = await refreshHealthAsTheAppDoes(ownerUrl, options.linkSecret);
      const healthRefreshMs = performance.now() - refreshStarted;
      log(
        `health refresh (the app's scheduled pass): ${count(healthRefreshed)} customers in ${seconds(healthRefreshMs)}`,
      );
      await vacuumAnalyze(client, log);
      const totalMs = performance.now() - started;
      return {
        created: true,
        workspaceId,
        owner,
        summary: { tables, loadMs, healthRefreshMs, healthRefreshed, totalMs },
      };
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}

async function existingLargeWorkspace(client: PoolClient) {
  const { rows } = await client.query<{ workspace_id: string }>(
    `select workspace_id from credentials where email = $1`,
    [LARGE_OWNER.email],
  );
  const workspaceId = rows[0]?.workspace_id;
  if (!workspaceId) return null;
  const counted = await client.query<{ n: number }>(
    `select count(*)::int as n from customers where workspace_id = $1`,
    [workspaceId],
  );
  return { workspaceId, customers: counted.rows[0]?.n ?? 0 };
}

/**
 * COPY FROM refuses tables under (forced) row-level security unless the role bypasses it, and the
 * load sets session_replication_role (see loadEverything): both need a superuser, or a role with
 * BYPASSRLS that was granted SET on that parameter. The embedded PostgreSQL's owner is a superuser.
 */
async function requireBulkLoadRights(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ allowed: boolean }>(
    `select r.rolsuper or (r.rolbypassrls and has_parameter_privilege('session_replication_role', 'SET')) as allowed
       from pg_roles r where r.rolname = current_user`,
  );
  if (!rows[0]?.allowed) {
    throw new Error(
      'seed:large loads with COPY past row-level security and without triggers: connect as a superuser ' +
        '(or a role with BYPASSRLS and SET on session_replication_role)',
    );
  }
}

/** Hashed once per role with the app's own passwords module (argon2id, ~50 ms each), not per member. */
async function passwordHashes(): Promise<{ large: PasswordHashes; small: PasswordHashes }> {
  const [owner, staff, small] = await Promise.all(
    [LARGE_OWNER.password, LARGE_STAFF_PASSWORD, SMALL_WORKSPACE_PASSWORD].map(hashPassword),
  );
  return {
    large: { owner: owner as string, staff: staff as string },
    small: { owner: small as string, staff: small as string },
  };
}

async function loadEverything(
  client: PoolClient,
  plan: SeedLargePlan,
  linkSecret: string,
  hashes: { large: PasswordHashes; small: PasswordHashes },
  tables: Record<string, TableLoad>,
  log: (line: string) => void,
): Promise<string> {
  const links = linkTokens(linkSecret);
  const copy = async (
    table: string,
    columns: readonly string[],
    rows: Iterable<readonly CopyValue[]>,
    quiet = false,
  ) => {
    const start = performance.now();
    const n = await copyRows(client, table, columns, rows);
    const ms = performance.now() - start;
    const total = tables[table] ?? { rows: 0, ms: 0 };
    tables[table] = { rows: total.rows + n, ms: total.ms + ms };
    if (!quiet) log(`${table.padEnd(20)} ${count(n).padStart(11)} rows  ${seconds(ms).padStart(7)}`);
  };
  const seedWorkspace = async (world: World, passwords: PasswordHashes, quiet: boolean) => {
    setUpMembers(world);
    await copy(
      'workspaces',
      ['id', 'name', 'default_cadence_days', 'created_at', 'updated_at'],
      workspaceRows(world),
      quiet,
    );
    await copy('workspace_directory', ['id'], [[world.workspaceId]], quiet);
    await copy(
      'members',
      ['workspace_id', 'id', 'name', 'email', 'role', 'created_at'],
      memberRows(world),
      quiet,
    );
    await copy(
      'credentials',
      ['email', 'workspace_id', 'member_id', 'password_hash', 'created_at'],
      credentialRows(world, passwords),
      quiet,
    );
    await copy(
      'touchpoints',
      [
        'workspace_id',
        'id',
        'name',
        'channel',
        'stage',
        'description',
        'moment_of_truth',
        'created_at',
        'updated_at',
      ],
      touchpointRows(world),
      quiet,
    );
    await copy('customers', CUSTOMER_COLUMNS, customerRows(world), quiet);
    allocateInteractions(world);
    planInteractions(world);
    await copy('interactions', INTERACTION_COLUMNS, interactionRows(world), quiet);
    await copy('check_ins', CHECK_IN_COLUMNS, checkInRows(world), quiet);
    const audits = generateAudits(world);
    await copy('audits', AUDIT_COLUMNS, audits.audits, quiet);
    await copy('audit_steps', STEP_COLUMNS, audits.steps, quiet);
    await copy('observations', OBSERVATION_COLUMNS, audits.observations, quiet);
    await copy('surveys', SURVEY_COLUMNS, surveyRows(world), quiet);
    await copy('feedback_requests', REQUEST_COLUMNS, requestRows(world), quiet);
    await copy('access_tokens', ACCESS_TOKEN_COLUMNS, accessTokenRows(world, links), quiet);
    const fromFeedback: RaisedFriction[] = [];
    await copy('feedback_responses', RESPONSE_COLUMNS, responseRows(world, fromFeedback), quiet);
    const friction = [...audits.friction, ...fromFeedback, ...raisedByMembers(world)];
    await copy('friction_points', FRICTION_COLUMNS, frictionRows(world, friction), quiet);
    await copy('health_snapshots', SNAPSHOT_COLUMNS, snapshotRows(world), quiet);
  };

  await client.query('begin');
  try {
    // Seeded rows are not changes: the change-history triggers (one row of history per row, ~85 µs
    // each) must not fire, and neither need the foreign-key triggers (one lookup per row). Replica
    // mode skips both, for this transaction only; orphanedReferences checks what they would have.
    await client.query(`set local session_replication_role = replica`);
    await client.query(`set local synchronous_commit = off`);
    const large = newWorld(plan, largeSpec(plan));
    log(`${large.spec.name}: ${count(plan.customers)} customers, ${count(plan.interactions)} interactions`);
    await seedWorkspace(large, hashes.large, false);
    const smallStart = performance.now();
    const draw = randomFor(plan.seed, 'small-workspaces');
    let smallCustomers = 0;
    for (let n = 1; n <= plan.smallWorkspaces; n++) {
      const world = newWorld(
        plan,
        smallSpec(n, (min, max) => draw.int(min, max)),
      );
      await seedWorkspace(world, hashes.small, true);
      smallCustomers += world.spec.customers;
    }
    log(
      `${plan.smallWorkspaces} small workspaces: ${count(smallCustomers)} customers in ${seconds(performance.now() - smallStart)}`,
    );
    const checkStart = performance.now();
    const orphans = await orphanedReferences(client);
    if (orphans.length > 0) throw new Error(`seeded rows reference nothing: ${orphans.join('; ')}`);
    log(`referential check: every foreign key holds (${seconds(performance.now() - checkStart)})`);
    // The customer counts and today's contacts are kept by triggers, which replica mode skipped:
    // count what was loaded.
    await client.query('select rebuild_customer_counts(), recount_contact_days_today()');
    await client.query('commit');
    return large.workspaceId;
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/**
 * Statistics for the planner and, after the load, the visibility map and hint bits a database in use
 * has from autovacuum: without them the health pass would pay for setting hint bits on its first read
 * of every page, and could not read interactions from the index alone.
 */
async function vacuumAnalyze(client: PoolClient, log: (line: string) => void): Promise<void> {
  const start = performance.now();
  await client.query('vacuum (analyze)');
  log(`vacuum analyze: ${seconds(performance.now() - start)}`);
}

/**
 * The app's own scheduled pass (what HealthJobs runs every 15 minutes), through its request pool's
 * login and role, so row-level security and every query are exactly the app's. Answers how many
 * customers it recomputed.
 */
export async function refreshHealthAsTheAppDoes(ownerUrl: string, linkSecret: string): Promise<number> {
  const dataSource = createDataSource(await ensureAppLogin(ownerUrl, linkSecret), 'app', 2);
  await dataSource.initialize();
  try {
    const customerState = new CustomerStateService(new Db(dataSource));
    return await customerState.refreshStale(new Date(Date.now() - HEALTH_MAX_AGE_MS));
  } finally {
    await dataSource.destroy();
  }
}
