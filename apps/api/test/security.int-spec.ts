import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ERROR_CODES } from '@rapport/domain';
import express from 'express';
import request from 'supertest';
import { webApp } from '../src/http/web-app';
import { dumpState } from './support/database';
import {
  code,
  type GqlResult,
  PASSWORD,
  SIGN_UP,
  type SignedIn,
  signUpOwner,
  startTestApp,
  type TestApp,
  uniqueEmail,
} from './support/harness';
import { clientAt, postGql, type Variables } from './support/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const server = () => t.app.getHttpServer();

const SIGN_IN = `mutation($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { member { id } }
}`;
const WORKSPACE_NAME = '{ me { workspace { name } } }';
const RENAME = 'mutation { updateWorkspace(name: "Taken Over") { name } }';
const WRONG_PASSWORD = 'not the password';

const signUpVariables = (email = uniqueEmail('owner')) => ({
  workspaceName: 'Corner Bakery',
  name: 'Olive Owner',
  email,
  password: PASSWORD,
});

/** `{ __schema { types { fields { type { ofType … { name } } } } } }`, nested `depth` fields deep (depth ≥ 5). */
const introspectionOfDepth = (depth: number) => {
  const ofTypes = depth - 5;
  return `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;
};

/** A JSON GraphQL body of exactly `bytes` bytes (the padding rides in an unused variable). */
const bodyOfSize = (bytes: number) => {
  const body = { query: '{ __typename }', variables: { padding: '' } };
  body.variables.padding = 'x'.repeat(bytes - JSON.stringify(body).length);
  return JSON.stringify(body);
};

const postJson = (body: string) =>
  request(server()).post('/graphql').set('content-type', 'application/json').send(body);

const countBy = (values: (string | undefined)[]) =>
  values.reduce<Record<string, number>>((counts, value) => {
    const key = value ?? 'ok';
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

/**
 * Each rate-limit test comes from its own loopback address, so no test spends another's allowance.
 * (signUpOwner signs up from 127.0.0.1: this file stays well under that address's 20 an hour.)
 */
let lastOctet = 1;
const newAddress = () => `127.0.0.${++lastOctet}`;

describe('request limits', () => {
  it('answers a body over 1 MB with HTTP 413, and runs one of exactly 1 MB', async () => {
    const tooLarge = await postJson(bodyOfSize(1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const atTheLimit = await postJson(bodyOfSize(1024 * 1024));
    expect(atTheLimit.status).toBe(200);
    expect(atTheLimit.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers a body that is not UTF-8 with HTTP 400 and runs nothing, rather than storing U+FFFD', async () => {
    const owner = await signUpOwner(t);
    // "Café" in Latin-1: its é (0xe9) is no UTF-8.
    const query = 'mutation { updateWorkspace(name: "Caf\u00e9") { name } }';
    const latin1 = Buffer.from(JSON.stringify({ query }), 'latin1');
    const res = await owner.client
      .raw()
      .post('/graphql')
      .set('content-type', 'application/json')
      .serialize((bytes) => bytes) // as they are, not as JSON
      .send(latin1);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { message: 'Request body is not valid UTF-8', extensions: { code: 'BAD_USER_INPUT', fields: {} } },
    ]);
    expect(await owner.client.ok(WORKSPACE_NAME)).toEqual({ me: { workspace: { name: 'Corner Bakery' } } });
  });

  it('refuses a query nested deeper than 10 levels before running it', async () => {
    const refused = await postJson(JSON.stringify({ query: introspectionOfDepth(11) }));
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('the limit is 10'),
        extensions: { code: 'BAD_USER_INPUT', fields: {} },
      }),
    ]);

    const allowed = await postJson(JSON.stringify({ query: introspectionOfDepth(10) }));
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();
  });

  it('counts the depth of fragments too', async () => {
    const query = `query { __schema { types { ...Fields } } }
      fragment Fields on __Type { fields { type { ...Deep } } }
      fragment Deep on __Type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } }`;
    const refused = await postJson(JSON.stringify({ query }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('rate limits', () => {
  /** Moves every counted attempt back in time, as if `interval` had passed. */
  const letTimePass = (interval: string) =>
    t.admin.query('update rate_limit_events set at = at - $1::interval', [interval]);

  const signInFrom = (address: string, email: string, password: string) =>
    clientAt(t, address)(SIGN_IN, { email, password });

  /** Ten failed sign-ins, the whole allowance, each answered as a plain wrong password. */
  async function failTenSignIns(address: string, email: () => string) {
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(code(await signInFrom(address, email(), WRONG_PASSWORD))).toBe('UNAUTHENTICATED');
    }
  }

  it('locks an email after 10 failed sign-ins, from whatever address', async () => {
    const owner = await signUpOwner(t);
    const attacker = newAddress();
    let attempt = 0;
    // The email counts however it is written.
    await failTenSignIns(attacker, () => (++attempt % 2 ? owner.email : owner.email.toUpperCase()));
    expect(code(await signInFrom(attacker, owner.email, WRONG_PASSWORD))).toBe('RATE_LIMITED');

    // The right password from another address is refused too, until the window has passed…
    const elsewhere = newAddress();
    expect(code(await signInFrom(elsewhere, owner.email, PASSWORD))).toBe('RATE_LIMITED');
    // …while that address may still sign in to other accounts.
    const other = await signUpOwner(t);
    expect(code(await signInFrom(elsewhere, other.email, PASSWORD))).toBeUndefined();
  });

  it('locks an address after 10 failed sign-ins with different emails', async () => {
    const owner = await signUpOwner(t);
    const attacker = newAddress();
    await failTenSignIns(attacker, () => uniqueEmail('guess'));
    expect(code(await signInFrom(attacker, uniqueEmail('guess'), WRONG_PASSWORD))).toBe('RATE_LIMITED');
    expect(code(await signInFrom(attacker, owner.email, PASSWORD))).toBe('RATE_LIMITED');
    expect(code(await signInFrom(newAddress(), owner.email, PASSWORD))).toBeUndefined();
  });

  it('ignores X-Forwarded-For while TRUST_PROXY is unset: a client cannot pick a new address per guess', async () => {
    const agent = new Agent({ localAddress: newAddress() });
    const guessAs = async (forwardedFor: string) =>
      (
        await request(server())
          .post('/graphql')
          .agent(agent)
          .set('content-type', 'application/json')
          .set('x-forwarded-for', forwardedFor)
          .send({ query: SIGN_IN, variables: { email: uniqueEmail('guess'), password: WRONG_PASSWORD } })
      ).body.errors?.[0]?.extensions?.code;
    for (let i = 1; i <= 10; i++) expect(await guessAs(`203.0.113.${i}`)).toBe('UNAUTHENTICATED');
    expect(await guessAs('203.0.113.11')).toBe('RATE_LIMITED');
  });

  it('forgets failed sign-ins after 15 minutes', async () => {
    const owner = await signUpOwner(t);
    const address = newAddress();
    await failTenSignIns(address, () => owner.email);

    await letTimePass('14 minutes');
    expect(code(await signInFrom(address, owner.email, PASSWORD))).toBe('RATE_LIMITED');
    await letTimePass('1 minute');
    expect(code(await signInFrom(address, owner.email, PASSWORD))).toBeUndefined();
  });

  it('does not count successful sign-ins', async () => {
    const owner = await signUpOwner(t);
    const address = newAddress();
    for (let attempt = 0; attempt < 12; attempt++) {
      expect(code(await signInFrom(address, owner.email, PASSWORD))).toBeUndefined();
    }
  });

  it('holds the sign-in limit against a burst of concurrent attempts', async () => {
    const owner = await signUpOwner(t);
    const address = newAddress();
    const results = await Promise.all(
      Array.from({ length: 25 }, () => signInFrom(address, owner.email, WRONG_PASSWORD)),
    );
    expect(countBy(results.map(code))).toEqual({ UNAUTHENTICATED: 10, RATE_LIMITED: 15 });
  });

  it('refuses the 21st sign-up from one address within an hour, creating nothing', async () => {
    const signUpFrom = clientAt(t, newAddress());
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await signUpFrom(SIGN_UP, signUpVariables())).errors).toBeUndefined();
    }
    const before = await dumpState(t.admin);
    expect(code(await signUpFrom(SIGN_UP, signUpVariables()))).toBe('RATE_LIMITED');
    expect(await dumpState(t.admin)).toEqual(before);
    expect((await clientAt(t, newAddress())(SIGN_UP, signUpVariables())).errors).toBeUndefined();

    await letTimePass('59 minutes');
    expect(code(await signUpFrom(SIGN_UP, signUpVariables()))).toBe('RATE_LIMITED');
    await letTimePass('1 minute');
    expect((await signUpFrom(SIGN_UP, signUpVariables())).errors).toBeUndefined();
  });

  it('counts failed sign-ups as well', async () => {
    const { email } = await signUpOwner(t);
    const signUpFrom = clientAt(t, newAddress());
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(code(await signUpFrom(SIGN_UP, signUpVariables(email)))).toBe('CONFLICT');
    }
    expect(code(await signUpFrom(SIGN_UP, signUpVariables()))).toBe('RATE_LIMITED');
  });

  it('holds the sign-up limit against a burst of concurrent attempts', async () => {
    const signUpFrom = clientAt(t, newAddress());
    const results = await Promise.all(
      Array.from({ length: 25 }, () => signUpFrom(SIGN_UP, signUpVariables())),
    );
    expect(countBy(results.map(code))).toEqual({ ok: 20, RATE_LIMITED: 5 });
  });
});

describe('cross-site request forgery', () => {
  let owner: SignedIn;
  beforeAll(async () => {
    owner = await signUpOwner(t, 'Corner Bakery');
  });

  // What a form or a script on another site can send with the victim's cookie, without a preflight.
  it.each<[string, number, (agent: ReturnType<SignedIn['client']['raw']>) => request.Test]>([
    [
      'a text/plain POST',
      400,
      (agent) =>
        agent
          .post('/graphql')
          .set('content-type', 'text/plain')
          .send(JSON.stringify({ query: RENAME })),
    ],
    ['a form POST', 400, (agent) => agent.post('/graphql').type('form').send({ query: RENAME })],
    ['a multipart POST', 400, (agent) => agent.post('/graphql').field('query', RENAME)],
    ['a GET', 400, (agent) => agent.get('/graphql').query({ query: RENAME })],
    [
      'a GET with a preflight header',
      405,
      (agent) => agent.get('/graphql').set('apollo-require-preflight', 'true').query({ query: RENAME }),
    ],
  ])('refuses a mutation sent as %s with the session cookie', async (_, status, send) => {
    const res = await send(owner.client.raw());
    expect(res.status).toBe(status);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await owner.client.ok(WORKSPACE_NAME)).me.workspace.name).toBe('Corner Bakery');
  });

  it('refuses a GET query without a preflight header, and serves one with it', async () => {
    const agent = owner.client.raw();
    const simple = await agent.get('/graphql').query({ query: WORKSPACE_NAME });
    expect(simple.status).toBe(400);
    expect(simple.body.data).toBeUndefined();

    const preflighted = await agent
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: WORKSPACE_NAME });
    expect(preflighted.body).toEqual({ data: { me: { workspace: { name: 'Corner Bakery' } } } });
  });
});

describe('errors', () => {
  it('answers an internal error generically: no internals, no stack trace, a request id to find the log', async () => {
    const owner = await signUpOwner(t);
    await t.admin.query(`create function fail_for_test() returns trigger language plpgsql as $$
      begin raise exception 'secret internal detail'; end $$`);
    await t.admin.query(
      'create trigger fail_for_test before update on workspaces for each row execute function fail_for_test()',
    );
    try {
      const res = await postGql(owner.client, RENAME);
      expect(res.body.errors).toEqual([
        {
          message: expect.any(String),
          path: ['updateWorkspace'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: res.headers['x-request-id'] },
        },
      ]);
      expect(res.text).not.toMatch(
        /secret internal detail|QueryFailedError|workspaces|stacktrace|\.[jt]s:\d/,
      );
    } finally {
      await t.admin.query('drop trigger fail_for_test on workspaces; drop function fail_for_test()');
    }
  });

  const gql = (query: string, variables?: Variables) => postJson(JSON.stringify({ query, variables }));

  it.each<[string, () => Promise<request.Response>]>([
    ['a syntax error', () => gql('{ me { ')],
    ['an unknown field', () => gql('{ nothingHere }')],
    [
      'a variable of the wrong type',
      () => gql('query($id: ID!) { customer(id: $id) { id } }', { id: { not: 'an id' } }),
    ],
    ['a missing session', () => gql('{ members { id } }')],
    [
      'an unknown link',
      () => gql('query($t: String!) { invitationPreview(token: $t) { name } }', { t: 'nope' }),
    ],
    ['invalid input', () => gql(SIGN_UP, { ...signUpVariables(), password: 'short' })],
    ['a query too deep', () => gql(introspectionOfDepth(11))],
    ['malformed JSON', () => postJson('{"query": ')],
    ['a body over 1 MB', () => postJson(bodyOfSize(2 * 1024 * 1024))],
    [
      'a text/plain POST',
      () => request(server()).post('/graphql').set('content-type', 'text/plain').send('{ me { id } }'),
    ],
  ])('answers %s with a contract error code and no stack trace', async (_, send) => {
    const res = await send();
    const errors: GqlResult['errors'] = res.body.errors;
    expect(errors?.length).toBeGreaterThan(0);
    for (const error of errors ?? []) expect(ERROR_CODES).toContain(error.extensions?.code);
    expect(res.text).not.toMatch(/stacktrace|exception/i);
  });
});

describe('health checks', () => {
  it.each([
    ['/healthz', { status: 'ok' }],
    ['/readyz', { status: 'ready' }],
  ])('GET %s answers 200', async (path, body) => {
    const res = await request(server()).get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(body);
  });
});

describe('web client', () => {
  // The app serves apps/web/dist, which exists only after the web build; these tests mount the same
  // router on a build of their own so they do not depend on it.
  const INDEX = '<!doctype html><title>Rapport</title><div id="root"></div>';
  const APP_JS = 'console.log("rapport")';
  let dist: string;
  let web: express.Express;
  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'rapport-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'app.js'), APP_JS);
    // As the web build writes them: precompressed copies next to each asset.
    writeFileSync(join(dist, 'assets', 'app.js.br'), brotliCompressSync(APP_JS));
    writeFileSync(join(dist, 'assets', 'app.js.gz'), gzipSync(APP_JS));
    web = express().use(webApp(dist));
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it.each(['/', '/customers/123', '/f/Zm9vYmFyYmF6cXV4cXV1eA', '/a/Zm9vYmFyYmF6cXV4cXV1eA', '/invite/abc'])(
    'answers the deep link %s with index.html',
    async (path) => {
      const res = await request(web).get(path).set('accept', 'text/html');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    },
  );

  it('serves built assets as they are, cached for good (their names change with their content)', async () => {
    const res = await request(web).get('/assets/app.js').set('accept-encoding', 'identity');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(APP_JS);
  });

  it.each([
    ['br, gzip, deflate', 'br'],
    ['gzip, deflate', 'gzip'],
  ])('serves the precompressed asset to a browser accepting %s', async (accept, encoding) => {
    const res = await request(web).get('/assets/app.js').set('accept-encoding', accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // supertest decodes the body by its content-encoding.
    expect(res.text).toBe(APP_JS);
  });

  it('answers a missing asset (a chunk of an older release) with 404, not index.html', async () => {
    const res = await request(web).get('/assets/DashboardPage-old.js').set('accept', '*/*');
    expect(res.status).toBe(404);
  });

  it.each(['/graphql', '/healthz', '/readyz'])('leaves %s to the API', async (path) => {
    const res = await request(web).get(path).set('accept', 'text/html');
    expect(res.status).toBe(404);
  });

  it('leaves requests that do not accept HTML to the API', async () => {
    const res = await request(web).get('/customers/123').set('accept', 'application/json');
    expect(res.status).toBe(404);
  });

  it('says so when the web client is not built', async () => {
    const res = await request(express().use(webApp(join(dist, 'missing'))))
      .get('/customers/123')
      .set('accept', 'text/html');
    expect(res.status).toBe(503);
    expect(res.text).toMatch(/not built/);
  });

  it('keeps the API reachable for a browser in the real app', async () => {
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const health = await request(server()).get('/healthz').set('accept', browser);
    expect(health.body).toEqual({ status: 'ok' });
    const graphql = await request(server())
      .get('/graphql')
      .set('accept', browser)
      .set('apollo-require-preflight', 'true')
      .query({ query: '{ __typename }' });
    expect(graphql.body).toEqual({ data: { __typename: 'Query' } });
  });
});
