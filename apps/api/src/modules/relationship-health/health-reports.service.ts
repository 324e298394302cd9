import { Injectable } from '@nestjs/common';
import { reportPeriodSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { parseInput } from '../../graphql/parse-input';
import { MemberEntity } from '../members/member.entity';

/** Workspace-wide views of relationship health for the owner's dashboard, all over active customers. */
@Injectable()
export class HealthReportsService {
  constructor(private readonly db: Db) {}

  summary(actor: Actor) {
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, async (em) => {
      const [row] = await em.query(
        `select count(*) filter (where health_band = 'HEALTHY')::int as healthy,
                count(*) filter (where health_band = 'WATCH')::int as watch,
                count(*) filter (where health_band = 'AT_RISK')::int as "atRisk",
                avg(health_score)::float8 as "averageScore",
                count(*) filter (where next_check_in_due_at < now())::int as "checkInsOverdue"
           from customers where workspace_id = $1 and status = 'ACTIVE'`,
        [workspaceId],
      );
      return row;
    });
  }

  /**
   * Per day of the last `days` (UTC), the mean score and customers per band of active customers: the
   * closed days from `health_days` (each summed once from its snapshots, here, when first asked for),
   * today from the customers' current health. A workspace of 100,000 customers keeps 100,000 snapshots
   * a day: reading them on every dashboard view is what this avoids.
   */
  trend(actor: Actor, args: unknown) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    const today = `(now() at time zone 'UTC')::date`;
    return this.db.inWorkspace(workspaceId, async (em) => {
      await em.query(
        `insert into health_days (workspace_id, day, customers, score_sum, healthy, watch, at_risk)
         select s.workspace_id, s.day, count(*), sum(s.score), count(*) filter (where s.band = 'HEALTHY'),
                count(*) filter (where s.band = 'WATCH'), count(*) filter (where s.band = 'AT_RISK')
           from health_snapshots s
           join customers c on c.workspace_id = s.workspace_id and c.id = s.customer_id and c.status = 'ACTIVE'
          where s.workspace_id = $1
            and s.day in (select d::date from generate_series(${today} - ($2::int - 1), ${today} - 1, interval '1 day') d
                           where not exists (select 1 from health_days h where h.workspace_id = $1 and h.day = d::date))
          group by s.workspace_id, s.day
         on conflict do nothing`,
        [workspaceId, days],
      );
      return em.query(
        `select to_char(day, 'YYYY-MM-DD') as day, score_sum::float8 / customers as "averageScore",
                healthy, watch, at_risk as "atRisk"
           from health_days
          where workspace_id = $1 and day > ${today} - $2::int and day < ${today} and customers > 0
         union all
         select to_char(${today}, 'YYYY-MM-DD'), avg(health_score)::float8,
                count(*) filter (where health_band = 'HEALTHY')::int, count(*) filter (where health_band = 'WATCH')::int,
                count(*) filter (where health_band = 'AT_RISK')::int
           from customers where workspace_id = $1 and status = 'ACTIVE' and health_score is not null
         having count(*) > 0
         order by day`,
        [workspaceId, days],
      );
    });
  }

  /**
   * Each member's contacts over the last `days` (UTC days, today included), and how many were
   * relationship (non-sales) contacts: closed days from `contact_days`, today from the interactions.
   */
  contactMix(actor: Actor, args: unknown) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, async (em) => {
      const today = `(now() at time zone 'UTC')::date`;
      // Closed days of the period not counted yet (normally only yesterday, once); see contact_days.
      await em.query(
        `insert into contact_days (workspace_id, day, member_id, relationship, total)
         select $1, d.day, i.member_id, count(*) filter (where i.purpose = 'RELATIONSHIP'), count(*)
           from (select g::date as day from generate_series(${today} - ($2::int - 1), ${today} - 1, interval '1 day') g
                  where not exists (select 1 from contact_days c where c.workspace_id = $1 and c.day = g::date)) d
           join interactions i on i.workspace_id = $1 and i.member_id is not null
            and i.occurred_at >= d.day::timestamp at time zone 'UTC'
            and i.occurred_at < (d.day + 1)::timestamp at time zone 'UTC'
          group by d.day, i.member_id
         on conflict do nothing`,
        [workspaceId, days],
      );
      const counts: { member_id: string; relationship: number; total: number }[] = await em.query(
        `select member_id, sum(relationship)::int as relationship, sum(total)::int as total
           from (select member_id, relationship, total from contact_days
                  where workspace_id = $1 and day > ${today} - $2::int and day < ${today}
                 union all
                 select member_id, count(*) filter (where purpose = 'RELATIONSHIP'), count(*)
                   from interactions
                  where workspace_id = $1 and member_id is not null
                    and occurred_at >= ${today}::timestamp at time zone 'UTC'
                  group by member_id) c
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
