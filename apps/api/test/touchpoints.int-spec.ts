import { randomUUID } from 'node:crypto';
import { CHANNELS, JOURNEY_STAGES } from '@rapport/domain';
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

const TOUCHPOINT_FIELDS = 'id name channel stage description momentOfTruth';
const TOUCHPOINT = `query($id: ID!) { touchpoint(id: $id) { ${TOUCHPOINT_FIELDS} } }`;
const TOUCHPOINTS = `{ touchpoints { ${TOUCHPOINT_FIELDS} } }`;
const CREATE = `mutation($input: TouchpointInput!) { createTouchpoint(input: $input) { ${TOUCHPOINT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: TouchpointInput!) {
  updateTouchpoint(id: $id, input: $input) { ${TOUCHPOINT_FIELDS} }
}`;

const FRONT_DESK = { name: 'Front desk', channel: 'STORE', stage: 'BUY' };

let t: TestApp;
let owner: SignedIn;
let staff: SignedIn;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t);
  staff = await addMember(t, owner);
});
afterAll(() => t.close());

let counter = 0;
/** A valid touchpoint input with a name no other test uses. */
const fresh = (overrides: Record<string, unknown> = {}) => ({
  ...FRONT_DESK,
  name: `Touchpoint ${++counter}`,
  ...overrides,
});

async function create(client: GqlClient, input: Record<string, unknown>) {
  const data = await client.ok(CREATE, { input });
  return data.createTouchpoint;
}

/** Every stored touchpoint of the owner's workspace, to check what a refused write left behind. */
async function storedRows() {
  const { rows } = await t.admin.query('select * from touchpoints where workspace_id = $1 order by id', [
    owner.workspaceId,
  ]);
  return rows;
}

describe('createTouchpoint and touchpoint', () => {
  it('stores every field, trimmed, and reads it back by id', async () => {
    const input = {
      name: '  Checkout counter ',
      channel: 'STORE',
      stage: 'BUY',
      description: ' Where the sale is closed ',
      momentOfTruth: true,
    };
    const created = await create(owner.client, input);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Checkout counter',
      channel: 'STORE',
      stage: 'BUY',
      description: 'Where the sale is closed',
      momentOfTruth: true,
    });
    const read = await owner.client.ok(TOUCHPOINT, { id: created.id });
    expect(read.touchpoint).toEqual(created);
    const { rows } = await t.admin.query('select * from touchpoints where id = $1', [created.id]);
    expect(rows[0]).toMatchObject({ workspace_id: owner.workspaceId, moment_of_truth: true });
  });

  it('defaults to no description and not a moment of truth', async () => {
    const created = await create(owner.client, fresh({ description: '   ' }));
    expect(created).toMatchObject({ description: null, momentOfTruth: false });
  });

  it.each(CHANNELS)('accepts the channel %s', async (channel) => {
    expect(await create(owner.client, fresh({ channel }))).toMatchObject({ channel });
  });

  it.each(JOURNEY_STAGES)('accepts the stage %s', async (stage) => {
    expect(await create(owner.client, fresh({ stage }))).toMatchObject({ stage });
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('reads %s as null, without an error', async (_, id) => {
    const result = await owner.client.gql(TOUCHPOINT, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ touchpoint: null });
  });
});

describe('updateTouchpoint', () => {
  it('replaces every field', async () => {
    const { id } = await create(owner.client, fresh({ description: 'Old', momentOfTruth: true }));
    const input = {
      name: 'Phone line',
      channel: 'PHONE',
      stage: 'SUPPORT',
      description: 'Calls about repairs',
      momentOfTruth: false,
    };
    const data = await owner.client.ok(UPDATE, { id, input });
    expect(data.updateTouchpoint).toEqual({ id, ...input });
    const read = await owner.client.ok(TOUCHPOINT, { id });
    expect(read.touchpoint).toEqual({ id, ...input });
  });

  it('clears the description and the moment of truth when they are left out', async () => {
    const { id } = await create(owner.client, fresh({ description: 'Old', momentOfTruth: true }));
    const data = await owner.client.ok(UPDATE, { id, input: { name: 'Bare', channel: 'WEB', stage: 'USE' } });
    expect(data.updateTouchpoint).toMatchObject({ description: null, momentOfTruth: false });
  });

  it('may keep its own name, in another case', async () => {
    const { id } = await create(owner.client, fresh({ name: 'Reception' }));
    const data = await owner.client.ok(UPDATE, { id, input: fresh({ name: 'RECEPTION' }) });
    expect(data.updateTouchpoint.name).toBe('RECEPTION');
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('answers NOT_FOUND for %s and writes nothing', async (_, id) => {
    const before = await storedRows();
    const result = await owner.client.gql(UPDATE, { id, input: fresh() });
    expect(code(result)).toBe('NOT_FOUND');
    expect(await storedRows()).toEqual(before);
  });
});

describe('touchpoints', () => {
  it('lists the catalogue in journey order, then by name whatever its case', async () => {
    const separate = await signUpOwner(t);
    const scrambled = [
      ['Returns desk', 'RETURN'],
      ['website', 'DISCOVER'],
      ['Invoice', 'BILLING'],
      ['Ads', 'DISCOVER'],
      ['Help line', 'SUPPORT'],
      ['Welcome call', 'ONBOARD'],
      ['daily use', 'USE'],
      ['Checkout', 'BUY'],
      ['Billboard', 'DISCOVER'],
    ];
    for (const [name, stage] of scrambled) await create(separate.client, { name, stage, channel: 'OTHER' });
    const data = await separate.client.ok(TOUCHPOINTS);
    expect(data.touchpoints.map((tp: { name: string }) => tp.name)).toEqual([
      'Ads',
      'Billboard',
      'website',
      'Checkout',
      'Welcome call',
      'daily use',
      'Help line',
      'Invoice',
      'Returns desk',
    ]);
  });
});

describe('touchpoint names', () => {
  beforeAll(() => create(owner.client, fresh({ name: 'Loyalty Card' })));

  it.each([
    ['the same name', 'Loyalty Card'],
    ['the same name in another case, padded', '  LOYALTY card '],
  ])('refuses %s on create as CONFLICT on `name`, writing nothing', async (_, name) => {
    const before = await storedRows();
    const result = await owner.client.gql(CREATE, { input: fresh({ name }) });
    expect(code(result)).toBe('CONFLICT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['name']);
    expect(await storedRows()).toEqual(before);
  });

  it("refuses renaming to another touchpoint's name as CONFLICT, changing nothing", async () => {
    await create(owner.client, fresh({ name: 'Parking' }));
    const { id } = await create(owner.client, fresh());
    const before = await storedRows();
    const result = await owner.client.gql(UPDATE, { id, input: fresh({ name: 'parking' }) });
    expect(code(result)).toBe('CONFLICT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['name']);
    expect(await storedRows()).toEqual(before);
  });
});

describe('invalid touchpoint input', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['a blank name', { name: '  ' }, ['name']],
    ['a null name', { name: null }, ['name']],
    ['a name of 121 characters', { name: 'n'.repeat(121) }, ['name']],
    ['a description of 2001 characters', { description: 'd'.repeat(2001) }, ['description']],
    ['an unknown channel', { channel: 'FAX' }, ['channel']],
    ['an unknown stage', { stage: 'LOITER' }, ['stage']],
    ['a moment of truth that is not a boolean', { momentOfTruth: 'yes' }, ['momentOfTruth']],
    ['a NUL in the name', { name: 'Desk\u0000' }, ['name']],
    [
      'a blank name and a long description',
      { name: '', description: 'd'.repeat(2001) },
      ['description', 'name'],
    ],
  ];

  it.each(cases)('refuses %s on create as BAD_USER_INPUT, writing nothing', async (_, bad, expected) => {
    const before = await storedRows();
    const result = await owner.client.gql(CREATE, { input: fresh(bad) });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {}).sort()).toEqual(expected);
    expect(await storedRows()).toEqual(before);
  });

  it.each(cases)('refuses %s on update as BAD_USER_INPUT, changing nothing', async (_, bad, expected) => {
    const { id } = await create(owner.client, fresh());
    const before = await storedRows();
    const result = await owner.client.gql(UPDATE, { id, input: fresh(bad) });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {}).sort()).toEqual(expected);
    expect(await storedRows()).toEqual(before);
  });
});

describe('STAFF', () => {
  it('reads the catalogue and a touchpoint', async () => {
    const created = await create(owner.client, fresh());
    const list = await staff.client.ok(TOUCHPOINTS);
    expect(list.touchpoints).toContainEqual(created);
    const one = await staff.client.ok(TOUCHPOINT, { id: created.id });
    expect(one.touchpoint).toEqual(created);
  });

  it.each([
    ['createTouchpoint', CREATE, async () => ({ input: fresh() })],
    [
      'updateTouchpoint',
      UPDATE,
      async () => ({ id: (await create(owner.client, fresh())).id, input: fresh({ name: 'Staff edit' }) }),
    ],
  ])('may not %s: FORBIDDEN, writing nothing', async (_, mutation, variables) => {
    const vars = await variables();
    const before = await storedRows();
    const result = await staff.client.gql(mutation, vars);
    expect(code(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await storedRows()).toEqual(before);
  });
});
