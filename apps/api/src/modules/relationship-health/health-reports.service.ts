import { Injectable } from '@nestjs/common';
import { reportPeriodSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { TODAY } from '../../database/utc-day';
import { parseInput } from '../../graphql/parse-input';
import { MemberEntity } from '../members/member.entity';
import type { HealthSummary } from './health-summary';

/**
 * SQL: the closed days of the last $2 days (before today) that `table` has not counted yet for
 * workspace $1 (normally only yesterday, once; a day with nothing to count is looked at again), with
 * the instants each day starts and ends.
 *
 * `offset 0` keeps these columns computed here: pulled up into the caller's join, they would be
 * expressions passing the series to functions that are not leakproof (casts, timezone), which row-level
 * security forbids from driving an index scan of the joined table. The contact mix then read every
 * interaction of the workspace per request (277 ms idle, 717 ms under load; now 1.7 ms).
 */
const uncountedDays = (table: 'health_days' | 'contact_days') =>
  `select g::date as day, g::date::timestamp at time zone 'UTC' as starts,
          (g::date + 1)::timestamp at time zone 'UTC' as ends
     from generate_series(${TODAY} - ($2::int - 1), ${TODAY} - 1, interval '1 day') g
    where not exists (select 1 from ${table} c where c.workspace_id = $1 and c.day = g::date)
   offset 0`;

type HealthTrendPoint = Omit<HealthSummary, 'activeCustomers' | 'checkInsOverdue'>;

/** Workspace-wide views of relationship health for the owner's dashboard, all over active customers. */
@Injectable()
export class HealthReportsService {
  constructor(private readonly db: Db) {}

  /**
   * Per day of the last `days` (UTC), the mean score and customers per band of active customers: the
   * closed days from `health_days` (each summed once from its snapshots, here, when first asked for),
   * then `today`, the current summary. A workspace of 100,000 customers keeps 100,000 snapshots a
   * day: reading them on every dashboard view is what this avoids.
   */
  trend(actor: Actor, args: unknown, today: HealthSummary) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      // The closed days of the period not summed yet are summed first, in the same statement: the
      // rows it adds are read from what it returns (the statement's snapshot predates them).
      const closed: HealthTrendPoint[] = await em.query(
        `with summed as (
           insert into health_days (workspace_id, day, customers, score_sum, healthy, watch, at_risk)
           select s.workspace_id, s.day, count(*), sum(s.score), count(*) filter (where s.band = 'HEALTHY'),
                  count(*) filter (where s.band = 'WATCH'), count(*) filter (where s.band = 'AT_RISK')
             from health_snapshots s
             join customers c on c.workspace_id = s.workspace_id and c.id = s.customer_id and c.status = 'ACTIVE'
            where s.workspace_id = $1 and s.day in (select day from (${uncountedDays('health_days')}) u)
            group by s.workspace_id, s.day
           on conflict do nothing
           returning day, customers, score_sum, healthy, watch, at_risk
         )
         select to_char(day, 'YYYY-MM-DD') as day, score_sum::float8 / customers as "averageScore",
                healthy, watch, at_risk as "atRisk"
           from (select day, customers, score_sum, healthy, watch, at_risk from health_days
                  where workspace_id = $1 and day > ${TODAY} - $2::int and day < ${TODAY}
                 union all
                 select * from summed) d
          where customers > 0
          order by day`,
        [workspaceId, days],
      );
      const { day, averageScore, healthy, watch, atRisk } = today;
      const scored = healthy + watch + atRisk > 0;
      return scored ? [...closed, { day, averageScore, healthy, watch, atRisk }] : closed;
    });
  }

  /**
   * Each member's contacts over the last `days` (UTC days, today included), and how many were
   * relationship (non-sales) contacts, from `contact_days` (today included, counted as contacts are logged).
   */
  contactMix(actor: Actor, args: unknown) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      // The closed days of the period not counted yet (see contact_days) are counted first, in the
      // same statement: the rows it adds are read from what it returns.
      const counts: { member_id: string; relationship: number; total: number }[] = await em.query(
        `with counted as (
           insert into contact_days (workspace_id, day, member_id, relationship, total)
           select $1, d.day, i.member_id, count(*) filter (where i.purpose = 'RELATIONSHIP'), count(*)
             from (${uncountedDays('contact_days')}) d
             join interactions i on i.workspace_id = $1 and i.member_id is not null
              and i.occurred_at >= d.starts and i.occurred_at < d.ends
            group by d.day, i.member_id
           on conflict do nothing
           returning member_id, relationship, total
         )
         select member_id, sum(relationship)::int as relationship, sum(total)::int as total
           from (select member_id, relationship, total from contact_days
                  where workspace_id = $1 and day > ${TODAY} - $2::int
                 union all
                 select member_id, relationship, total from counted) c
          group by member_id`,
        [workspaceId, days],
      );
      const byMember = new Map(counts.map((c) => [c.member_id, c]));
      // A removed member's contacts still count; with none in the period, they are not listed.
      const members = (await em.findBy(MemberEntity, { workspaceId })).filter(
        (member) => !member.removedAt || byMember.has(member.id),
      );
      return members
        .map((member) => {
          const { relationship = 0, total = 0 } = byMember.get(member.id) ?? {};
          return { member, relationship, total, relationshipShare: total > 0 ? relationship / total : null };
        })
        .sort((a, b) => a.member.name.localeCompare(b.member.name));
    });
  }
}
