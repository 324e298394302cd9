import type { EntityManager } from 'typeorm';
import { TODAY, TODAY_STARTS } from '../../database/utc-day';

/**
 * What a count is of: the workspace and status as SQL placeholders, the band as a placeholder or null
 * for every band, and overdue check-ins or not (null for both). Band and overdue shape the statement
 * instead of being parameters, so that each shape's plan reads only its own rows: a condition a
 * generic plan must keep open for either value ("$3 is null or …") can use no index.
 */
interface CountFilter {
  workspace: string;
  status: string;
  band: string | null;
  overdue: boolean | null;
}

/** SQL: the band's condition on `column`, if any. */
const inBand = (band: string | null, column: string) => (band === null ? '' : ` and ${column} = ${band}`);

/**
 * SQL: the customers of the filter due today (UTC) and, by `overdue`, already past due or not yet. The
 * counts keep due *days*: today is the one day they cannot split at now, so its customers are counted
 * from the due-date index (a day's worth of rows).
 */
const dueToday = ({ workspace, status, band }: Omit<CountFilter, 'overdue'>, overdue: boolean) =>
  `(select count(*) from customers
     where workspace_id = ${workspace} and status = ${status}${inBand(band, 'health_band')}
       and next_check_in_due_at ${overdue ? `>= ${TODAY_STARTS} and next_check_in_due_at < now()` : `>= now() and next_check_in_due_at < ${TODAY_STARTS} + interval '1 day'`})`;

/**
 * SQL: how many customers match the filter, from `customer_counts` (see its migration): a few thousand
 * count rows instead of every customer of the workspace. Exact as of the statement, like counting the
 * rows.
 */
export function countFromCounts(f: CountFilter): string {
  const dueDays = f.overdue === null ? '' : ` and due_day ${f.overdue ? '<' : '>'} ${TODAY}`;
  return `((select coalesce(sum(customers), 0) from customer_counts
             where workspace_id = ${f.workspace} and status = ${f.status}${inBand(f.band, 'band')}${dueDays})
           ${f.overdue === null ? '' : `+ ${dueToday(f, f.overdue)}`})::int`;
}

/**
 * SQL: as of today, workspace $1's active customers (in all, and per band), their mean score and how
 * many are overdue, from the counts.
 */
export const SUMMARY_FROM_COUNTS = `
  select to_char(${TODAY}, 'YYYY-MM-DD') as day,
         coalesce(sum(customers), 0)::int as "activeCustomers",
         coalesce(sum(customers) filter (where band = 'HEALTHY'), 0)::int as healthy,
         coalesce(sum(customers) filter (where band = 'WATCH'), 0)::int as watch,
         coalesce(sum(customers) filter (where band = 'AT_RISK'), 0)::int as "atRisk",
         (sum(score_sum) filter (where band <> '') / nullif(sum(customers) filter (where band <> ''), 0))::float8
           as "averageScore",
         (coalesce(sum(customers) filter (where due_day < ${TODAY}), 0)
          + ${dueToday({ workspace: '$1', status: `'ACTIVE'`, band: null }, true)})::int as "checkInsOverdue"
    from customer_counts where workspace_id = $1 and status = 'ACTIVE'`;

/**
 * Folds a workspace's counts into as few rows as say the same: every shard into shard 0, and every day
 * before today into '-infinity' (of a past due day only "before today" matters); drops counts of
 * nothing. The writes spread each bucket over up to 16 rows and leave emptied ones behind, which every
 * summary would read. Run by the scheduled health pass; the sums are unchanged.
 */
export async function compactCustomerCounts(em: EntityManager, workspaceId: string): Promise<void> {
  await em.query(
    `with folded as (
       delete from customer_counts
        where workspace_id = $1 and (shard <> 0 or (due_day < ${TODAY} and due_day <> '-infinity'))
       returning status, band, case when due_day < ${TODAY} then '-infinity'::date else due_day end as due_day,
                 customers, score_sum
     )
     insert into customer_counts as t (workspace_id, status, band, due_day, shard, customers, score_sum)
     select $1, status, band, due_day, 0, sum(customers), sum(score_sum) from folded
      group by status, band, due_day
      order by status, band, due_day
     on conflict (workspace_id, status, band, due_day, shard) do update
       set customers = t.customers + excluded.customers, score_sum = t.score_sum + excluded.score_sum`,
    [workspaceId],
  );
  await em.query(`delete from customer_counts where workspace_id = $1 and customers = 0 and score_sum = 0`, [
    workspaceId,
  ]);
}
