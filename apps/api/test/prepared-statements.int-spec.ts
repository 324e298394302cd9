import { randomUUID } from 'node:crypto';
import { Query } from 'pg';

const originalSubmit = Query.prototype.submit;

import type { DataSource, QueryRunner } from 'typeorm';
import { ensureAppLogin } from '../src/database/app-login';
import { createDataSource } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';
import { PREPARED_PER_CONNECTION } from '../src/database/preparing-client';
import { sendHealthFacts } from '../src/modules/relationship-health/health-facts';
import { createTestDatabase, type TestDatabase } from './support/harness';

let database: TestDatabase;
let dataSource: DataSource;
let runner: QueryRunner;
beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  dataSource = createDataSource(
    await ensureAppLogin(database.url, 'prepared-statements-secret-0123456789'),
    'app',
    2,
  );
  await dataSource.initialize();
});
beforeEach(async () => {
  runner = dataSource.createQueryRunner();
  await runner.connect();
});
afterEach(() => runner.release());
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

/** The statements this connection has prepared, by text. */
const preparedOn = async (on: QueryRunner): Promise<{ name: string; statement: string }[]> =>
  on.query('select name, statement from pg_prepared_statements order by prepare_time');

describe('the request pool', () => {
  it('pipelines statements asked for at once on one connection, a new prepared one included, each answered as its own', async () => {
    // Statements written to the connection before the first answer came back: all of them, pipelined.
    let written = 0;
    const submit = jest.spyOn(Query.prototype, 'submit').mockImplementation(function (
      this: Query,
      connection,
    ) {
      written++;
      return originalSubmit.call(this, connection);
    });
    const text = 'select $1::int * 2 as doubled, pg_sleep(0.01)::text as slept';
    try {
      const asked = [
        runner.query(text, [1]),
        runner.query(text, [2]),
        runner.query('select 1 / $1::int as never', [0]),
        runner.query(text, [3]),
      ];
      const firstAnswered = (asked[0] as Promise<unknown>).then(() => written);
      const [one, two, failed, three] = await Promise.allSettled(asked);
      expect(one).toMatchObject({ status: 'fulfilled', value: [{ doubled: 2 }] });
      expect(two).toMatchObject({ status: 'fulfilled', value: [{ doubled: 4 }] });
      expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'division by zero' } });
      expect(three).toMatchObject({ status: 'fulfilled', value: [{ doubled: 6 }] });
      expect(await firstAnswered).toBe(4);
    } finally {
      submit.mockRestore();
    }
    expect((await preparedOn(runner)).filter((p) => p.statement === text)).toHaveLength(1);
  });

  it('runs its sessions in UTC and reads timestamps as the instants they are', async () => {
    expect(await runner.query('select current_setting($1) as zone', ['TimeZone'])).toEqual([{ zone: 'UTC' }]);
    const [row] = await runner.query(
      `select timestamptz '2026-12-06 23:30:00.123456-05' as late, timestamptz '1999-01-01 00:00:00+00' as plain`,
    );
    expect(row).toEqual({
      late: new Date('2026-12-07T04:30:00.123Z'),
      plain: new Date('1999-01-01T00:00:00Z'),
    });
  });

  it('prepares a statement with parameters once per connection and reuses it', async () => {
    const text = 'select $1::int + 1 as next';
    expect(await runner.query(text, [1])).toEqual([{ next: 2 }]);
    expect(await runner.query(text, [41])).toEqual([{ next: 42 }]);
    const prepared = (await preparedOn(runner)).filter((p) => p.statement === text);
    expect(prepared).toHaveLength(1);
    expect(prepared[0]?.name).toMatch(/^r[\w-]{20}$/);
  });

  it("plans one customer's health facts once, in PostgreSQL's default plan cache mode", async () => {
    // Their statement once named the customers by an array, whose generic plan counts ten ids: its
    // custom plans always looked cheaper, so it was planned anew on every write.
    await runner.startTransaction();
    try {
      for (let n = 0; n < 8; n++)
        await sendHealthFacts(runner.manager, randomUUID(), [randomUUID()], new Date());
    } finally {
      await runner.rollbackTransaction();
    }
    expect(await runner.query(`select current_setting('plan_cache_mode') as mode`)).toEqual([
      { mode: 'auto' },
    ]);
    const [plans] = await runner.query(
      `select generic_plans, custom_plans from pg_prepared_statements where statement like '%json_agg%'`,
    );
    // PostgreSQL plans the first five executions for their parameters, then compares.
    expect(plans).toEqual({ generic_plans: '3', custom_plans: '5' });
  });

  it('runs statements without parameters as before, several in one string included', async () => {
    await runner.query(`select 1; select set_config('app.note', 'x', false)`);
    expect(await runner.query(`select current_setting('app.note') as note`)).toEqual([{ note: 'x' }]);
    expect((await preparedOn(runner)).map((p) => p.statement)).not.toContain(
      `select current_setting('app.note') as note`,
    );
  });

  it('keeps a failed statement from being taken for prepared', async () => {
    const text = 'select $1::int / 0 as boom';
    await expect(runner.query(text, [1])).rejects.toThrow(/division by zero/);
    // Parsed and prepared; only the execution failed: it runs again, and fails the same way.
    await expect(runner.query(text, [2])).rejects.toThrow(/division by zero/);
    const broken = 'select $1::int frm nowhere';
    await expect(runner.query(broken, [1])).rejects.toThrow(/syntax error/);
    await expect(runner.query(broken, [1])).rejects.toThrow(/syntax error/);
  });

  it(`prepares at most ${PREPARED_PER_CONNECTION} texts per connection and runs more unnamed`, async () => {
    const texts = Array.from(
      { length: PREPARED_PER_CONNECTION + 20 },
      (_, n) => `select $1::int * ${n} as product`,
    );
    for (const [n, text] of texts.entries()) {
      expect(await runner.query(text, [2])).toEqual([{ product: 2 * n }]);
    }
    const prepared = (await preparedOn(runner)).map((p) => p.statement);
    expect(prepared.length).toBeLessThanOrEqual(PREPARED_PER_CONNECTION);
    expect(prepared).toContain(texts[0]);
    expect(prepared).not.toContain(texts.at(-1));
  });
});
