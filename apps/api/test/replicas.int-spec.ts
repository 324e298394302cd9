import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import PgBoss from 'pg-boss';
import { AppProcess } from '../src/chaos/app-process';
import { migrate } from '../src/database/migrate';
import { REFRESH_HEALTH_QUEUE } from '../src/modules/relationship-health/health-jobs';
import { createTestDatabase, PASSWORD, SIGN_UP, type TestDatabase, uniqueEmail } from './support/harness';

// Two API processes (the built dist/main.js, as `npm start` runs it) on one database, as replicas
// behind a load balancer: what one of them does, the other sees, and scheduled work runs once.

/** Customers whose health was never computed when the replicas start: the boot catch-up's work. */
const STALE = 2_000;
/** pg-boss ticks at most once a minute; with this cron every minute has one, the first at boot. */
const EVERY_MINUTE = '* * * * *';
/** One deployment: one secret, and the balancer (here the test, on loopback) names the client. */
const REPLICA_ENV = { RAPPORT_SECRET: randomBytes(32).toString('hex'), TRUST_PROXY: 'loopback' };

let database: TestDatabase;
let admin: Pool;
let boss: PgBoss | undefined;
let logDir: string;
const replicas: AppProcess[] = [];
let a: AppProcess;
let b: AppProcess;
/** What the boot catch-up had done once both replicas answered /readyz. */
let whenReady: { stale: number; passes: string[] };

async function startReplica(name: string): Promise<AppProcess> {
  const app = await AppProcess.start(database.url, join(logDir, `${name}.log`), {
    logLevel: 'info',
    env: { ...REPLICA_ENV, RAPPORT_HEALTH_CRON: EVERY_MINUTE },
  });
  replicas.push(app);
  return app;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  admin = new Pool({ connectionString: database.url, max: 2 });
  admin.on('error', () => {});
  const { rows } = await admin.query<{ id: string }>(
    `insert into workspaces (id, name) values (gen_random_uuid(), 'Stale Bakery') returning id`,
  );
  const workspaceId = rows[0]!.id;
  await admin.query('insert into workspace_directory (id) values ($1)', [workspaceId]);
  await admin.query(
    `insert into customers (workspace_id, id, name, next_check_in_due_at)
     select $1, gen_random_uuid(), 'Customer ' || n, now() from generate_series(1, $2) n`,
    [workspaceId, STALE],
  );
  // The schedule exists before the replicas start (as after any first deploy), so each one's first
  // look at it, at boot, finds a tick due: both race for it.
  boss = new PgBoss({ connectionString: database.url, schema: 'pgboss', supervise: false, schedule: false });
  await boss.start();
  await boss.createQueue(REFRESH_HEALTH_QUEUE, { name: REFRESH_HEALTH_QUEUE, policy: 'stately' });
  await boss.schedule(REFRESH_HEALTH_QUEUE, EVERY_MINUTE);
  logDir = await mkdtemp(join(tmpdir(), 'rapport-replicas-'));
  // The catch-up cannot write a customer until this commits, however fast the machine: were the
  // replicas to wait for it before listening, they would never become ready.
  const blocker = await admin.connect();
  try {
    await blocker.query('begin');
    await blocker.query('lock table customers in exclusive mode');
    [a, b] = await Promise.all([startReplica('a'), startReplica('b')]);
    const running = `select 1 from pgboss.job where name = $1 and state = 'active'`;
    while ((await admin.query(running, [REFRESH_HEALTH_QUEUE])).rowCount === 0) await sleep(100);
    const stale = await admin.query('select count(*)::int as n from customers where health_as_of is null');
    const passes = await admin.query('select state from pgboss.job where name = $1 order by state', [
      REFRESH_HEALTH_QUEUE,
    ]);
    whenReady = { stale: stale.rows[0].n, passes: passes.rows.map((row) => row.state) };
  } finally {
    await blocker.query('commit');
    blocker.release();
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(replicas.map((app) => app.stop()));
  await boss?.stop({ graceful: false });
  await admin?.end();
  await database?.drop();
  if (logDir) await rm(logDir, { recursive: true, force: true });
}, 30_000);

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** A browser: one cookie jar, whichever replica the balancer sends each request to. */
class Browser {
  private cookie = '';

  /** `ip` is the client's address as the balancer reports it (X-Forwarded-For). */
  constructor(private readonly ip = '198.51.100.1') {}

  async gql(app: AppProcess, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
    const res = await fetch(`${app.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-forwarded-for': this.ip },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
  }

  async ok(app: AppProcess, query: string, variables?: Record<string, unknown>) {
    const answer = await this.gql(app, query, variables);
    if (answer.errors?.length || !answer.data) throw new Error(JSON.stringify(answer));
    return answer.data;
  }

  /** The same browser later: the cookie it holds now. */
  copy(): Browser {
    const copy = new Browser(this.ip);
    copy.cookie = this.cookie;
    return copy;
  }
}

const code = (answer: Answer) => answer.errors?.[0]?.extensions?.code;
const ME = '{ me { id } }';
const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { member { id } } }`;
const me = async (browser: Browser, app: AppProcess) => (await browser.ok(app, ME)).me?.id ?? null;

async function signUp(app: AppProcess, browser = new Browser()) {
  const email = uniqueEmail('owner');
  const data = await browser.ok(app, SIGN_UP, {
    workspaceName: 'Replica Bakery',
    name: 'Olive Owner',
    email,
    password: PASSWORD,
  });
  return { browser, email, memberId: data.signUp.member.id as string };
}

it('both replicas start listening without waiting for the boot catch-up, which runs once, on one of them', () => {
  // One pass running (blocked), at most one more queued: the replicas' two catch-ups and the tick
  // at boot did not become three passes, let alone three at once.
  expect(whenReady.stale).toBe(STALE);
  expect(whenReady.passes).toEqual(expect.arrayContaining(['active']));
  expect(whenReady.passes.filter((state) => state === 'active')).toHaveLength(1);
  expect(whenReady.passes.length).toBeLessThanOrEqual(2);
});

describe('sessions', () => {
  it('a session opened on one replica works on the other; signing out on either ends it on both', async () => {
    const owner = await signUp(a);
    expect(await me(owner.browser, b)).toBe(owner.memberId);

    // A second device, signed in on B, used on A.
    const phone = new Browser();
    await phone.ok(b, SIGN_IN, { email: owner.email, password: PASSWORD });
    expect(await me(phone, a)).toBe(owner.memberId);

    // Signing in again replaces the session the request came with: the old cookie is dead on both.
    const before = phone.copy();
    await phone.ok(a, SIGN_IN, { email: owner.email, password: PASSWORD });
    expect(await me(before, b)).toBeNull();
    expect(await me(before, a)).toBeNull();
    expect(await me(phone, b)).toBe(owner.memberId);

    const laptop = owner.browser.copy();
    await owner.browser.ok(b, 'mutation { signOut }');
    expect(await me(laptop, a)).toBeNull();
    expect(await me(phone, a)).toBe(owner.memberId);
  });

  it('removing a member on one replica ends their session on the other at once', async () => {
    const owner = await signUp(a);
    const invited = await owner.browser.ok(
      a,
      `mutation($email: String!) { inviteMember(email: $email, name: "Sam Staff", role: STAFF) { url } }`,
      { email: uniqueEmail('staff') },
    );
    const staff = new Browser();
    const accepted = await staff.ok(
      b,
      `mutation($token: String!) { acceptInvitation(token: $token, name: "Sam Staff", password: "${PASSWORD}") { member { id } } }`,
      { token: String(invited.inviteMember.url).split('/invite/')[1] },
    );
    const staffId = accepted.acceptInvitation.member.id;
    expect(await me(staff, a)).toBe(staffId);

    await owner.browser.ok(b, 'mutation($id: ID!) { removeMember(id: $id) { id } }', { id: staffId });
    expect(await me(staff, a)).toBeNull();
    expect(code(await staff.gql(a, '{ members { id } }'))).toBe('UNAUTHENTICATED');
  });
});

describe('rate limits are counted in Postgres, across replicas', () => {
  const failedSignIn = (browser: Browser, app: AppProcess, email: string) =>
    browser.gql(app, SIGN_IN, { email, password: 'not the password' });

  it('failed sign-ins for one email, from many addresses, spread over both: 10 pass, then both refuse', async () => {
    const email = uniqueEmail('target');
    // Concurrently, half on each replica: the counting is serialised in the database, not per process.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        failedSignIn(new Browser(`203.0.113.${i + 1}`), i % 2 ? a : b, email),
      ),
    );
    const codes = answers.map(code);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(2);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(10);
    for (const app of [a, b]) {
      expect(code(await failedSignIn(new Browser('203.0.113.99'), app, email))).toBe('RATE_LIMITED');
    }
  });

  it('failed sign-ins from one client address (X-Forwarded-For, TRUST_PROXY) alternating replicas: the 11th is refused on either', async () => {
    const attacker = new Browser('192.0.2.66');
    for (let i = 0; i < 10; i++) {
      expect(code(await failedSignIn(attacker, i % 2 ? a : b, uniqueEmail('guess')))).toBe('UNAUTHENTICATED');
    }
    for (const app of [a, b]) {
      expect(code(await failedSignIn(attacker, app, uniqueEmail('guess')))).toBe('RATE_LIMITED');
    }
    // Another client behind the same balancer is not affected: the limit is the client's, not the balancer's.
    expect(code(await failedSignIn(new Browser('192.0.2.67'), a, uniqueEmail('guess')))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('idempotency keys', () => {
  const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
  const countNamed = async (name: string) =>
    Number((await admin.query('select count(*) from customers where name = $1', [name])).rows[0].count);

  it('one key sent to both replicas at once, then again to each: one customer, the same answer everywhere', async () => {
    const { browser } = await signUp(a);
    const input = { name: 'Keyed on two replicas', idempotencyKey: randomBytes(16).toString('hex') };
    const racing = await Promise.all([a, b, a, b].map((app) => browser.ok(app, CREATE, { input })));
    const ids = new Set(racing.map((data) => data.createCustomer.id));
    expect(ids.size).toBe(1);
    for (const app of [b, a]) {
      expect((await browser.ok(app, CREATE, { input })).createCustomer.id).toBe([...ids][0]);
    }
    expect(await countNamed(input.name)).toBe(1);

    const other = await browser.gql(b, CREATE, { input: { ...input, name: 'Something else' } });
    expect(code(other)).toBe('CONFLICT');
    expect(await countNamed('Something else')).toBe(0);
  });
});

interface RefreshRun {
  job: string;
  refreshed: number;
  replica: string;
}

/** The health passes each replica logged running. */
function refreshRuns(): RefreshRun[] {
  return [a, b].flatMap((app, i) =>
    readFileSync(app.logFile, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; job: string; refreshed: number })
      .filter((line) => line.msg === 'refreshed stale relationship health')
      .map(({ job, refreshed }) => ({ job, refreshed, replica: 'ab'[i]! })),
  );
}

const jobsOf = async (queue: string, extra = '') =>
  (
    await admin.query(
      `select id, state, started_on, completed_on, singleton_on from pgboss.job where name = $1 ${extra}
        order by started_on nulls last`,
      [queue],
    )
  ).rows;

describe('scheduled work', () => {
  it('runs each health pass on one replica, one at a time, and the cron once per tick however many replicas', async () => {
    const sendIt = () => jobsOf('__pgboss__send-it', `and data->>'name' = '${REFRESH_HEALTH_QUEUE}'`);
    // Both replicas looked at the schedule when they started; wait for the tick to be turned into a job.
    let jobs: Awaited<ReturnType<typeof jobsOf>>;
    let runs: RefreshRun[];
    for (;;) {
      const stale = await admin.query('select count(*)::int as n from customers where health_as_of is null');
      jobs = await jobsOf(REFRESH_HEALTH_QUEUE);
      const ticks = (await sendIt()).filter((job) => job.state === 'completed');
      // A pass's log line reaches the file a little after its job is marked completed.
      runs = refreshRuns();
      const done = jobs.every((job) => job.state === 'completed') && runs.length >= jobs.length;
      if (stale.rows[0].n === 0 && done && ticks.length > 0) break;
      await sleep(200);
    }

    // Every pass ran exactly once, on one replica or the other, never on both.
    const ran = runs.map((run) => run.job);
    expect(new Set(ran).size).toBe(ran.length);
    expect(ran).toEqual(expect.arrayContaining(jobs.map((job) => job.id)));
    // (A later tick may have added a pass since: every run is still a job of the queue.)
    const queued = (await jobsOf(REFRESH_HEALTH_QUEUE)).map((job) => job.id);
    expect(queued).toEqual(expect.arrayContaining(ran));
    // No two passes overlapped, so no customer was recomputed twice: a pass takes each workspace not
    // passed within the hour, so together they did the stale ones once, and perhaps (when a tick came
    // after it) the one customer the idempotency spec created in a workspace of its own.
    for (let i = 1; i < jobs.length; i++) {
      expect(jobs[i].started_on.getTime()).toBeGreaterThanOrEqual(jobs[i - 1].completed_on.getTime());
    }
    expect([STALE, STALE + 1]).toContain(runs.reduce((sum, run) => sum + run.refreshed, 0));
    // Two replicas checked the schedule, yet each minute made one tick.
    const ticks = await sendIt();
    expect(ticks.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ticks.map((tick) => tick.singleton_on.getTime())).size).toBe(ticks.length);
  });
});

describe('one replica stopping', () => {
  it('drains and exits while the other keeps answering, sessions and scheduled work included', async () => {
    const owner = await signUp(a);
    let stopped = false;
    const answers: Answer[] = [];
    const traffic = (async () => {
      while (!stopped) answers.push(await owner.browser.gql(b, ME));
    })();
    await sleep(200);
    expect(await a.stop()).toBe(0);
    await sleep(200);
    stopped = true;
    await traffic;

    expect(answers.length).toBeGreaterThan(10);
    expect(
      answers.filter((answer) => answer.status !== 200 || answer.data?.me?.id !== owner.memberId),
    ).toEqual([]);
    expect((await fetch(`${b.base}/readyz`)).status).toBe(200);
    // A pass asked for now is run by the replica that is left.
    // (null while a tick's pass waits in the queue: it would stand for this one.)
    let job: string | null = null;
    while (!job) job = await boss!.send(REFRESH_HEALTH_QUEUE, {});
    while (!refreshRuns().some((run) => run.job === job)) await sleep(100);
    expect(refreshRuns().find((run) => run.job === job)?.replica).toBe('b');
  });
});
