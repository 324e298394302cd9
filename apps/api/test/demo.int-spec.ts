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
  }[];
  frictionPoints: { status: string; source: string }[];
  surveys: { id: string; type: string; anonymous: boolean; touchpoint: { name: string } | null }[];
  feedbackRequests: { status: string }[];
  feedbackSummary: { responses: number; nps: number | null; csat: number | null; ces: number | null };
  touchpoints: { name: string; momentOfTruth: boolean }[];
}

/** What the owner sees, in one read. */
async function snapshot(): Promise<Snapshot> {
  return owner
    .ok<Snapshot>(`{
    me { workspace { name feedbackCapDays } }
    members { name role }
    customers(first: 100) { totalCount edges { node {
      name ownCadenceDays owner { id } tags profileFacts { label } health { band }
      interactions(first: 100) { totalCount edges { node { occurredAt purpose sentiment member { id } } } }
    } } }
    checkIns(first: 100) { totalCount }
    audits { scenario status external scenarioConsistency { audits consistency } }
    frictionPoints { status source }
    surveys { id type anonymous touchpoint { name } }
    feedbackRequests { status }
    feedbackSummary { responses nps csat ces }
    touchpoints { name momentOfTruth }
  }`)
    .then(({ me, ...data }: any) => ({ ...data, workspace: me.workspace }));
}

describe('npm run demo: the Crumb & Co. demo workspace', () => {
  let first: Snapshot;

  it('is seeded through the API, and the owner and staff can sign in with the printed passwords', async () => {
    const lines: string[] = [];
    const result = await seedDemo(() => t.client(), { log: (line) => lines.push(line) });
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

  it('changes nothing when run again', async () => {
    const result = await seedDemo(() => t.client());
    expect(result).toEqual({ created: false, workspaceName: 'Crumb & Co.' });
    expect(await snapshot()).toEqual(first);
  });

  it('plans the same demo from the same seed', () => {
    const now = new Date('2025-06-01T12:00:00Z');
    expect(planDemo(now)).toEqual(planDemo(now));
    expect(planDemo(now, 1)).not.toEqual(planDemo(now));
  });
});
