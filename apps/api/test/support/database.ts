import type { Pool } from 'pg';
import { sha256 } from './http';

/** Every row of every table, as text (bytea in hex), table by table and in a stable order. */
export async function dumpDatabase(admin: Pool, except: string[] = []): Promise<Record<string, string[]>> {
  const { rows: tables } = await admin.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (except.includes(name)) continue;
    const { rows } = await admin.query<{ row: string }>(`select t::text as row from "${name}" t order by 1`);
    dump[name] = rows.map((r) => r.row);
  }
  return dump;
}

/**
 * Everything a request may write, for "nothing was written" checks. Rate-limit counters are left
 * out: counting an attempt is not writing business data.
 */
export const dumpState = (admin: Pool) => dumpDatabase(admin, ['rate_limit_events']);

/** Whether a token appears anywhere in the database: as text, as its UTF-8 bytes or as its decoded bytes. */
export async function isStoredAnywhere(admin: Pool, token: string): Promise<boolean> {
  const text = JSON.stringify(await dumpDatabase(admin));
  const forms = [token, Buffer.from(token).toString('hex'), Buffer.from(token, 'base64url').toString('hex')];
  return forms.some((form) => text.includes(form));
}

/** Whether the SHA-256 of a token is stored somewhere (as a bytea). */
export async function isHashStored(admin: Pool, token: string): Promise<boolean> {
  return JSON.stringify(await dumpDatabase(admin)).includes(sha256(token).toString('hex'));
}

/**
 * Runs `requests` so that they reach their first write to `table` together: the table is locked
 * against writes until every request is waiting on the lock, then released. Makes a race that
 * real traffic only hits by chance happen on every run.
 */
export async function raceOnWrite<T>(
  admin: Pool,
  table: string,
  requests: (() => Promise<T>)[],
): Promise<T[]> {
  const lock = await admin.connect();
  try {
    await lock.query('begin');
    await lock.query(`lock table "${table}" in exclusive mode`);
    const results = Promise.all(requests.map((send) => send()));
    let settled = false;
    const markSettled = () => {
      settled = true;
    };
    void results.then(markSettled, markSettled);
    // Polls the lock queue (no sleeping); stops early if a request finished without writing.
    while (!settled) {
      const { rows } = await admin.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_locks where relation = $1::regclass and not granted`,
        [table],
      );
      if (rows[0]!.waiting >= requests.length) break;
    }
    await lock.query('commit');
    return await results;
  } finally {
    lock.release();
  }
}

/** The public tables, each with whether it has a `workspace_id` column. */
async function tables(admin: Pool): Promise<{ name: string; scoped: boolean }[]> {
  const { rows } = await admin.query<{ name: string; scoped: boolean }>(
    `select c.relname as name,
       exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'workspace_id'
                 and not a.attisdropped) as scoped
     from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1`,
  );
  return rows;
}

/**
 * Every row that belongs to one workspace, as JSON, table by table: the workspace itself and every
 * table with a `workspace_id`, global ones (sessions, credentials, links) included. One round trip.
 */
export async function workspaceRows(admin: Pool, workspaceId: string): Promise<Record<string, unknown[]>> {
  const selects = (await tables(admin))
    .filter((table) => table.scoped || table.name === 'workspaces')
    .map(({ name }) => {
      const key = name === 'workspaces' ? 'id' : 'workspace_id';
      return `'${name}', (select coalesce(json_agg(t order by t::text), '[]') from "${name}" t where ${key} = $1)`;
    });
  const { rows } = await admin.query(`select json_build_object(${selects.join(', ')}) as rows`, [
    workspaceId,
  ]);
  return rows[0].rows;
}

/**
 * A function answering how many rows each public table holds, but those in `except`: one round
 * trip to a prepared statement, cheap enough to run after every request.
 */
export async function rowCounter(admin: Pool, except: string[] = []) {
  const counts = (await tables(admin))
    .filter((table) => !except.includes(table.name))
    .map(({ name }) => `'${name}', (select count(*) from "${name}")`);
  const statement = {
    name: `row-counts-${except.join('-')}`,
    text: `select json_build_object(${counts.join(', ')}) as counts`,
  };
  return async (): Promise<Record<string, number>> => (await admin.query(statement)).rows[0].counts;
}
