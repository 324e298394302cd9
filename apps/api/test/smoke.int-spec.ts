import request from 'supertest';
import { signUpOwner, startTestApp, type TestApp } from './support/harness';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('signs up and reads me', async () => {
  const owner = await signUpOwner(t);
  const data = await owner.client.ok('{ me { email role } }');
  expect(data.me).toEqual({ email: owner.email, role: 'OWNER' });
});

it('reaches the embedded cluster over its Unix socket, not TCP', async () => {
  if (process.env.DATABASE_URL) return; // a server named by DATABASE_URL is reached as it says
  expect(new URL(t.appUrl).searchParams.get('host')).toMatch(/^\//);
  const { rows } = await t.admin.query('select inet_client_addr() as address');
  expect(rows).toEqual([{ address: null }]); // null: a Unix-socket connection
});

describe('compressed answers', () => {
  // Large enough to be worth compressing (compression's threshold is 1 KB).
  const query = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const ask = (acceptEncoding: string) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-encoding', acceptEncoding)
      .send({ query });

  it.each([
    ['br, gzip', 'br'],
    ['gzip', 'gzip'],
  ])('compresses an API answer for a client accepting %s', async (accept, encoding) => {
    const res = await ask(accept);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    // supertest decodes the body by its content-encoding.
    expect(res.body.data.a199).toBe('Query');
  });

  it('sends it as it is to a client that accepts no encoding', async () => {
    const res = await ask('identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.data.a0).toBe('Query');
  });
});
