import { type HealthFacts, type HealthInteractionFact, health } from '@rapport/domain';
import { dumpState } from './support/database';
import {
  addMember,
  code,
  fields,
  type GqlClient,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
} from './support/harness';

const POINT = `id description severity status resolution source createdAt updatedAt resolvedAt
  touchpoint { id } customer { id } owner { id } interaction { id frictionNote }`;
const RAISE = `mutation($input: RaiseFrictionPointInput!) { raiseFrictionPoint(input: $input) { ${POINT} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateFrictionPointInput!) {
  updateFrictionPoint(id: $id, input: $input) { ${POINT} }
}`;
const LIST = `query($status: FrictionStatus, $touchpointId: ID, $customerId: ID) {
  frictionPoints(status: $status, touchpointId: $touchpointId, customerId: $customerId) { ${POINT} }
}`;
const GET = `query($id: ID!) { frictionPoint(id: $id) { ${POINT} } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_TOUCHPOINT = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;
const HEALTH = 'health { score band trend factors { key value points explanation } nextBestAction }';
const CUSTOMER = `query($id: ID!) { customer(id: $id) { id ${HEALTH} } }`;
const SUMMARY = '{ healthSummary { healthy watch atRisk averageScore checkInsOverdue } }';
const BAND = `query($band: HealthBand) { customers(first: 50, filter: { band: $band }) { totalCount edges { node { id } } } }`;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

interface Point {
  id: string;
  description: string;
  severity: number;
  status: string;
  resolution: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  touchpoint: { id: string } | null;
  customer: { id: string } | null;
  owner: { id: string } | null;
  interaction: { id: string; frictionNote: string | null } | null;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function createCustomer(client: GqlClient, input: Record<string, unknown> = {}): Promise<string> {
  return (await client.ok(CREATE_CUSTOMER, { input: { name: 'Carla Customer', ...input } })).createCustomer
    .id;
}

async function createTouchpoint(client: GqlClient, name = 'Counter'): Promise<string> {
  const input = { name, channel: 'STORE', stage: 'BUY' };
  return (await client.ok(CREATE_TOUCHPOINT, { input })).createTouchpoint.id;
}

async function raise(client: GqlClient, input: Record<string, unknown>): Promise<Point> {
  return (await client.ok(RAISE, { input: { description: 'Card reader fails', severity: 2, ...input } }))
    .raiseFrictionPoint;
}

async function update(client: GqlClient, id: string, input: Record<string, unknown>): Promise<Point> {
  return (await client.ok(UPDATE, { id, input })).updateFrictionPoint;
}

async function row(id: string) {
  const { rows } = await t.admin.query('select * from friction_points where id = $1', [id]);
  return rows[0];
}

/** A workspace with a staff member, a touchpoint, and a customer whose relationship owner is the staff member. */
interface World {
  owner: SignedIn;
  staff: SignedIn;
  touchpointId: string;
  customerId: string;
}

async function world(name: string): Promise<World> {
  const owner = await signUpOwner(t, name);
  const staff = await addMember(t, owner);
  const touchpointId = await createTouchpoint(owner.client);
  const customerId = await createCustomer(owner.client, { ownerId: staff.memberId });
  return { owner, staff, touchpointId, customerId };
}

describe('raiseFrictionPoint', () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    w = await world('Friction Bakery');
    other = await world('Other Bakery');
  });

  it('raises a point by hand on a touchpoint and a customer: OPEN, MANUAL, owned by the customer’s owner', async () => {
    const point = await raise(w.owner.client, {
      touchpointId: w.touchpointId,
      customerId: w.customerId,
      description: '  Card reader fails twice a day  ',
      severity: 3,
    });
    expect(point).toMatchObject({
      description: 'Card reader fails twice a day',
      severity: 3,
      status: 'OPEN',
      resolution: null,
      source: 'MANUAL',
      resolvedAt: null,
      touchpoint: { id: w.touchpointId },
      customer: { id: w.customerId },
      owner: { id: w.staff.memberId },
      interaction: null,
    });
    expect(await row(point.id)).toMatchObject({
      workspace_id: w.owner.workspaceId,
      customer_id: w.customerId,
      touchpoint_id: w.touchpointId,
      owner_id: w.staff.memberId,
      created_by: w.owner.memberId,
      source: 'MANUAL',
      status: 'OPEN',
    });
  });

  it('raises a point on a touchpoint only: no customer, no owner by default', async () => {
    const point = await raise(w.owner.client, { touchpointId: w.touchpointId });
    expect(point).toMatchObject({ touchpoint: { id: w.touchpointId }, customer: null, owner: null });
  });

  it('raises a point on a customer only', async () => {
    const point = await raise(w.owner.client, { customerId: w.customerId });
    expect(point).toMatchObject({
      touchpoint: null,
      customer: { id: w.customerId },
      owner: { id: w.staff.memberId },
    });
  });

  it('raises a point on neither', async () => {
    const point = await raise(w.owner.client, {});
    expect(point).toMatchObject({ touchpoint: null, customer: null, owner: null, source: 'MANUAL' });
  });

  it('takes a named owner over the customer’s owner', async () => {
    const point = await raise(w.owner.client, { customerId: w.customerId, ownerId: w.owner.memberId });
    expect(point.owner).toEqual({ id: w.owner.memberId });
  });

  it('lets staff raise a point', async () => {
    const point = await raise(w.staff.client, { touchpointId: w.touchpointId, severity: 1 });
    expect(point).toMatchObject({ status: 'OPEN', severity: 1, touchpoint: { id: w.touchpointId } });
    expect((await row(point.id)).created_by).toBe(w.staff.memberId);
  });

  it.each([
    { case: 'severity 0', input: { severity: 0 }, fields: { severity: 'At least 1' } },
    { case: 'severity 4', input: { severity: 4 }, fields: { severity: 'At most 3' } },
    { case: 'a blank description', input: { description: '   ' }, fields: { description: 'Required' } },
    {
      case: 'a 2001-character description',
      input: { description: 'x'.repeat(2_001) },
      fields: { description: 'At most 2000 characters' },
    },
    {
      case: 'a customer id that is not a uuid',
      input: { customerId: 'c-1' },
      fields: { customerId: 'Not a valid id' },
    },
  ])(
    'refuses $case with BAD_USER_INPUT naming the field, writing nothing',
    async ({ input, fields: expected }) => {
      const before = await dumpState(t.admin);
      const result = await w.owner.client.gql(RAISE, {
        input: { description: 'Slow', severity: 2, customerId: w.customerId, ...input },
      });
      expect(code(result)).toBe('BAD_USER_INPUT');
      expect(fields(result)).toEqual(expected);
      expect(await dumpState(t.admin)).toEqual(before);
    },
  );

  it.each([
    { case: 'an unknown customer', input: () => ({ customerId: UNKNOWN }) },
    { case: 'another workspace’s customer', input: () => ({ customerId: other.customerId }) },
    { case: 'an unknown touchpoint', input: () => ({ touchpointId: UNKNOWN }) },
    { case: 'another workspace’s touchpoint', input: () => ({ touchpointId: other.touchpointId }) },
    { case: 'an unknown interaction', input: () => ({ interactionId: UNKNOWN }) },
  ])('answers NOT_FOUND for $case, writing nothing', async ({ input }) => {
    const before = await dumpState(t.admin);
    const result = await w.owner.client.gql(RAISE, {
      input: { description: 'Slow', severity: 2, ...input() },
    });
    expect(code(result)).toBe('NOT_FOUND');
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it.each([
    { case: 'an unknown owner', ownerId: () => UNKNOWN },
    { case: 'another workspace’s member', ownerId: () => other.owner.memberId },
  ])('refuses $case as BAD_USER_INPUT ownerId, writing nothing', async ({ ownerId }) => {
    const before = await dumpState(t.admin);
    const result = await w.owner.client.gql(RAISE, {
      input: { description: 'Slow', severity: 2, customerId: w.customerId, ownerId: ownerId() },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual({ ownerId: 'No such member' });
    expect(await dumpState(t.admin)).toEqual(before);
  });

  describe('from an interaction’s friction note', () => {
    let interactionId: string;
    let secondTouchpointId: string;
    beforeAll(async () => {
      secondTouchpointId = await createTouchpoint(w.owner.client, 'Phone line');
      interactionId = (
        await w.staff.client.ok(LOG, {
          input: {
            customerId: w.customerId,
            touchpointId: w.touchpointId,
            direction: 'INBOUND',
            purpose: 'SUPPORT',
            sentiment: -1,
            summary: 'Could not pay by card',
            frictionNote: 'The card reader failed again',
          },
        })
      ).logInteraction.id;
    });

    it('takes the interaction’s customer and touchpoint, source INTERACTION, and links the interaction', async () => {
      const point = await raise(w.staff.client, {
        interactionId,
        description: 'The card reader failed again',
      });
      expect(point).toMatchObject({
        source: 'INTERACTION',
        customer: { id: w.customerId },
        touchpoint: { id: w.touchpointId },
        owner: { id: w.staff.memberId },
        interaction: { id: interactionId, frictionNote: 'The card reader failed again' },
      });
      expect(await row(point.id)).toMatchObject({ interaction_id: interactionId, source: 'INTERACTION' });
      const fetched = await w.owner.client.ok(GET, { id: point.id });
      expect(fetched.frictionPoint.interaction).toEqual({
        id: interactionId,
        frictionNote: 'The card reader failed again',
      });
    });

    it('keeps a touchpoint or customer named explicitly over the interaction’s', async () => {
      const otherCustomerId = await createCustomer(w.owner.client, { name: 'Other Customer' });
      const point = await raise(w.owner.client, {
        interactionId,
        touchpointId: secondTouchpointId,
        customerId: otherCustomerId,
      });
      expect(point).toMatchObject({
        source: 'INTERACTION',
        touchpoint: { id: secondTouchpointId },
        customer: { id: otherCustomerId },
        interaction: { id: interactionId },
        owner: null,
      });
    });

    it('answers NOT_FOUND for another workspace’s interaction', async () => {
      const foreign = (
        await other.owner.client.ok(LOG, {
          input: {
            customerId: other.customerId,
            channel: 'PHONE',
            direction: 'INBOUND',
            purpose: 'SUPPORT',
            sentiment: 0,
            summary: 'Hello',
            frictionNote: 'x',
          },
        })
      ).logInteraction.id;
      const before = await dumpState(t.admin);
      const result = await w.owner.client.gql(RAISE, {
        input: { interactionId: foreign, description: 'Slow', severity: 1 },
      });
      expect(code(result)).toBe('NOT_FOUND');
      expect(await dumpState(t.admin)).toEqual(before);
    });
  });
});

describe('updateFrictionPoint', () => {
  let w: World;
  let other: World;
  beforeAll(async () => {
    w = await world('Update Bakery');
    other = await world('Update Other');
  });

  it('assigns an owner and unassigns with null', async () => {
    const point = await raise(w.owner.client, { touchpointId: w.touchpointId });
    expect(point.owner).toBeNull();
    const assigned = await update(w.owner.client, point.id, { ownerId: w.staff.memberId });
    expect(assigned).toMatchObject({
      owner: { id: w.staff.memberId },
      status: 'OPEN',
      description: point.description,
    });
    const unassigned = await update(w.owner.client, point.id, { ownerId: null });
    expect(unassigned.owner).toBeNull();
    expect((await row(point.id)).owner_id).toBeNull();
  });

  it('refuses an unknown owner as BAD_USER_INPUT ownerId, changing nothing', async () => {
    const point = await raise(w.owner.client, {});
    const before = await dumpState(t.admin);
    const result = await w.owner.client.gql(UPDATE, {
      id: point.id,
      input: { ownerId: other.staff.memberId },
    });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual({ ownerId: 'No such member' });
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('moves OPEN → IN_PROGRESS → RESOLVED, which needs a resolution', async () => {
    const point = await raise(w.owner.client, { customerId: w.customerId });
    const started = await update(w.staff.client, point.id, { status: 'IN_PROGRESS' });
    expect(started).toMatchObject({ status: 'IN_PROGRESS', resolvedAt: null, resolution: null });

    const before = await dumpState(t.admin);
    const refused = await w.staff.client.gql(UPDATE, { id: point.id, input: { status: 'RESOLVED' } });
    expect(code(refused)).toBe('BAD_USER_INPUT');
    expect(fields(refused)).toEqual({ resolution: 'Say how it was resolved' });
    const blank = await w.staff.client.gql(UPDATE, {
      id: point.id,
      input: { status: 'RESOLVED', resolution: '  ' },
    });
    expect(fields(blank)).toEqual({ resolution: 'Say how it was resolved' });
    expect(await dumpState(t.admin)).toEqual(before);

    const resolved = await update(w.staff.client, point.id, {
      status: 'RESOLVED',
      resolution: 'Replaced the reader',
    });
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'Replaced the reader' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(new Date(resolved.resolvedAt as string).getTime()).toBeGreaterThanOrEqual(
      new Date(point.createdAt).getTime(),
    );
    expect((await row(point.id)).resolved_at).toEqual(new Date(resolved.resolvedAt as string));
  });

  it('resolves with a resolution given earlier', async () => {
    const point = await raise(w.owner.client, {});
    const noted = await update(w.owner.client, point.id, {
      status: 'IN_PROGRESS',
      resolution: 'Ordered a new reader',
    });
    expect(noted).toMatchObject({
      status: 'IN_PROGRESS',
      resolution: 'Ordered a new reader',
      resolvedAt: null,
    });
    const resolved = await update(w.owner.client, point.id, { status: 'RESOLVED' });
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolution: 'Ordered a new reader' });
    expect(resolved.resolvedAt).not.toBeNull();
  });

  it('keeps the resolution and resolvedAt when something else changes on a resolved point', async () => {
    const point = await raise(w.owner.client, {});
    const resolved = await update(w.owner.client, point.id, { status: 'RESOLVED', resolution: 'Fixed' });
    const reassigned = await update(w.owner.client, point.id, { ownerId: w.staff.memberId });
    expect(reassigned).toMatchObject({
      status: 'RESOLVED',
      resolution: 'Fixed',
      resolvedAt: resolved.resolvedAt,
      owner: { id: w.staff.memberId },
    });
  });

  it('re-opens a resolved point: resolvedAt cleared, the note kept', async () => {
    const point = await raise(w.owner.client, { customerId: w.customerId });
    await update(w.owner.client, point.id, { status: 'RESOLVED', resolution: 'Seemed fine' });
    const reopened = await update(w.owner.client, point.id, { status: 'OPEN' });
    expect(reopened).toMatchObject({ status: 'OPEN', resolvedAt: null, resolution: 'Seemed fine' });
    expect(await row(point.id)).toMatchObject({
      status: 'OPEN',
      resolved_at: null,
      resolution: 'Seemed fine',
    });
  });

  it('lets staff resolve a point someone else owns (empowered to act)', async () => {
    const point = await raise(w.owner.client, { customerId: w.customerId, ownerId: w.owner.memberId });
    const resolved = await update(w.staff.client, point.id, {
      status: 'RESOLVED',
      resolution: 'Called them back',
    });
    expect(resolved).toMatchObject({ status: 'RESOLVED', owner: { id: w.owner.memberId } });
  });

  it.each([
    { case: 'an unknown id', id: () => UNKNOWN },
    { case: 'an id that is not a uuid', id: () => 'nope' },
  ])('answers NOT_FOUND for $case', async ({ id }) => {
    const result = await w.owner.client.gql(UPDATE, { id: id(), input: { status: 'IN_PROGRESS' } });
    expect(code(result)).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for another workspace’s point, changing nothing', async () => {
    const foreign = await raise(other.owner.client, {});
    const before = await dumpState(t.admin);
    const result = await w.owner.client.gql(UPDATE, {
      id: foreign.id,
      input: { status: 'RESOLVED', resolution: 'Not yours' },
    });
    expect(code(result)).toBe('NOT_FOUND');
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await w.owner.client.ok(GET, { id: foreign.id })).frictionPoint).toBeNull();
  });
});

describe('frictionPoints', () => {
  let w: World;
  let other: World;
  let secondTouchpointId: string;
  let secondCustomerId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    w = await world('List Bakery');
    other = await world('List Other');
    secondTouchpointId = await createTouchpoint(w.owner.client, 'Website');
    secondCustomerId = await createCustomer(w.owner.client, { name: 'Second Customer' });
    await raise(other.owner.client, { severity: 3 });
    // Raised one after the other, so each is newer than the one before.
    const plan: [string, Record<string, unknown>, string?][] = [
      ['openLow', { severity: 1, touchpointId: w.touchpointId, customerId: w.customerId }],
      ['resolvedHigh', { severity: 3, touchpointId: w.touchpointId }, 'RESOLVED'],
      ['progressHigh', { severity: 3, customerId: secondCustomerId }, 'IN_PROGRESS'],
      ['openMid', { severity: 2, touchpointId: secondTouchpointId, customerId: w.customerId }],
      ['openHighOld', { severity: 3, touchpointId: w.touchpointId }],
      ['openHighNew', { severity: 3, touchpointId: secondTouchpointId, customerId: secondCustomerId }],
      ['resolvedLow', { severity: 1, customerId: w.customerId }, 'RESOLVED'],
    ];
    for (const [name, input, status] of plan) {
      const point = await raise(w.owner.client, input);
      ids[name] = point.id;
      if (status)
        await update(w.owner.client, point.id, { status, resolution: status === 'RESOLVED' ? 'Done' : null });
    }
  });

  const list = async (args: Record<string, unknown> = {}) =>
    ((await w.owner.client.ok(LIST, args)).frictionPoints as Point[]).map((p) => p.id);
  const named = (...names: string[]) => names.map((n) => ids[n]);

  it('lists only this workspace’s points: unresolved (OPEN or IN_PROGRESS) first, then most severe, then newest', async () => {
    expect(await list()).toEqual(
      named(
        'openHighNew',
        'openHighOld',
        'progressHigh',
        'openMid',
        'openLow',
        'resolvedHigh',
        'resolvedLow',
      ),
    );
  });

  it.each([
    { status: 'OPEN', expected: ['openHighNew', 'openHighOld', 'openMid', 'openLow'] },
    { status: 'IN_PROGRESS', expected: ['progressHigh'] },
    { status: 'RESOLVED', expected: ['resolvedHigh', 'resolvedLow'] },
  ])('filters by status $status', async ({ status, expected }) => {
    expect(await list({ status })).toEqual(named(...expected));
  });

  it('filters by touchpoint', async () => {
    expect(await list({ touchpointId: w.touchpointId })).toEqual(
      named('openHighOld', 'openLow', 'resolvedHigh'),
    );
    expect(await list({ touchpointId: secondTouchpointId })).toEqual(named('openHighNew', 'openMid'));
  });

  it('filters by customer', async () => {
    expect(await list({ customerId: w.customerId })).toEqual(named('openMid', 'openLow', 'resolvedLow'));
    expect(await list({ customerId: secondCustomerId })).toEqual(named('openHighNew', 'progressHigh'));
  });

  it('combines filters', async () => {
    expect(
      await list({ status: 'OPEN', customerId: w.customerId, touchpointId: secondTouchpointId }),
    ).toEqual(named('openMid'));
  });

  it('finds nothing for another workspace’s customer or touchpoint', async () => {
    expect(await list({ customerId: other.customerId })).toEqual([]);
    expect(await list({ touchpointId: other.touchpointId })).toEqual([]);
  });

  it('refuses an id that is not a uuid as BAD_USER_INPUT', async () => {
    const result = await w.owner.client.gql(LIST, { customerId: 'x' });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(fields(result)).toEqual({ customerId: 'Not a valid id' });
  });
});

describe('open friction and a customer’s health', () => {
  let owner: SignedIn;
  let customerId: string;
  let bystanderId: string;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Health Friction Bakery');
    customerId = await createCustomer(owner.client);
    bystanderId = await createCustomer(owner.client, { name: 'Bystander' });
  });

  /** The stored health, and health(facts, health_as_of) from every interaction and friction row. */
  async function check(id: string) {
    const stored = (await owner.client.ok(CUSTOMER, { id })).customer.health;
    const {
      rows: [c],
    } = await t.admin.query(
      `select c.created_at, coalesce(c.cadence_days, w.default_cadence_days) as cadence_days, c.health_as_of,
              c.health_score, c.health
         from customers c join workspaces w on w.id = c.workspace_id where c.id = $1`,
      [id],
    );
    const { rows: interactions } = await t.admin.query(
      'select occurred_at, purpose, sentiment from interactions where customer_id = $1',
      [id],
    );
    const { rows: friction } = await t.admin.query(
      'select created_at, resolved_at from friction_points where customer_id = $1',
      [id],
    );
    const facts: HealthFacts = {
      createdAt: c.created_at,
      cadenceDays: c.cadence_days,
      interactions: interactions.map(
        (r): HealthInteractionFact => ({
          occurredAt: r.occurred_at,
          purpose: r.purpose,
          sentiment: Number(r.sentiment),
        }),
      ),
      feedback: [],
      frictionPoints: friction.map((r) => ({ raisedAt: r.created_at, resolvedAt: r.resolved_at })),
    };
    const expected = health(facts, c.health_as_of);
    expect(stored).toEqual(expected);
    expect(c.health_score).toBe(expected.score);
    const factor = stored.factors.find((f: { key: string }) => f.key === 'friction');
    return { score: stored.score as number, band: stored.band as string, factor };
  }

  const summary = async () => (await owner.client.ok(SUMMARY)).healthSummary;
  const inBand = async (band: string) =>
    ((await owner.client.ok(BAND, { band })).customers.edges as { node: { id: string } }[]).map(
      (e) => e.node.id,
    );

  it('costs 5 points per open point, at most 15, and gives them back as points are resolved', async () => {
    const start = await check(customerId);
    expect(start).toMatchObject({ score: 50, band: 'WATCH' });
    expect(start.factor).toEqual({
      key: 'friction',
      value: 0,
      points: 0,
      explanation: 'No open friction points',
    });
    expect(await summary()).toMatchObject({ healthy: 0, watch: 2, atRisk: 0, averageScore: 50 });

    // One open point: −5 at once.
    const first = await raise(owner.client, { customerId, severity: 1 });
    const one = await check(customerId);
    expect(one.score).toBe(start.score - 5);
    expect(one.factor).toEqual({
      key: 'friction',
      value: 1,
      points: -5,
      explanation: '1 open friction point (−5)',
    });

    // Three more: the penalty stops at 15.
    const points = [first];
    for (let i = 0; i < 3; i++) points.push(await raise(owner.client, { customerId, severity: 2 }));
    const four = await check(customerId);
    expect(four.score).toBe(start.score - 15);
    expect(four).toMatchObject({ score: 35, band: 'AT_RISK' });
    expect(four.factor).toMatchObject({ value: 4, points: -15 });
    expect(four.factor.explanation).toMatch(/^4 open friction points \(−15, capped\)$/);
    expect(await summary()).toMatchObject({ watch: 1, atRisk: 1, averageScore: 42.5 });
    expect(await inBand('AT_RISK')).toEqual([customerId]);
    expect(await inBand('WATCH')).toEqual([bystanderId]);

    // Resolving one of four: still capped, nothing back.
    await update(owner.client, points[0]!.id, { status: 'RESOLVED', resolution: 'Fixed' });
    const three = await check(customerId);
    expect(three).toMatchObject({ score: 35, band: 'AT_RISK' });
    expect(three.factor).toMatchObject({ value: 3, points: -15 });

    // Moving one to IN_PROGRESS: still open, still counted.
    await update(owner.client, points[1]!.id, { status: 'IN_PROGRESS' });
    expect((await check(customerId)).factor).toMatchObject({ value: 3, points: -15 });

    // Resolving a second: 5 back.
    await update(owner.client, points[1]!.id, { status: 'RESOLVED', resolution: 'Fixed' });
    const two = await check(customerId);
    expect(two).toMatchObject({ score: 40, band: 'WATCH' });
    expect(two.factor).toMatchObject({ value: 2, points: -10 });
    expect(await summary()).toMatchObject({ watch: 2, atRisk: 0, averageScore: 45 });
    expect(await inBand('AT_RISK')).toEqual([]);

    // Re-opening costs the 5 again.
    await update(owner.client, points[1]!.id, { status: 'OPEN' });
    expect(await check(customerId)).toMatchObject({ score: 35, band: 'AT_RISK' });

    // The bystander never moved.
    expect((await check(bystanderId)).score).toBe(50);
  });

  it('counts points only on their own customer, not those on a touchpoint only', async () => {
    const id = await createCustomer(owner.client, { name: 'Touchpoint Only' });
    const touchpointId = await createTouchpoint(owner.client, 'Till');
    await raise(owner.client, { touchpointId });
    expect(await check(id)).toMatchObject({ score: 50 });
  });

  it('costs health when raised from an interaction’s friction note', async () => {
    const id = await createCustomer(owner.client, { name: 'Noted' });
    const interactionId = (
      await owner.client.ok(LOG, {
        input: {
          customerId: id,
          channel: 'PHONE',
          direction: 'INBOUND',
          purpose: 'SUPPORT',
          sentiment: 0,
          summary: 'Asked about a bill',
          frictionNote: 'The bill was confusing',
        },
      })
    ).logInteraction.id;
    const before = await check(id);
    expect(before.factor.value).toBe(0);
    await raise(owner.client, { interactionId });
    const after = await check(id);
    expect(after.score).toBe(before.score - 5);
    expect(after.factor).toMatchObject({ value: 1, points: -5 });
  });
});
