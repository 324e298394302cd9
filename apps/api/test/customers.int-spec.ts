import { randomUUID } from 'node:crypto';
import { CUSTOMER_ORDERS, type CustomerFilter } from '@rapport/domain';
import { Db } from '../src/database/db.service';
import { type CustomerPageRequest, CustomerPageStatements } from '../src/modules/customers/customer-page';
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
import { fullAndBareCustomers } from './support/seed';

const CUSTOMER_FIELDS = `id name company email phone tags notes profileFacts { label value } owner { id }
  cadenceDays ownCadenceDays status createdAt`;
const CUSTOMER = `query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`;
const CUSTOMERS = `query($first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`;
const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) { ${CUSTOMER_FIELDS} }
}`;
const ARCHIVE = `mutation($id: ID!) { archiveCustomer(id: $id) { id status } }`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name: string } }[];
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function create(client: GqlClient, input: Record<string, unknown>) {
  const data = await client.ok(CREATE, { input });
  return data.createCustomer;
}

async function list(client: GqlClient, variables: Record<string, unknown> = {}): Promise<Page> {
  const data = await client.ok<{ customers: Page }>(CUSTOMERS, variables);
  return data.customers;
}

const names = (page: Page) => page.edges.map((e) => e.node.name);

/** The customer's row as stored, to check what a refused write left behind. */
async function storedRow(id: string) {
  const { rows } = await t.admin.query('select * from customers where id = $1', [id]);
  return rows[0];
}

async function storedCount(workspaceId: string): Promise<number> {
  const { rows } = await t.admin.query('select count(*)::int as n from customers where workspace_id = $1', [
    workspaceId,
  ]);
  return rows[0].n;
}

describe('createCustomer', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
  });

  it('stores the whole profile, normalising tags, blank text and email', async () => {
    const customer = await create(owner.client, {
      name: '  Ada Lovelace ',
      company: '   ',
      email: ' ADA@Example.COM ',
      phone: '+44 (20) 7946-0000',
      tags: [' VIP ', 'vip', 'Wholesale', 'wholesale '],
      notes: 'Prefers mornings',
      profileFacts: [
        { label: ' Family ', value: 'Two daughters' },
        { label: 'Goal', value: 'Open a second shop' },
      ],
      ownerId: staff.memberId,
      cadenceDays: 14,
    });
    expect(customer).toMatchObject({
      name: 'Ada Lovelace',
      company: null,
      email: 'ada@example.com',
      phone: '+44 (20) 7946-0000',
      tags: ['vip', 'wholesale'],
      notes: 'Prefers mornings',
      profileFacts: [
        { label: 'Family', value: 'Two daughters' },
        { label: 'Goal', value: 'Open a second shop' },
      ],
      owner: { id: staff.memberId },
      cadenceDays: 14,
      status: 'ACTIVE',
    });
    const read = await owner.client.ok(CUSTOMER, { id: customer.id });
    expect(read.customer).toEqual(customer);
    expect(await storedRow(customer.id)).toMatchObject({
      workspace_id: owner.workspaceId,
      owner_id: staff.memberId,
      cadence_days: 14,
      status: 'ACTIVE',
    });
  });

  it('needs only a name: no owner by default, and the cadence follows the workspace default', async () => {
    const customer = await create(owner.client, { name: 'Bare Minimum' });
    expect(customer).toMatchObject({
      company: null,
      email: null,
      phone: null,
      notes: null,
      tags: [],
      profileFacts: [],
      owner: null,
      cadenceDays: 30,
      ownCadenceDays: null,
    });
    expect((await storedRow(customer.id)).cadence_days).toBeNull();

    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 45) { id } }');
    const read = await owner.client.ok(CUSTOMER, { id: customer.id });
    expect(read.customer.cadenceDays).toBe(45);
    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 30) { id } }');
  });

  it('tells an own cadence equal to the workspace default from following the default', async () => {
    const customer = await create(owner.client, { name: 'Own Thirty', cadenceDays: 30 });
    expect(customer).toMatchObject({ cadenceDays: 30, ownCadenceDays: 30 });
    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 45) { id } }');
    const read = await owner.client.ok(CUSTOMER, { id: customer.id });
    expect(read.customer).toMatchObject({ cadenceDays: 30, ownCadenceDays: 30 });
    await owner.client.ok('mutation { updateWorkspace(defaultCadenceDays: 30) { id } }');
  });

  it('takes null tags and profile facts as none', async () => {
    const customer = await create(owner.client, { name: 'Nulls', tags: null, profileFacts: null });
    expect(customer).toMatchObject({ tags: [], profileFacts: [] });
  });

  const tooMany = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a blank name', { name: '   ' }, ['name']],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, ['name']],
    ['a null name', { name: null }, ['name']],
    ['a malformed email', { email: 'not-an-email' }, ['email']],
    ['letters in the phone', { phone: 'call me' }, ['phone']],
    ['a cadence of 0 days', { cadenceDays: 0 }, ['cadenceDays']],
    ['a cadence of 366 days', { cadenceDays: 366 }, ['cadenceDays']],
    ['a fractional cadence', { cadenceDays: 1.5 }, ['cadenceDays']],
    ['21 tags', { tags: tooMany(21, (i) => `tag${i}`) }, ['tags']],
    ['a blank tag', { tags: ['ok', ' '] }, ['tags.1']],
    ['a tag of 41 characters', { tags: ['t'.repeat(41)] }, ['tags.0']],
    ['a fact without a label', { profileFacts: [{ label: ' ', value: 'x' }] }, ['profileFacts.0.label']],
    [
      '51 profile facts',
      { profileFacts: tooMany(51, (i) => ({ label: `l${i}`, value: 'v' })) },
      ['profileFacts'],
    ],
    ['a malformed owner id', { ownerId: 'nobody' }, ['ownerId']],
    ['an owner who is not a member', { ownerId: randomUUID() }, ['ownerId']],
    [
      'several bad fields at once',
      {
        name: '',
        email: 'nope',
        phone: 'x',
        cadenceDays: 0,
        tags: [''],
        profileFacts: [{ label: 'ok', value: '' }],
        ownerId: 'nobody',
      },
      ['cadenceDays', 'email', 'name', 'ownerId', 'phone', 'profileFacts.0.value', 'tags.0'],
    ],
  ])('refuses %s as BAD_USER_INPUT naming the field, and writes nothing', async (_, bad, expected) => {
    const before = await storedCount(owner.workspaceId);
    const result = await owner.client.gql(CREATE, { input: { name: 'Valid Name', ...bad } });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {}).sort()).toEqual(expected);
    expect(await storedCount(owner.workspaceId)).toBe(before);
  });
});

describe('updateCustomer', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  let full: Record<string, unknown>;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
    full = {
      name: 'Grace Hopper',
      company: 'Navy',
      email: 'grace@navy.example',
      phone: '555 0100',
      tags: ['vip'],
      notes: 'Likes COBOL',
      profileFacts: [{ label: 'Hobby', value: 'Nanoseconds' }],
      ownerId: staff.memberId,
      cadenceDays: 7,
    };
  });

  it('changes only the fields given', async () => {
    const before = await create(owner.client, full);
    const data = await owner.client.ok(UPDATE, { id: before.id, input: { phone: '555 0199' } });
    expect(data.updateCustomer).toEqual({ ...before, phone: '555 0199' });
  });

  it('changes nothing when given no fields', async () => {
    const before = await create(owner.client, full);
    const stored = await storedRow(before.id);
    const data = await owner.client.ok(UPDATE, { id: before.id, input: {} });
    expect(data.updateCustomer).toEqual(before);
    expect(await storedRow(before.id)).toEqual(stored);
  });

  it('replaces tags and profile facts, normalising tags', async () => {
    const { id } = await create(owner.client, full);
    const input = { tags: ['Regular', ' REGULAR', 'Local'], profileFacts: [{ label: 'Dog', value: 'Rex' }] };
    const data = await owner.client.ok(UPDATE, { id, input });
    expect(data.updateCustomer).toMatchObject({
      tags: ['regular', 'local'],
      profileFacts: [{ label: 'Dog', value: 'Rex' }],
    });
  });

  it('clears optional fields given as null; the cadence falls back to the workspace default', async () => {
    const { id } = await create(owner.client, full);
    const texts = { company: null, email: null, phone: null, notes: null };
    const data = await owner.client.ok(UPDATE, { id, input: { ...texts, ownerId: null, cadenceDays: null } });
    expect(data.updateCustomer).toMatchObject({
      ...texts,
      owner: null,
      cadenceDays: 30,
      ownCadenceDays: null,
    });
    expect(await storedRow(id)).toMatchObject({
      company: null,
      email: null,
      phone: null,
      notes: null,
      owner_id: null,
      cadence_days: null,
      name: 'Grace Hopper',
    });
  });

  it('moves the customer to another owner', async () => {
    const { id } = await create(owner.client, full);
    const data = await owner.client.ok(UPDATE, { id, input: { ownerId: owner.memberId } });
    expect(data.updateCustomer.owner).toEqual({ id: owner.memberId });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['a null name', { name: null }, ['name']],
    ['a blank name', { name: ' ' }, ['name']],
    ['null tags', { tags: null }, ['tags']],
    ['null profile facts', { profileFacts: null }, ['profileFacts']],
    ['a malformed email', { email: 'grace at navy' }, ['email']],
    ['a cadence of 0 days', { cadenceDays: 0 }, ['cadenceDays']],
    ['an owner who is not a member', { ownerId: randomUUID() }, ['ownerId']],
    ['a good field beside a bad one', { notes: 'fine', phone: 'no digits' }, ['phone']],
    ['a good field beside an unknown owner', { notes: 'fine', ownerId: randomUUID() }, ['ownerId']],
  ])('refuses %s as BAD_USER_INPUT naming the field, and changes nothing', async (_, bad, expected) => {
    const { id } = await create(owner.client, full);
    const before = await storedRow(id);
    const result = await owner.client.gql(UPDATE, { id, input: bad });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {}).sort()).toEqual(expected);
    expect(await storedRow(id)).toEqual(before);
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('answers NOT_FOUND for %s and writes nothing', async (_, id) => {
    const before = await storedCount(owner.workspaceId);
    const result = await owner.client.gql(UPDATE, { id, input: { name: 'Ghost' } });
    expect(code(result)).toBe('NOT_FOUND');
    expect(await storedCount(owner.workspaceId)).toBe(before);
    const { rows } = await t.admin.query(`select 1 from customers where name = 'Ghost'`);
    expect(rows).toHaveLength(0);
  });
});

describe('customer and archiveCustomer', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
  });

  it('archives: gone from the default list, listed under ARCHIVED, still readable by id', async () => {
    const kept = await create(owner.client, { name: 'Kept' });
    const gone = await create(owner.client, { name: 'Gone' });
    const data = await owner.client.ok(ARCHIVE, { id: gone.id });
    expect(data.archiveCustomer).toEqual({ id: gone.id, status: 'ARCHIVED' });
    expect((await storedRow(gone.id)).status).toBe('ARCHIVED');

    expect(names(await list(owner.client))).toEqual(['Kept']);
    expect(names(await list(owner.client, { filter: { status: 'ACTIVE' } }))).toEqual(['Kept']);
    expect(names(await list(owner.client, { filter: { status: 'ARCHIVED' } }))).toEqual(['Gone']);
    const read = await owner.client.ok(CUSTOMER, { id: gone.id });
    expect(read.customer).toMatchObject({ id: gone.id, status: 'ARCHIVED' });
    expect((await storedRow(kept.id)).status).toBe('ACTIVE');
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('reads %s as null, without an error', async (_, id) => {
    const result = await owner.client.gql(CUSTOMER, { id });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ customer: null });
  });

  it.each([
    ['an unknown id', randomUUID()],
    ['a malformed id', 'not-a-uuid'],
  ])('answers NOT_FOUND when archiving %s, archiving nothing', async (_, id) => {
    await create(owner.client, { name: 'Still Active' });
    const result = await owner.client.gql(ARCHIVE, { id });
    expect(code(result)).toBe('NOT_FOUND');
    const { rows } = await t.admin.query(
      `select count(*)::int as n from customers where workspace_id = $1 and status = 'ARCHIVED'`,
      [owner.workspaceId],
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('customers: paging and order', () => {
  let owner: SignedIn;
  /** Created in this order; two share a name so ties are broken by id. */
  const NAMES = [
    'mallory',
    'Alice',
    'eve',
    'Bob',
    'Same Name',
    'carol',
    'Dave',
    'same name',
    'Zed',
    'frank',
    'Oscar',
  ];
  let created: { id: string; name: string }[];
  beforeAll(async () => {
    owner = await signUpOwner(t);
    created = [];
    for (const name of NAMES) created.push(await create(owner.client, { name }));
  });

  const byName = () =>
    [...created].sort((a, b) => {
      const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
      if (x !== y) return x < y ? -1 : 1;
      return a.id < b.id ? -1 : 1;
    });
  const newestFirst = () => [...created].reverse();

  /** Follows endCursor until hasNextPage is false, checking each page on the way. */
  async function walk(orderBy: string, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 1; pages <= 20; pages++) {
      const page: Page = await list(owner.client, { orderBy, first, after });
      expect(page.totalCount).toBe(NAMES.length);
      expect(page.edges.length).toBeLessThanOrEqual(first);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      ids.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) return { ids, pages };
      expect(page.edges).toHaveLength(first);
      after = page.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it.each([
    ['NAME', 'case-insensitive name, then id', byName],
    ['CREATED_AT', 'newest first', newestFirst],
  ])('walks every page of %s (%s) without gaps or duplicates', async (orderBy, _, expected) => {
    const { ids, pages } = await walk(orderBy, 3);
    expect(pages).toBe(4);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected().map((c) => c.id));
  });

  it('breaks CREATED_AT ties by id, still without gaps or duplicates', async () => {
    await t.admin.query(`update customers set created_at = '2025-01-01T00:00:00Z' where workspace_id = $1`, [
      owner.workspaceId,
    ]);
    const { ids } = await walk('CREATED_AT', 3);
    expect(ids).toEqual(
      created
        .map((c) => c.id)
        .sort()
        .reverse(),
    );
  });

  it('orders by NAME when no order is given, and pages of 100 hold everything', async () => {
    const page = await list(owner.client, { first: 100 });
    expect(page.edges.map((e) => e.node.id)).toEqual(byName().map((c) => c.id));
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: page.edges.at(-1)?.cursor });
  });

  it.each([
    [NAMES.length, false],
    [NAMES.length - 1, true],
  ])('with first: %i, says hasNextPage: %s', async (first, hasNextPage) => {
    const page = await list(owner.client, { first });
    expect(page.edges).toHaveLength(first);
    expect(page.pageInfo.hasNextPage).toBe(hasNextPage);
  });

  it('counts the total only when it is selected, directly or through a fragment', async () => {
    const withoutTotal = await owner.client.ok('{ customers(first: 2) { edges { node { id } } } }');
    expect(withoutTotal.customers.edges).toHaveLength(2);
    const throughFragments = await owner.client.ok(
      `{ customers(first: 2) { ...Counted } }
       fragment Counted on CustomerConnection { ... on CustomerConnection { totalCount } }`,
    );
    expect(throughFragments.customers).toEqual({ totalCount: NAMES.length });
  });

  it('counts past the last page too', async () => {
    const last = await list(owner.client, { first: 100 });
    const beyond = await list(owner.client, { first: 5, after: last.pageInfo.endCursor });
    expect(beyond).toEqual({
      totalCount: NAMES.length,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
  });

  it('answers an empty page with no cursor when nothing matches', async () => {
    const page = await list(owner.client, { filter: { search: 'nobody by this name' } });
    expect(page).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
  });

  it.each([0, -1, 101])('refuses first: %i as BAD_USER_INPUT on `first`', async (first) => {
    const result = await owner.client.gql(CUSTOMERS, { first });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['first']);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['garbage', 'this is not a cursor'],
    ['base64 of something else', Buffer.from('hello').toString('base64url')],
    ['a cursor of an object', encode({ id: 1 })],
    ['a cursor without a uuid', encode(['not-a-uuid'])],
  ])('refuses %s as `after` with BAD_USER_INPUT', async (_, after) => {
    const result = await owner.client.gql(CUSTOMERS, { after });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual(['after']);
  });

  it.each(['HEALTH_ASC', 'HEALTH_DESC', 'NEXT_CHECK_IN_DUE'])(
    'walks every page of %s in the order of the stored health and due dates, ties by id',
    async (orderBy) => {
      // Different histories for some customers; the rest keep the same score (50), a tie broken by id.
      const day = 86_400_000;
      const histories: [number, string, number][] = [
        [0, 'RELATIONSHIP', 2],
        [1, 'SALES', -2],
        [2, 'RELATIONSHIP', -1],
        [3, 'SUPPORT', 1],
        [4, 'RELATIONSHIP', 2],
      ];
      for (const [index, purpose, sentiment] of histories) {
        await owner.client.ok(
          `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
          {
            input: {
              customerId: created[index]!.id,
              channel: 'PHONE',
              direction: 'OUTBOUND',
              purpose,
              sentiment,
              summary: 'How are things?',
              occurredAt: new Date(Date.now() - (index + 1) * 7 * day).toISOString(),
            },
          },
        );
      }
      const all = await owner.client.ok(
        '{ customers(first: 100) { edges { node { id health { score } nextCheckInDueAt } } } }',
      );
      const rows: { id: string; score: number; due: number }[] = all.customers.edges.map(
        (e: { node: { id: string; health: { score: number }; nextCheckInDueAt: string } }) => ({
          id: e.node.id,
          score: e.node.health.score,
          due: Date.parse(e.node.nextCheckInDueAt),
        }),
      );
      expect(new Set(rows.map((r) => r.score)).size).toBeGreaterThan(2);
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
      const expected = {
        HEALTH_ASC: [...rows].sort((a, b) => a.score - b.score || byId(a, b)),
        HEALTH_DESC: [...rows].sort((a, b) => b.score - a.score || byId(b, a)),
        NEXT_CHECK_IN_DUE: [...rows].sort((a, b) => a.due - b.due || byId(a, b)),
      }[orderBy]!;
      const { ids } = await walk(orderBy, 3);
      expect(ids).toEqual(expected.map((r) => r.id));
    },
  );
});

describe('customers: a list reads the columns of the fields it shows', () => {
  interface TypeRef {
    kind: string;
    name: string | null;
    ofType: TypeRef | null;
  }
  interface FieldInfo {
    name: string;
    args: { type: TypeRef }[];
    type: TypeRef;
  }
  const TYPE = `query($name: String!) { __type(name: $name) { fields {
    name args { type { kind } } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
  } } }`;
  const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);

  let owner: SignedIn;
  let fieldsOf: (typeName: string) => Promise<FieldInfo[]>;

  /** A selection of every field of `typeName` that takes no required argument, `depth` objects deep. */
  async function everything(typeName: string, depth: number): Promise<string> {
    const parts: string[] = [];
    for (const field of await fieldsOf(typeName)) {
      if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) continue;
      parts.push(await selectionOf(field, depth));
    }
    return parts.join(' ');
  }

  async function selectionOf(field: FieldInfo, depth: number): Promise<string> {
    const type = named(field.type);
    if (type.kind === 'SCALAR' || type.kind === 'ENUM') return field.name;
    const inner =
      type.kind === 'OBJECT' && depth > 0 ? await everything(String(type.name), depth - 1) : '__typename';
    return `${field.name} { ${inner} }`;
  }

  beforeAll(async () => {
    owner = await signUpOwner(t, 'Shown Fields Florist');
    const types = new Map<string, FieldInfo[]>();
    fieldsOf = async (name) => {
      if (!types.has(name)) types.set(name, (await owner.client.ok(TYPE, { name })).__type.fields);
      return types.get(name) as FieldInfo[];
    };
    await fullAndBareCustomers(t, owner);
  });

  /** What `customer(id)` answers (it reads every column) against each row of a list showing only `selection`. */
  async function expectListShowsAsCustomer(selection: string) {
    const { customers } = await owner.client.ok(
      `{ customers(first: 50) { edges { node { id ${selection} } } } }`,
    );
    expect(customers.edges).toHaveLength(2);
    for (const { node } of customers.edges) {
      const { customer } = await owner.client.ok(
        `query($id: ID!) { customer(id: $id) { id ${selection} } }`,
        {
          id: node.id,
        },
      );
      expect(node).toEqual(customer);
    }
  }

  it('answers each customer field shown alone as the customer itself does', async () => {
    const fields = await fieldsOf('Customer');
    expect(fields.length).toBeGreaterThan(15);
    for (const field of fields) {
      if (field.args.some((arg) => arg.type.kind === 'NON_NULL')) continue;
      await expectListShowsAsCustomer(await selectionOf(field, 2));
    }
  });

  it("answers each of the owner's fields shown alone, and everything at once", async () => {
    for (const field of await fieldsOf('Member'))
      await expectListShowsAsCustomer(`owner { ${await selectionOf(field, 1)} }`);
    await expectListShowsAsCustomer(await everything('Customer', 1));
  });

  it('reads through fragments, inline or named', async () => {
    const { customers } = await owner.client.ok(
      `{ customers(first: 50, orderBy: NAME) { edges { node { ...Shown ... on Customer { checkInOverdue } } } } }
       fragment Shown on Customer { name owner { ... on Member { name } } health { band } }`,
    );
    expect(customers.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        name: 'Ada Lovelace',
        owner: { name: 'Sam Staff' },
        health: { band: expect.any(String) },
        checkInOverdue: false,
      },
      {
        name: 'Bare customer',
        owner: null,
        health: { band: expect.any(String) },
        checkInOverdue: expect.any(Boolean),
      },
    ]);
  });
});

describe('customers: filters', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
    const fixtures = [
      {
        name: 'Ana Lima',
        company: 'Blue Harbor Ltd',
        email: 'ana@harbor.example',
        phone: '+1 (555) 010-2030',
        tags: ['VIP'],
        ownerId: staff.memberId,
      },
      { name: 'Bruno Costa', company: '100% Organic', email: 'bruno@organic.example', tags: ['wholesale'] },
      {
        name: 'Carla_Mendes',
        email: 'carla@shop.example',
        tags: ['vip', 'wholesale'],
        ownerId: owner.memberId,
      },
      { name: 'Paula Mota', company: '1000 Percent', phone: '777 8888' },
      { name: 'Studio 777' },
      { name: 'Archie Archived', company: 'Blue Harbor Ltd', tags: ['vip'], ownerId: staff.memberId },
    ];
    for (const input of fixtures) await create(owner.client, input);
    const archived = await list(owner.client, { filter: { search: 'Archie' } });
    await owner.client.ok(ARCHIVE, { id: archived.edges[0]!.node.id });
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'nothing: every active customer',
      {},
      ['Ana Lima', 'Bruno Costa', 'Carla_Mendes', 'Paula Mota', 'Studio 777'],
    ],
    ['a name, in any case', { search: 'aNA li' }, ['Ana Lima']],
    ['a company', { search: 'harbor ltd' }, ['Ana Lima']],
    ['an email', { search: 'ORGANIC.example' }, ['Bruno Costa']],
    ['a phone as written', { search: '(555) 010' }, ['Ana Lima']],
    ['a phone by its digits alone', { search: '5550102030' }, ['Ana Lima']],
    ['a phone written with other separators', { search: '777-8888' }, ['Paula Mota']],
    ['digits in a name, not as a phone', { search: 'Studio 777' }, ['Studio 777']],
    ['% literally', { search: '100%' }, ['Bruno Costa']],
    ['a lone %', { search: '%' }, ['Bruno Costa']],
    ['_ literally', { search: 'a_m' }, ['Carla_Mendes']],
    ['a lone _', { search: '_' }, ['Carla_Mendes']],
    ['a backslash literally', { search: '\\' }, []],
    [
      'a blank search as no search',
      { search: '   ' },
      ['Ana Lima', 'Bruno Costa', 'Carla_Mendes', 'Paula Mota', 'Studio 777'],
    ],
    ['a tag, in any case', { tag: 'vip' }, ['Ana Lima', 'Carla_Mendes']],
    ['a tag given in capitals', { tag: ' VIP ' }, ['Ana Lima', 'Carla_Mendes']],
    ['another tag', { tag: 'wholesale' }, ['Bruno Costa', 'Carla_Mendes']],
    ['an unused tag', { tag: 'nobody' }, []],
    ['search and tag together', { search: 'a', tag: 'wholesale' }, ['Bruno Costa', 'Carla_Mendes']],
    ['ARCHIVED', { status: 'ARCHIVED' }, ['Archie Archived']],
    ['ARCHIVED and a search', { status: 'ARCHIVED', search: 'harbor' }, ['Archie Archived']],
  ])('filters by %s', async (_, filter, expected) => {
    const page = await list(owner.client, { filter });
    expect(names(page)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('filters by owner', async () => {
    const byStaff = await list(owner.client, { filter: { ownerId: staff.memberId } });
    expect(names(byStaff)).toEqual(['Ana Lima']);
    const byOwner = await list(owner.client, { filter: { ownerId: owner.memberId } });
    expect(names(byOwner)).toEqual(['Carla_Mendes']);
    const archivedByStaff = await list(owner.client, {
      filter: { ownerId: staff.memberId, status: 'ARCHIVED' },
    });
    expect(names(archivedByStaff)).toEqual(['Archie Archived']);
    const byNobody = await list(owner.client, { filter: { ownerId: randomUUID() } });
    expect(byNobody.totalCount).toBe(0);
  });

  it.each([
    ['a malformed owner id', { ownerId: 'nobody' }, 'filter.ownerId'],
    ['an unknown status', { status: 'DELETED' }, 'status'],
    ['a search of 201 characters', { search: 'x'.repeat(201) }, 'filter.search'],
  ])('refuses %s as BAD_USER_INPUT', async (_, filter, field) => {
    const result = await owner.client.gql(CUSTOMERS, { filter });
    expect(code(result)).toBe('BAD_USER_INPUT');
    expect(Object.keys(fields(result) ?? {})).toEqual([field]);
  });
});

describe('customers: one statement per shape', () => {
  const request = (changes: Partial<CustomerPageRequest> = {}): CustomerPageRequest => ({
    orderBy: 'NAME',
    first: 50,
    countTotal: true,
    nextBestAction: false,
    shown: { customer: new Set(['name', 'owner']), owner: new Set(['name']) },
    ...changes,
  });
  const search = (text: string) => ({ filter: { search: text, tag: null } as CustomerFilter });

  it("builds a shape's statement once, whatever its parameters; another shape has its own", () => {
    const statements = new CustomerPageStatements();
    const em = t.app.get(Db).dataSource.manager;
    const ann = statements.statementFor(em, request(search('Ann')));
    expect(ann.page).toContain(':q');
    expect(ann.page).not.toContain('Ann');
    expect(statements.statementFor(em, request(search('Bob')))).toBe(ann);
    const sameFieldsReordered = { customer: new Set(['owner', 'name']), owner: new Set(['name']) };
    expect(statements.statementFor(em, request({ ...search('Bob'), shown: sameFieldsReordered }))).toBe(ann);
    // A phone-like search also matches digits alone: another statement.
    expect(statements.statementFor(em, request(search('555 0101'))).page).toContain(':digits');
    expect(statements.statementFor(em, request({ ...search('Ann'), afterId: randomUUID() })).page).toContain(
      ':afterId',
    );
  });

  it('keeps a bounded number of shapes: a flood of odd ones only rebuilds', () => {
    const statements = new CustomerPageStatements();
    const em = t.app.get(Db).dataSource.manager;
    const first = statements.statementFor(em, request({ first: 1 }));
    for (let size = 2; size <= 100; size++)
      for (const orderBy of CUSTOMER_ORDERS) statements.statementFor(em, request({ first: size, orderBy }));
    const again = statements.statementFor(em, request({ first: 1 }));
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});

describe('who may use customers', () => {
  let owner: SignedIn;
  let staff: SignedIn;
  let customerId: string;
  beforeAll(async () => {
    owner = await signUpOwner(t);
    staff = await addMember(t, owner);
    customerId = (await create(owner.client, { name: 'Shared Client' })).id;
  });

  const operations: [string, string, () => Record<string, unknown>][] = [
    ['customer', CUSTOMER, () => ({ id: customerId })],
    ['customers', CUSTOMERS, () => ({})],
    ['createCustomer', CREATE, () => ({ input: { name: 'Walk-in', ownerId: staff.memberId } })],
    ['updateCustomer', UPDATE, () => ({ id: customerId, input: { notes: 'Seen by staff' } })],
    ['archiveCustomer', ARCHIVE, () => ({ id: customerId })],
  ];

  it.each(operations)('lets STAFF use %s', async (_, query, variables) => {
    const result = await staff.client.gql(query, variables());
    expect(result.errors).toBeUndefined();
  });

  it('kept what STAFF wrote', async () => {
    expect(await storedRow(customerId)).toMatchObject({ notes: 'Seen by staff', status: 'ARCHIVED' });
    const { rows } = await t.admin.query('select owner_id from customers where name = $1', ['Walk-in']);
    expect(rows).toEqual([{ owner_id: staff.memberId }]);
  });

  it.each(operations)('answers UNAUTHENTICATED to %s without a session', async (_, query, variables) => {
    const before = await storedCount(owner.workspaceId);
    const result = await t.client().gql(query, variables());
    expect(code(result)).toBe('UNAUTHENTICATED');
    expect(await storedCount(owner.workspaceId)).toBe(before);
  });
});
