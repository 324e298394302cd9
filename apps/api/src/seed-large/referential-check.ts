import type { PoolClient } from 'pg';

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  child_columns: string[];
  parent_columns: string[];
}

/**
 * Every foreign key of the public schema, checked as PostgreSQL would (MATCH SIMPLE: a row with a
 * null in the key references nothing): answers "constraint: n rows" for each one some row breaks.
 * For a load that ran without the foreign-key triggers.
 */
export async function orphanedReferences(client: PoolClient): Promise<string[]> {
  const { rows: keys } = await client.query<ForeignKey>(`
    select c.conname as name, c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
           array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as child_columns,
           array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
                   join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as parent_columns
      from pg_constraint c join pg_namespace s on s.oid = c.connamespace
     where c.contype = 'f' and s.nspname = 'public'
     order by 1`);
  const broken: string[] = [];
  for (const key of keys) {
    const present = key.child_columns.map((column) => `c.${column} is not null`).join(' and ');
    const matches = key.child_columns
      .map((column, i) => `p.${key.parent_columns[i]} = c.${column}`)
      .join(' and ');
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from ${key.child} c
        where ${present} and not exists (select 1 from ${key.parent} p where ${matches})`,
    );
    const n = rows[0]?.n ?? 0;
    if (n > 0) broken.push(`${key.name}: ${n} rows`);
  }
  return broken;
}
