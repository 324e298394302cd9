import { TODAY, TODAY_STARTS } from '../../database/utc-day';

/** The SQL placeholders (or expressions) a count is parameterised with; `band` and `overdue` may be null. */
interface CountParameters {
  workspace: string;
  status: string;
  band: string;
  overdue: string;
}

/**
 * SQL: the customers of a workspace and status (and band, unless null) due today (UTC) and, by
 * `overdue`, already past due or not yet. The counts keep due *days*: today is the one day they cannot
 * split at now, so its customers are counted from the due-date index (a day's worth of rows).
 */
const dueToday = ({ workspace, status, band }: Omit<CountParameters, 'overdue'>, overdue: string) =>
  `(select count(*) from customers
     where workspace_id = ${workspace} and status = ${status} and (${band}::text is null or health_band = ${band})
       and next_check_in_due_at >= ${TODAY_STARTS} and next_check_in_due_at < ${TODAY_STARTS} + interval '1 day'
       and (next_check_in_due_at < now()) = ${overdue})`;

/**
 * SQL: how many customers have the status, the band (unless null) and an overdue check-in or not
 * (unless null), from `customer_counts` (see its migration): a few thousand count rows instead of
 * every customer of the workspace. Exact as of the statement, like counting the rows.
 */
export function countFromCounts(p: CountParameters): string {
  return `((select coalesce(sum(customers), 0) from customer_counts
             where workspace_id = ${p.workspace} and status = ${p.status} and (${p.band}::text is null or band = ${p.band})
               and case ${p.overdue}::boolean when true then due_day < ${TODAY} when false then due_day > ${TODAY}
                                             else true end)
           + case when ${p.overdue}::boolean is null then 0 else ${dueToday(p, `${p.overdue}::boolean`)} end)::int`;
}

/**
 * SQL: as of today, workspace $1's active customers per band, their mean score and how many are
 * overdue, from the counts.
 */
export const SUMMARY_FROM_COUNTS = `
  with c as (
    select band, due_day, sum(customers) as n, sum(score_sum) as s
      from customer_counts where workspace_id = $1 and status = 'ACTIVE' group by band, due_day
  )
  select to_char(${TODAY}, 'YYYY-MM-DD') as day,
         coalesce(sum(n) filter (where band = 'HEALTHY'), 0)::int as healthy,
         coalesce(sum(n) filter (where band = 'WATCH'), 0)::int as watch,
         coalesce(sum(n) filter (where band = 'AT_RISK'), 0)::int as "atRisk",
         (sum(s) filter (where band <> '') / nullif(sum(n) filter (where band <> ''), 0))::float8 as "averageScore",
         (coalesce(sum(n) filter (where due_day < ${TODAY}), 0)
          + ${dueToday({ workspace: '$1', status: `'ACTIVE'`, band: 'null' }, 'true')})::int as "checkInsOverdue"
    from c`;
