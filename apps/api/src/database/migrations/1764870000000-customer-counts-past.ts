import type { MigrationInterface, QueryRunner } from 'typeorm';

const SHARDS = 16;
const TODAY = `(now() at time zone 'UTC')::date`;

/**
 * A customer row's bucket: status, band, due day (UTC), with every day before today as '-infinity'
 * when `pastAsOne`. A day before today stays before today, so a count of "before today" is the same
 * whichever of the two a row was put on.
 */
const bucketOf = (rows: string, pastAsOne: boolean) => {
  const day = `(next_check_in_due_at at time zone 'UTC')::date`;
  return `select workspace_id, status, coalesce(health_band, '') as band,
          ${pastAsOne ? `case when ${day} < ${TODAY} then '-infinity'::date else ${day} end` : day} as due_day,
          health_score from ${rows}`;
};

/**
 * The trigger function adding one statement's changes to the counts (see 1764850000000). With
 * `pastAsOne`, removals from the past go to a random shard as additions do: the past is one bucket per
 * status and band, which every write moving a customer off an overdue day takes from.
 */
function followFunction(name: string, sides: { added?: string; removed?: string }, pastAsOne: boolean) {
  const deltas = [
    sides.added && `select b.*, 1 as n from (${bucketOf(sides.added, pastAsOne)}) b`,
    sides.removed && `select b.*, -1 as n from (${bucketOf(sides.removed, pastAsOne)}) b`,
  ].filter(Boolean);
  const spread = pastAsOne ? `sum(d.n) > 0 or d.due_day = '-infinity'` : 'sum(d.n) > 0';
  const shard = `case when ${spread} then floor(random() * ${SHARDS})::int else 0 end`;
  return `
    create or replace function ${name}() returns trigger language plpgsql as $fn$
    begin
      insert into public.customer_counts as t (workspace_id, status, band, due_day, shard, customers, score_sum)
      select d.workspace_id, d.status, d.band, d.due_day, ${shard},
             sum(d.n), coalesce(sum(d.n * d.health_score), 0)
        from (${deltas.join(' union all ')}) d
       where exists (select 1 from public.workspaces w where w.id = d.workspace_id) -- not a workspace being deleted
       group by d.workspace_id, d.status, d.band, d.due_day
      having sum(d.n) <> 0 or coalesce(sum(d.n * d.health_score), 0) <> 0
       order by d.workspace_id, d.status, d.band, d.due_day
      on conflict (workspace_id, status, band, due_day, shard) do update
        set customers = t.customers + excluded.customers, score_sum = t.score_sum + excluded.score_sum;
      return null;
    end
    $fn$;`;
}

const functions = (pastAsOne: boolean) => `
  ${followFunction('customer_counts_add', { added: 'new_rows' }, pastAsOne)}
  ${followFunction('customer_counts_change', { added: 'new_rows', removed: 'old_rows' }, pastAsOne)}
  ${followFunction('customer_counts_remove', { removed: 'old_rows' }, pastAsOne)}`;

/**
 * Writes count a customer due before today on the past as one bucket ('-infinity'), as the hourly
 * pass folds it, instead of on its day. Each write moving a customer off an overdue day left a row
 * for that day until the next pass: a workspace writing all hour read hundreds of them in every
 * overdue total and health summary (834 of 2,961 rows after the benchmark's writes).
 */
export class CustomerCountsPast1764870000000 implements MigrationInterface {
  name = 'CustomerCountsPast1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(functions(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(functions(false));
  }
}
