import { type HealthFacts, health } from '@rapport/domain';
import { CUSTOMERS, OWNER, STAFF } from '../src/demo/data';
import { planDemo } from '../src/demo/plan';
import { seedDemo } from '../src/demo/seed';
import { type GqlClient, startTestApp, type TestApp } from './support/harness';

const DAY = 86_400_000;

let t: TestApp;
let owner: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** The test app's GraphQL endpoint and its database, as `npm run demo` hands them to seedDemo. */
const target = () => ({ api: () => t.client(), databaseUrl: t.appUrl });

async function signIn(email: string, password: string): Promise<GqlClient> {
  const client = t.client();
  await client.ok(
    `mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { member { id } } }`,
    {
      email,
      password,
    },
  );
  return client;
}

interface Snapshot {
  workspace: { name: string; feedbackCapDays: number };
  members: { name: string; role: string }[];
  customers: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        name: string;
        ownCadenceDays: number | null;
        owner: { id: string } | null;
        tags: string[];
        profileFacts: unknown[];
        health: { band: string };
        interactions: {
          totalCount: number;
          edges: {
            node: { occurredAt: string; purpose: string; sentiment: number; member: { id: string } };
          }[];
        };
      };
    }[];
  };
  checkIns: { totalCount: number };
  audits: {
    scenario: string;
    status: string;
    external: boolean;
    scenarioConsistency: { audits: number; consistency: number | null }[];
    createdAt: string;
    submittedAt: string;
    observations: { recordedAt: string }[];
  }[];
  frictionPoints: {
    status: string;
    source: string;
    createdAt: string;
    updatedAt: string;
    resolvedAt: string | null;
    audit: { submittedAt: string } | null;
  }[];
  surveys: { id: string; type: string; anonymous: boolean; touchpoint: { name: string } | null }[];
  feedbackRequests: {
    status: string;
    createdAt: string;
    expiresAt: string;
    response: { respondedAt: string } | null;
  }[];
  feedbackResponses: { respondedAt: string; customer: { id: string } | null }[];
  feedbackSummary: { responses: number; nps: number | null; csat: number | null; ces: number | null };
  healthSummary: { averageScore: number };
  healthTrend: { day: string; averageScore: number; healthy: number; watch: number; atRisk: number }[];
  touchpoints: { name: string; momentOfTruth: boolean }[];
}

const OVERVIEW = `{
  me { workspace { name feedbackCapDays } }
  members { name role }
  customers(first: 100) { totalCount edges { node {
    id name ownCadenceDays owner { id } tags profileFacts { label } health { band }
  } } }
  checkIns(first: 100) { totalCount }
  audits {
    scenario status external scenarioConsistency { audits consistency }
    createdAt submittedAt observations { recordedAt }
  }
  frictionPoints { status source createdAt updatedAt resolvedAt audit { submittedAt } }
  surveys { id type anonymous touchpoint { name } }
  feedbackRequests { status createdAt expiresAt response { respondedAt } }
  feedbackResponses { respondedAt customer { id } }
  feedbackSummary { responses nps csat ces }
  healthSummary { averageScore }
  healthTrend(days: 90) { day averageScore healthy watch atRisk }
  touchpoints { name momentOfTruth }
}`;

const INTERACTIONS = `query($id: ID!) { customer(id: $id) {
  interactions(first: 100) { totalCount edges { node { occurredAt purpose sentiment member { id } } } }
} }`;

/** What the owner sees: the overview, then each customer's interactions (all in one read costs too much). */
async function snapshot(): Promise<Snapshot> {
  const { me, customers, ...overview } = await owner.ok(OVERVIEW);
  const edges = await Promise.all(
    customers.edges.map(async ({ node }: { node: { id: string } }) => {
      const { customer } = await owner.ok(INTERACTIONS, { id: node.id });
      return { node: { ...node, interactions: customer.interactions } };
    }),
  );
  return {
    ...(overview as Omit<Snapshot, 'workspace' | 'customers'>),
    workspace: me.workspace,
    customers: { totalCount: customers.totalCount, edges },
  };
}

const time = (iso: string) => Date.parse(iso);

/** Every customer's health facts, read straight from the tables. */
async function healthFacts(): Promise<Map<string, HealthFacts>> {
  const query = async (sql: string) => (await t.admin.query(sql)).rows;
  const customers = await query(
    `select c.id, c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days
       from customers c join workspaces w on w.id = c.workspace_id`,
  );
  const interactions = await query(`select customer_id, occurred_at, purpose, sentiment from interactions`);
  const feedback = await query(
    `select a.customer_id, a.responded_at, s.type, a.score from feedback_responses a
       join surveys s on s.workspace_id = a.workspace_id and s.id = a.survey_id where a.customer_id is not null`,
  );
  const friction = await query(
    `select customer_id, created_at, resolved_at from friction_points where customer_id is not null`,
  );
  const of = <T extends { customer_id: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.customer_id === id);
  return new Map(
    customers.map((c) => [
      c.id,
      {
        createdAt: c.created_at,
        cadenceDays: c.cadence_days,
        interactions: of(interactions, c.id).map((i) => ({
          occurredAt: i.occurred_at,
          purpose: i.purpose,
          sentiment: i.sentiment,
        })),
        feedback: of(feedback, c.id).map((f) => ({
          answeredAt: f.responded_at,
          surveyType: f.type,
          score: f.score,
        })),
        frictionPoints: of(friction, c.id).map((f) => ({
          raisedAt: f.created_at,
          resolvedAt: f.resolved_at,
        })),
      },
    ]),
  );
}

describe('npm run demo: the Crumb & Co. demo workspace', () => {
  let first: Snapshot;

  it('is seeded through the API, and the owner and staff can sign in with the printed passwords', async () => {
    const lines: string[] = [];
    const result = await seedDemo(target(), { log: (line) => lines.push(line) });
    expect(result).toEqual({ created: true });
    expect(lines.length).toBeGreaterThan(3);
    owner = await signIn(OWNER.email, OWNER.password);
    const staff = await signIn(STAFF.email, STAFF.password);
    const me = await staff.ok(`{ me { role } }`);
    expect(me.me.role).toBe('STAFF');
    first = await snapshot();
  }, 60_000);

  it('has two members, the bakery touchpoints and its settings back to normal', () => {
    expect(first.workspace).toEqual({ name: 'Crumb & Co.', feedbackCapDays: 30 });
    expect(first.members.map((m) => m.role).sort()).toEqual(['OWNER', 'STAFF']);
    expect(first.touchpoints.map((tp) => tp.name)).toEqual(
      expect.arrayContaining([
        'Website order form',
        'Phone line',
        'Shop counter',
        'Delivery',
        'Invoice & billing',
      ]),
    );
    expect(first.touchpoints.filter((tp) => tp.momentOfTruth).length).toBeGreaterThanOrEqual(2);
  });

  it('has ~40 customers with owners, own cadences, tags, profile facts and every health band', () => {
    const customers = first.customers.edges.map((e) => e.node);
    expect(first.customers.totalCount).toBe(CUSTOMERS.length);
    expect(customers.length).toBeGreaterThanOrEqual(35);
    expect(customers.filter((c) => c.owner).length).toBeGreaterThan(30);
    expect(customers.filter((c) => c.ownCadenceDays !== null).length).toBeGreaterThanOrEqual(5);
    expect(customers.every((c) => c.tags.length > 0)).toBe(true);
    expect(customers.filter((c) => c.profileFacts.length > 0).length).toBeGreaterThan(30);
    expect(new Set(customers.map((c) => c.health.band))).toEqual(new Set(['HEALTHY', 'WATCH', 'AT_RISK']));
  });

  it('has six months of interactions by both members, mostly sales and service, with varied sentiment', () => {
    const interactions = first.customers.edges.flatMap((e) => e.node.interactions.edges.map((i) => i.node));
    expect(interactions.length).toBeGreaterThan(250);
    const times = interactions.map((i) => Date.parse(i.occurredAt));
    const now = Date.now();
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(now - Math.min(...times)).toBeGreaterThan(160 * DAY);
    expect(now - Math.min(...times)).toBeLessThan(190 * DAY);
    expect(new Set(interactions.map((i) => i.member.id)).size).toBe(2);
    const share = (purpose: string) =>
      interactions.filter((i) => i.purpose === purpose).length / interactions.length;
    expect(share('SALES') + share('SERVICE')).toBeGreaterThan(0.5);
    expect(share('RELATIONSHIP')).toBeGreaterThan(0.1);
    expect(new Set(interactions.map((i) => i.sentiment))).toEqual(new Set([-2, -1, 0, 1, 2]));
    expect(first.checkIns.totalCount).toBeGreaterThanOrEqual(3);
  });

  it('has two submitted audits of the same scenario, one by a member and one by an outsider', () => {
    expect(first.audits).toHaveLength(2);
    expect(first.audits.every((a) => a.status === 'SUBMITTED')).toBe(true);
    expect(new Set(first.audits.map((a) => a.scenario)).size).toBe(1);
    expect(first.audits.map((a) => a.external).sort()).toEqual([false, true]);
    for (const step of first.audits[0]!.scenarioConsistency) {
      expect(step.audits).toBe(2);
      expect(step.consistency).not.toBeNull();
    }
  });

  it('has open, in-progress and resolved friction from audits, contacts, feedback and by hand', () => {
    const statuses = new Set(first.frictionPoints.map((p) => p.status));
    expect(statuses).toEqual(new Set(['OPEN', 'IN_PROGRESS', 'RESOLVED']));
    expect(new Set(first.frictionPoints.map((p) => p.source))).toEqual(
      new Set(['AUDIT', 'INTERACTION', 'FEEDBACK', 'MANUAL']),
    );
  });

  it('has an attributed NPS, a CES and an anonymous CSAT at the counter, with answers', async () => {
    const byType = Object.fromEntries(first.surveys.map((s) => [s.type, s]));
    expect(byType.NPS).toMatchObject({ anonymous: false });
    expect(byType.CSAT).toMatchObject({ anonymous: true, touchpoint: { name: 'Shop counter' } });
    expect(first.feedbackRequests.filter((r) => r.status === 'ANSWERED').length).toBeGreaterThan(20);
    expect(first.feedbackRequests.some((r) => r.status === 'PENDING')).toBe(true);
    expect(first.feedbackSummary.nps).not.toBeNull();
    expect(first.feedbackSummary.csat).not.toBeNull();
    expect(first.feedbackSummary.ces).not.toBeNull();
    const counter = await owner.ok(`query($id: ID) { feedbackSummary(surveyId: $id) { responses csat } }`, {
      id: byType.CSAT!.id,
    });
    expect(counter.feedbackSummary.responses).toBeGreaterThanOrEqual(5);
    expect(counter.feedbackSummary.csat).not.toBeNull();
  });

  it('has a daily health trend for the last 90 days that moves, ending at the stored health', () => {
    const trend = first.healthTrend;
    expect(trend.length).toBeGreaterThanOrEqual(88);
    expect(trend.every((day) => day.healthy + day.watch + day.atRisk >= 30)).toBe(true);
    expect(new Set(trend.map((day) => day.averageScore)).size).toBeGreaterThan(10);
    expect(trend.at(-1)?.averageScore).toBeCloseTo(first.healthSummary.averageScore, 9);
  });

  it('stores health as the model computes it, and a daily snapshot of it for months back', async () => {
    const facts = await healthFacts();
    const { rows: customers } = await t.admin.query(
      `select id, health_score as score, health_band as band, health_as_of as "asOf" from customers`,
    );
    const stored = new Map(customers.map((c) => [c.id, c]));
    const { rows: snapshots } = await t.admin.query(
      `select customer_id as id, to_char(day, 'YYYY-MM-DD') as day, score, band from health_snapshots`,
    );
    expect(snapshots.length).toBeGreaterThan(CUSTOMERS.length * 80);
    const today = new Date().toISOString().slice(0, 10);
    const differing = [
      ...customers.filter((c) => health(facts.get(c.id)!, c.asOf).score !== c.score),
      ...snapshots.filter((s) => {
        const expected =
          s.day === today ? stored.get(s.id) : health(facts.get(s.id)!, new Date(`${s.day}T23:59:59.999Z`));
        return s.score !== expected?.score || s.band !== expected?.band;
      }),
    ];
    expect(differing).toEqual([]);
    expect(snapshots.filter((s) => s.day === today).length).toBe(CUSTOMERS.length);
  });

  it('has feedback answered over months, each answer after its request and before it expired', () => {
    const weeks = (answers: { respondedAt: string }[]) =>
      new Set(answers.map((a) => Math.floor(time(a.respondedAt) / (7 * DAY)))).size;
    expect(weeks(first.feedbackResponses)).toBeGreaterThanOrEqual(8);
    expect(weeks(first.feedbackResponses.filter((a) => a.customer))).toBeGreaterThanOrEqual(8);
    expect(weeks(first.feedbackResponses.filter((a) => !a.customer))).toBeGreaterThanOrEqual(8);
    const answered = first.feedbackRequests.filter((r) => r.response);
    expect(answered.length).toBeGreaterThan(20);
    for (const request of answered) {
      const at = time(request.response?.respondedAt ?? '');
      expect(at).toBeGreaterThan(time(request.createdAt));
      expect(at).toBeLessThan(time(request.expiresAt));
    }
    expect(Date.now() - Math.min(...answered.map((r) => time(r.createdAt)))).toBeGreaterThan(90 * DAY);
  });

  it('has the two audit rounds weeks apart, each step recorded in between, friction raised at submission', () => {
    const round = (external: boolean) => first.audits.find((a) => a.external === external)!;
    const round1 = round(false);
    const round2 = round(true);
    const daysAgo = (iso: string) => (Date.now() - time(iso)) / DAY;
    expect(daysAgo(round1.submittedAt)).toBeGreaterThan(80);
    expect(daysAgo(round1.submittedAt)).toBeLessThan(100);
    expect(daysAgo(round2.submittedAt)).toBeGreaterThan(13);
    expect(daysAgo(round2.submittedAt)).toBeLessThan(30);
    for (const audit of [round1, round2]) {
      const steps = audit.observations.map((o) => time(o.recordedAt));
      expect(steps).toEqual([...steps].sort((a, b) => a - b));
      expect(Math.min(...steps)).toBeGreaterThan(time(audit.createdAt));
      expect(Math.max(...steps)).toBeLessThan(time(audit.submittedAt));
    }
    const fromAudits = first.frictionPoints.filter((p) => p.source === 'AUDIT');
    expect(fromAudits.length).toBeGreaterThan(0);
    for (const point of fromAudits) expect(point.createdAt).toBe(point.audit?.submittedAt);
  });

  it('has friction raised over months, moved on and resolved after it was raised', () => {
    const points = first.frictionPoints;
    for (const point of points) {
      expect(time(point.updatedAt)).toBeGreaterThanOrEqual(time(point.createdAt));
      expect(time(point.updatedAt)).toBeLessThanOrEqual(Date.now());
      if (point.status === 'RESOLVED') {
        expect(time(point.resolvedAt ?? '')).toBeGreaterThan(time(point.createdAt));
        expect(point.resolvedAt).toBe(point.updatedAt);
      }
    }
    const days = new Set(points.map((p) => p.createdAt.slice(0, 10)));
    expect(days.size).toBeGreaterThan(10);
  });

  it('keeps the dates behind the API in order', async () => {
    const violations: Record<string, string> = {
      'customer added after a contact': `select c.id from customers c
        join interactions i on i.workspace_id = c.workspace_id and i.customer_id = c.id where i.occurred_at < c.created_at`,
      'request sent before its contact': `select r.id from feedback_requests r
        join interactions i on i.workspace_id = r.workspace_id and i.id = r.interaction_id where r.created_at < i.occurred_at`,
      'answer not on its request': `select r.id from feedback_requests r
        join feedback_responses a on a.workspace_id = r.workspace_id and a.request_id = r.id
        where a.responded_at is distinct from r.answered_at`,
      'link not moved with its request': `select r.id from feedback_requests r
        join access_tokens t on t.workspace_id = r.workspace_id and t.kind = 'feedback' and t.subject_id = r.id
        where t.expires_at <> r.expires_at or t.used_at is distinct from r.answered_at`,
      'anonymous answer with a time of day': `select id from feedback_responses
        where request_id is null and responded_at <> date_trunc('day', responded_at)`,
      'follow-up not raised with its answer': `select f.id from friction_points f
        join feedback_responses a on a.workspace_id = f.workspace_id and a.id = f.feedback_response_id
        where date_trunc('day', f.created_at) <> date_trunc('day', a.responded_at)
           or (a.request_id is not null and f.created_at <> a.responded_at)`,
      'survey used before it was set up': `select s.id from surveys s
        join feedback_responses a on a.workspace_id = s.workspace_id and a.survey_id = s.id where a.responded_at < s.created_at`,
      'point raised before its contact': `select f.id from friction_points f
        join interactions i on i.workspace_id = f.workspace_id and i.id = f.interaction_id where f.created_at < i.occurred_at`,
    };
    const found: Record<string, number> = {};
    for (const [name, sql] of Object.entries(violations))
      found[name] = (await t.admin.query(sql)).rowCount ?? 0;
    expect(found).toEqual(Object.fromEntries(Object.keys(violations).map((name) => [name, 0])));
  });

  it('records its history as it happened: entered by its members and through its links, dated back by Rapport', async () => {
    const { rows: origins } = await t.admin.query(
      'select origin, count(*)::int as n from change_history group by origin order by origin',
    );
    const count = Object.fromEntries(origins.map((r) => [r.origin, r.n]));
    expect(count.MEMBER).toBeGreaterThan(CUSTOMERS.length);
    expect(count.AUDIT_LINK).toBeGreaterThan(0);
    const { rows: members } = await t.admin.query(
      `select distinct m.name from change_history h
         join members m on m.workspace_id = h.workspace_id and m.id = h.member_id order by 1`,
    );
    expect(members.map((r) => r.name)).toEqual([OWNER.name, STAFF.name].sort());
    const { rows: system } = await t.admin.query(
      `select distinct h.action, h.entity, c ->> 'field' as field
         from change_history h, jsonb_array_elements(h.changes) c where h.origin = 'SYSTEM' order by 1, 2, 3`,
    );
    // The last step moves dates the API stamps itself; all else was entered through the API.
    expect(system).toEqual([
      { action: 'UPDATE', entity: 'AUDIT', field: 'submittedAt' },
      { action: 'UPDATE', entity: 'FRICTION_POINT', field: 'resolvedAt' },
      { action: 'UPDATE', entity: 'INTERACTION', field: 'occurredAt' },
    ]);
  });

  it('changes nothing when run again', async () => {
    const result = await seedDemo(target());
    expect(result).toEqual({ created: false, workspaceName: 'Crumb & Co.' });
    expect(await snapshot()).toEqual(first);
  });

  it('plans the same demo from the same seed', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    expect(planDemo(now)).toEqual(planDemo(now));
    expect(planDemo(now, 1)).not.toEqual(planDemo(now));
  });
});
