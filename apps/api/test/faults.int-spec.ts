import { Db, TRANSACTION_ATTEMPTS } from '../src/database/db.service';
import { signUpOwner, startTestApp, type TestApp } from './support/harness';

let t: TestApp;
let db: Db;
let workspaceId: string;
const customers: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  db = t.app.get(Db);
  const owner = await signUpOwner(t, 'Faulty Bakery');
  workspaceId = owner.workspaceId;
  for (const name of ['First', 'Second']) {
    const data = await owner.client.ok(
      `mutation($n: String!) { createCustomer(input: { name: $n }) { id } }`,
      {
        n: name,
      },
    );
    customers.push(data.createCustomer.id);
  }
});
afterAll(() => t.close());

const lock = (em: { query: (sql: string, params: unknown[]) => Promise<unknown> }, id: string) =>
  em.query('select id from customers where id = $1 for update', [id]);

describe('transactions that fail for a reason running them again can cure', () => {
  it('are run again after a deadlock, so both writers succeed', async () => {
    let bothHoldOne!: () => void;
    const barrier = new Promise<void>((resolve) => {
      let waiting = 2;
      bothHoldOne = () => {
        waiting -= 1;
        if (waiting === 0) resolve();
      };
    });
    const attempts = [0, 0];
    // Each locks one customer, waits until the other holds the other one, then asks for it.
    const writer = (index: number, first: string, second: string) =>
      db.inWorkspace(
        workspaceId,
        async (em) => {
          const attempt = (attempts[index] ?? 0) + 1;
          attempts[index] = attempt;
          await lock(em, first);
          if (attempt === 1) {
            bothHoldOne();
            await barrier;
          }
          await lock(em, second);
          return index;
        },
        'system',
      );
    const [a, b] = [customers[0]!, customers[1]!];
    await expect(Promise.all([writer(0, a, b), writer(1, b, a)])).resolves.toEqual([0, 1]);
    expect(attempts.sort()).toEqual([1, 2]);
  });

  it('are not run again for an error that would only repeat', async () => {
    let attempts = 0;
    const failing = db.inWorkspace(
      workspaceId,
      async (em) => {
        attempts += 1;
        await em.query(
          `insert into customers (workspace_id, id, name, next_check_in_due_at)
        values ($1, $2, 'Twin', now())`,
          [workspaceId, customers[0]],
        );
      },
      'system',
    );
    await expect(failing).rejects.toMatchObject({ driverError: { code: '23505' } });
    expect(attempts).toBe(1);
  });

  it('give up after a bounded number of runs', async () => {
    let attempts = 0;
    const alwaysConflicting = db.inWorkspace(
      workspaceId,
      async () => {
        attempts += 1;
        throw Object.assign(new Error('could not serialize access'), { code: '40001' });
      },
      'system',
    );
    await expect(alwaysConflicting).rejects.toMatchObject({ code: '40001' });
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
  });
});
