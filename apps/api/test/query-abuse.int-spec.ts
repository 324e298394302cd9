import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
  validate,
  visit,
} from 'graphql';
import request from 'supertest';
import { createApp, stopApp } from '../src/app';
import {
  MAX_PAGE_SIZE,
  MAX_QUERY_COST,
  MAX_QUERY_DEPTH,
  queryLimitRules,
} from '../src/graphql/limits/query-limits';
import { createLogger } from '../src/logger';
import { dumpState } from './support/database';
import {
  code,
  type GqlError,
  type GqlResult,
  PASSWORD,
  SIGN_UP,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
  testConfig,
  uniqueEmail,
} from './support/harness';
import { clientAt, type Variables } from './support/http';

let t: TestApp;
let owner: SignedIn;
let customerId: string;
beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOwner(t);
  const created = await owner.client.ok(`mutation { createCustomer(input: { name: "Ada Baker" }) { id } }`);
  customerId = created.createCustomer.id;
});
afterAll(() => t.close());

/** One POST of `body` (any JSON) to an app, answered as status and body. */
const post = (app: INestApplication, body: unknown) =>
  request(app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send(body as object);

/** A GraphQL POST to the test app as the signed-in owner. */
const asOwner = (query: string, variables?: Variables) => owner.client.gql(query, variables);

/** The refusal of a document before anything ran: HTTP 400, no `data` at all, one BAD_USER_INPUT. */
function expectRefusedBeforeExecution(
  result: GqlResult,
  message: RegExp,
  fields: Record<string, string> = {},
) {
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors).toEqual([
    expect.objectContaining({
      message: expect.stringMatching(message),
      extensions: { code: 'BAD_USER_INPUT', fields },
    }),
  ]);
}

const TOO_DEEP = new RegExp(`^Query is nested \\d+ levels deep; the limit is ${MAX_QUERY_DEPTH}$`);
const TOO_EXPENSIVE = new RegExp(
  `^Query is too expensive: its estimated cost is \\d+; the limit is ${MAX_QUERY_COST}\\.`,
);

/** Real fields, exactly 10 deep: customer › checkIns › edges › node › customer › … › id. */
const DEPTH_10 =
  'query($id: ID!) { customer(id: $id) { checkIns { edges { node { customer { checkIns { edges { node { customer { id } } } } } } } } } }';
const DEPTH_11 = DEPTH_10.replace('customer { id }', 'customer { owner { id } }');

describe('depth limit', () => {
  it(`is ${MAX_QUERY_DEPTH}: a document of real fields ${MAX_QUERY_DEPTH} deep runs, one deeper is refused before it runs`, async () => {
    expect((await asOwner(DEPTH_10, { id: customerId })).errors).toBeUndefined();

    const tooDeep = await asOwner(DEPTH_11, { id: customerId });
    expectRefusedBeforeExecution(tooDeep, /^Query is nested 11 levels deep; the limit is 10$/);
  });

  it('counts fragments where they are spread, however they are nested', async () => {
    const query = `query($id: ID!) { customer(id: $id) { ...Planned } }
      fragment Planned on Customer { checkIns { edges { node { ...Back } } } }
      fragment Back on CheckIn { customer { checkIns { edges { node { customer { ...Name } } } } } }
      fragment Name on Customer { owner { name } }`;
    expectRefusedBeforeExecution(await asOwner(query, { id: customerId }), TOO_DEEP);
  });

  it('holds a mutation too, before it writes anything', async () => {
    const before = await dumpState(t.admin);
    const deepMutation = `mutation { createCustomer(input: { name: "Deep" }) {
      checkIns { edges { node { customer { checkIns { edges { node { customer { owner { id } } } } } } } } } } }`;
    expectRefusedBeforeExecution(await asOwner(deepMutation), TOO_DEEP);
    expect(await dumpState(t.admin)).toEqual(before);
  });
});

describe('page size', () => {
  const inCustomer = (selection: string) => `customer(id: $id) { ${selection} }`;
  /** Each connection, as the selection of a document asking for a page of `first`. */
  const CONNECTIONS: [string, string, (first: string) => string][] = [
    ['customers', 'customers', (first) => `customers(first: ${first}) { totalCount }`],
    ['checkIns', 'checkIns', (first) => `checkIns(first: ${first}) { totalCount }`],
    ['Customer.checkIns', 'checkIns', (first) => inCustomer(`checkIns(first: ${first}) { totalCount }`)],
    [
      'Customer.interactions',
      'interactions',
      (first) => inCustomer(`interactions(first: ${first}) { totalCount }`),
    ],
    ['Customer.timeline', 'timeline', (first) => inCustomer(`timeline(first: ${first}) { totalCount }`)],
  ];

  /** The selection as a query declaring the variables it uses (extra variable values are ignored). */
  const pageQuery = (selection: string) => {
    const used = [selection.includes('$id') && '$id: ID!', selection.includes('$first') && '$first: Int'];
    const declared = used.filter(Boolean).join(', ');
    return `query${declared ? `(${declared})` : ''} { ${selection} }`;
  };

  it.each(CONNECTIONS)(`%s serves a page of ${MAX_PAGE_SIZE}, the largest`, async (_, __, selection) => {
    const result = await asOwner(pageQuery(selection(String(MAX_PAGE_SIZE))), { id: customerId });
    expect(result.errors).toBeUndefined();
  });

  it.each(CONNECTIONS)(
    '%s refuses a literal `first` above it before running, naming `first`',
    async (_, field, selection) => {
      const result = await asOwner(pageQuery(selection(String(MAX_PAGE_SIZE + 1))), { id: customerId });
      expectRefusedBeforeExecution(
        result,
        new RegExp(`^A page holds at most 100 items: "first" of ${field} is too large$`),
        {
          first: 'At most 100',
        },
      );
    },
  );

  it.each(CONNECTIONS)(
    '%s refuses a `first` above it from a variable with the same code and field',
    async (_, __, selection) => {
      const result = await asOwner(pageQuery(selection('$first')), {
        id: customerId,
        first: MAX_PAGE_SIZE + 1,
      });
      // Only known once variables are: refused by the connection's own input schema as it resolves.
      expect(result.status).toBe(200);
      expect(result.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: { first: 'At most 100' } } }),
      ]);
    },
  );

  it('refuses every oversized page, however deep in the document', async () => {
    const result = await asOwner(
      `{ customers(first: 1000) { edges { node { interactions(first: 500) { totalCount } } } } }`,
    );
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.map((error) => error.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', fields: { first: 'At most 100' } },
      { code: 'BAD_USER_INPUT', fields: { first: 'At most 100' } },
    ]);
  });
});

describe('cost limit', () => {
  const aliased = (count: number, selection: string) =>
    Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join('\n');

  it('refuses an expensive field aliased 1,000 times before running it', async () => {
    const result = await asOwner(`{ ${aliased(1000, 'customers(first: 1) { totalCount }')} }`);
    expectRefusedBeforeExecution(result, TOO_EXPENSIVE);
    expect(result.errors?.[0]?.message).toContain('its estimated cost is 11000;');
  });

  it('counts each alias: a handful of the same field runs', async () => {
    const result = await asOwner(`{ ${aliased(5, 'customers(first: 1) { totalCount }')} }`);
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toHaveLength(5);
  });

  it('refuses nested connections at full pages, and allows them with small inner pages', async () => {
    const nested = (inner: number) =>
      `{ customers(first: 100) { edges { node { timeline(first: ${inner}) { edges { node { __typename } } } } } } }`;
    expectRefusedBeforeExecution(await asOwner(nested(100)), TOO_EXPENSIVE);
    expect((await asOwner(nested(10))).errors).toBeUndefined();
  });

  it('assumes the largest page when `first` is a variable, whatever its value', async () => {
    const query = `query($n: Int) { customers(first: $n) { edges { node { timeline(first: $n) { edges { node { __typename } } } } } } }`;
    expectRefusedBeforeExecution(await asOwner(query, { n: 1 }), TOO_EXPENSIVE);
  });

  it('counts a fragment every time it is spread, exactly as if it were written out', async () => {
    const page = 'customers(first: 100) { edges { node { id name } } }';
    const spread = (count: number) => `{ ${'...Page '.repeat(count)}} fragment Page on Query { ${page} }`;
    expect((await asOwner(spread(1))).errors).toBeUndefined();

    const spreadOften = await asOwner(spread(40));
    expectRefusedBeforeExecution(spreadOften, TOO_EXPENSIVE);
    const writtenOut = await asOwner(`{ ${aliased(40, page)} }`);
    expectRefusedBeforeExecution(writtenOut, TOO_EXPENSIVE);
    expect(spreadOften.errors?.[0]?.message).toBe(writtenOut.errors?.[0]?.message);
  });

  it('estimates a document that spreads fragments exponentially at once, and refuses it', async () => {
    // F0 spreads F1 twice, F1 spreads F2 twice, …: 2^40 selections if expanded naively.
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Query { a: customers(first: 100) { totalCount } }`
        : `fragment F${i} on Query { ...F${i + 1} ... on Query { ...F${i + 1} } }`,
    ).join('\n');
    const started = Date.now();
    const result = await asOwner(`{ ...F0 }\n${fragments}`);
    expect(Date.now() - started).toBeLessThan(2000);
    expectRefusedBeforeExecution(result, TOO_EXPENSIVE);
  });

  it('lets every document the web app sends through, with its pages at their largest', () => {
    const { schema } = t.app.get(GraphQLSchemaHost);
    const documents = webDocuments();
    expect(documents.length).toBeGreaterThan(50);
    const refused = documents.flatMap(({ name, document }) =>
      validate(schema, document, queryLimitRules).map((error) => `${name}: ${error.message}`),
    );
    expect(refused).toEqual([]);
  });

  it("serves the web's deepest and costliest document (a customer's timeline) with a full page", async () => {
    const timeline = webDocuments().find(({ name }) => name === 'CustomerTimeline');
    expect(timeline).toBeDefined();
    const data = await owner.client.ok(print(timeline!.document), { id: customerId, first: MAX_PAGE_SIZE });
    expect(data.customer.timeline.edges).toEqual([]);
  });
});

describe('fragment cycles', () => {
  it.each([
    ['a fragment spreading itself', `{ ...A } fragment A on Query { me { id } ...A }`],
    [
      'two fragments spreading each other',
      `{ ...A } fragment A on Query { ...B } fragment B on Query { me { id } ...A }`,
    ],
    [
      'a cycle through fields',
      `query($id: ID!) { customer(id: $id) { ...C } }
       fragment C on Customer { checkIns { edges { node { ...K } } } }
       fragment K on CheckIn { customer { ...C } }`,
    ],
  ])('refuses %s at once, as graphql-js does, without looping', async (_, query) => {
    const result = await asOwner(query, { id: customerId });
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toContainEqual({
      message: expect.stringMatching(/^Cannot spread fragment "\w" within itself/),
      locations: expect.any(Array),
      extensions: { code: 'BAD_USER_INPUT', fields: {} },
    });
  });
});

describe('aliased sign-ins', () => {
  const signIns = (count: number) =>
    `mutation($email: String!, $password: String!) {\n${Array.from(
      { length: count },
      (_, i) => `a${i}: signIn(email: $email, password: $password) { member { id } }`,
    ).join('\n')}\n}`;

  const failedSignIns = async (key: string): Promise<number> => {
    const { rows } = await t.admin.query<{ count: number }>(
      `select count(*)::int as count from rate_limit_events where bucket = 'sign-in-failure' and key = $1`,
      [key],
    );
    return rows[0]!.count;
  };

  it('refuses 1,000 aliased signIn calls as a whole: not one attempt runs or is counted', async () => {
    const victim = await signUpOwner(t, 'Victim Bakery');
    const attacker = clientAt(t, '127.0.0.2');
    const before = await dumpState(t.admin);
    const result = await attacker(signIns(1000), { email: victim.email, password: 'not the password' });
    expectRefusedBeforeExecution(result, TOO_EXPENSIVE);
    expect(await failedSignIns(`email:${victim.email}`)).toBe(0);
    expect(await failedSignIns('ip:127.0.0.2')).toBe(0);
    expect(await dumpState(t.admin)).toEqual(before);
    // Not locked out: the owner signs in from the same address.
    expect(code(await attacker(signIns(1), { email: victim.email, password: PASSWORD }))).toBeUndefined();
  });

  it('runs 20 aliased signIn calls only up to the first failure, which counts; past the limit it is refused', async () => {
    const victim = await signUpOwner(t, 'Second Bakery');
    const attacker = clientAt(t, '127.0.0.3');
    const guess = () => attacker(signIns(20), { email: victim.email, password: 'not the password' });
    const failures = (result: GqlResult) =>
      result.errors?.map((error: GqlError & { path?: string[] }) => [
        error.path?.[0],
        error.extensions?.code,
      ]);

    // signIn's payload is non-null, so its failure ends the mutation: graphql-js runs no further
    // field of it. Twenty aliases are therefore one guess, counted like any other.
    for (let attempt = 1; attempt <= 10; attempt++) {
      const result = await guess();
      expect(result.status).toBe(200);
      expect(result.data).toBeNull();
      expect(failures(result)).toEqual([['a0', 'UNAUTHENTICATED']]);
      expect(await failedSignIns(`email:${victim.email}`)).toBe(attempt);
    }
    // The 11th failed attempt within 15 minutes is refused by the rate limit, before any password check.
    const refused = await guess();
    expect(failures(refused)).toEqual([['a0', 'RATE_LIMITED']]);
    expect(await failedSignIns(`email:${victim.email}`)).toBe(10);
    // The email is locked, even for its right password from another address.
    const right = await clientAt(t, '127.0.0.4')(signIns(20), { email: victim.email, password: PASSWORD });
    expect(failures(right)).toEqual([['a0', 'RATE_LIMITED']]);
  });

  it('lets each of 20 aliased calls with the right password sign in, counting none of them', async () => {
    const member = await signUpOwner(t, 'Third Bakery');
    const result = await clientAt(t, '127.0.0.5')(signIns(20), { email: member.email, password: PASSWORD });
    expect(result.errors).toBeUndefined();
    expect(Object.keys(result.data ?? {})).toHaveLength(20);
    expect(await failedSignIns(`email:${member.email}`)).toBe(0);
  });
});

describe('HTTP batching', () => {
  it('refuses a JSON array of operations without running any of them', async () => {
    const before = await dumpState(t.admin);
    const signUp = {
      query: SIGN_UP,
      variables: {
        workspaceName: 'Batched',
        name: 'Bea Batch',
        email: uniqueEmail('batch'),
        password: PASSWORD,
      },
    };
    const res = await post(t.app, [signUp, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errors: [
        { message: 'Operation batching disabled.', extensions: { code: 'BAD_USER_INPUT', fields: {} } },
      ],
    });
    expect(await dumpState(t.admin)).toEqual(before);
  });

  it('still serves the same operation sent on its own', async () => {
    const res = await post(t.app, { query: '{ __typename }' });
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('schema details', () => {
  const INTROSPECTION = '{ __schema { queryType { name } } }';
  const TYPE = '{ __type(name: "Customer") { fields { name } } }';
  const MISSPELLED_FIELD = '{ me { nmae } }';
  const MISSPELLED_ENUM = '{ customers(orderBy: NAM) { totalCount } }';
  const MISSPELLED_INPUT = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

  describe('outside production (as in development and tests)', () => {
    it('answers introspection', async () => {
      expect((await post(t.app, { query: INTROSPECTION })).body).toEqual({
        data: { __schema: { queryType: { name: 'Query' } } },
      });
      const type = await post(t.app, { query: TYPE });
      expect(type.body.data.__type.fields).toContainEqual({ name: 'timeline' });
    });

    it('suggests what a misspelled name may have meant', async () => {
      const field = await post(t.app, { query: MISSPELLED_FIELD });
      expect(field.body.errors[0].message).toBe(
        'Cannot query field "nmae" on type "Member". Did you mean "name"?',
      );
      const value = await post(t.app, { query: MISSPELLED_ENUM });
      expect(value.body.errors[0].message).toMatch(/Did you mean the enum value "NAME"\?$/);
    });
  });

  describe('in production (NODE_ENV=production)', () => {
    let production: INestApplication;
    beforeAll(async () => {
      const config = testConfig({ NODE_ENV: 'production' });
      expect(config.production).toBe(true);
      production = await createApp(config, t.url, createLogger('silent'));
      await production.init();
    });
    afterAll(() => stopApp(production));

    it.each([
      ['__schema', INTROSPECTION],
      ['__type', TYPE],
      ['__schema inside a fragment', '{ ...S } fragment S on Query { __schema { types { name } } }'],
    ])('refuses introspection (%s) before running it', async (_, query) => {
      const res = await post(production, { query });
      expect(res.status).toBe(400);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('introspection is not allowed'),
          extensions: { code: 'BAD_USER_INPUT', fields: {} },
        }),
      ]);
    });

    it('still answers __typename, which clients use to cache results', async () => {
      expect((await post(production, { query: '{ __typename }' })).body).toEqual({
        data: { __typename: 'Query' },
      });
    });

    it.each([
      ['a misspelled field', { query: MISSPELLED_FIELD }, 'Cannot query field "nmae" on type "Member".'],
      [
        'a misspelled enum value',
        { query: MISSPELLED_ENUM },
        'Value "NAM" does not exist in "CustomerOrder" enum.',
      ],
    ])('names %s without suggesting the schema’s names', async (_, body, message) => {
      const res = await post(production, body);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { message, locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', fields: {} } },
      ]);
    });

    it('leaves suggestions out of variable errors and their fields too', async () => {
      const body = { query: MISSPELLED_INPUT, variables: { input: { nmae: 'Ada' } } };
      const development = await post(t.app, body);
      expect(development.text).toContain('Did you mean \\"name\\"?');

      const res = await post(production, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.length).toBeGreaterThan(0);
      for (const error of res.body.errors) expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(res.text).toContain('Field \\"nmae\\" is not defined by type \\"CreateCustomerInput\\".');
      expect(res.text).not.toMatch(/did you mean/i);
    });

    it('keeps every other limit', async () => {
      const res = await post(production, { query: '{ customers(first: 101) { totalCount } }' });
      expect(res.body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: { first: 'At most 100' },
      });
      const deep = await post(production, {
        query: DEPTH_11,
        variables: { id: customerId },
      });
      expect(deep.body.errors[0].message).toMatch(TOO_DEEP);
    });
  });
});

interface WebDocument {
  name: string;
  /** The operation with the fragments it spreads, directly or through other fragments. */
  document: DocumentNode;
}

/** Every operation the web app defines (apps/web/src/features/<feature>/graphql/*.ts). */
function webDocuments(): WebDocument[] {
  const features = join(__dirname, '..', '..', 'web', 'src', 'features');
  const definitions = readdirSync(features)
    .map((feature) => join(features, feature, 'graphql'))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8')))
    .flatMap((text) => [...text.matchAll(/graphql\(`([\s\S]*?)`\)/g)])
    .flatMap((match) => parse(match[1] ?? '').definitions);
  const fragments = new Map(
    definitions
      .filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const spreadIn = (node: OperationDefinitionNode | FragmentDefinitionNode, found: Set<string>) => {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment || found.has(spread.name.value)) return;
        found.add(spread.name.value);
        spreadIn(fragment, found);
      },
    });
    return found;
  };
  return definitions
    .filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    .map((operation) => ({
      name: operation.name?.value ?? 'anonymous',
      document: {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...[...spreadIn(operation, new Set())].map((name) => fragments.get(name)!)],
      },
    }));
}
