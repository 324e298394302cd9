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
