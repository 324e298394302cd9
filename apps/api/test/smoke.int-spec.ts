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
