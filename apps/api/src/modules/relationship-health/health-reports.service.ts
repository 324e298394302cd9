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

  /** Per day of the last `days` (UTC), the mean score and customers per band of that day's snapshots. */
  trend(actor: Actor, args: unknown) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, (em) =>
      em.query(
        `select to_char(s.day, 'YYYY-MM-DD') as day, avg(s.score)::float8 as "averageScore",
                count(*) filter (where s.band = 'HEALTHY')::int as healthy,
                count(*) filter (where s.band = 'WATCH')::int as watch,
                count(*) filter (where s.band = 'AT_RISK')::int as "atRisk"
           from health_snapshots s
           join customers c on c.workspace_id = s.workspace_id and c.id = s.customer_id and c.status = 'ACTIVE'
          where s.workspace_id = $1 and s.day > (now() at time zone 'UTC')::date - $2::int
          group by s.day order by s.day`,
        [workspaceId, days],
      ),
    );
  }

  /** Each member's contacts over the last `days`, and how many were relationship (non-sales) contacts. */
  contactMix(actor: Actor, args: unknown) {
    const { days } = parseInput(reportPeriodSchema, args);
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, async (em) => {
      const counts: { member_id: string; relationship: number; total: number }[] = await em.query(
        `select member_id, count(*) filter (where purpose = 'RELATIONSHIP')::int as relationship,
                count(*)::int as total
           from interactions
          where workspace_id = $1 and member_id is not null and occurred_at > now() - $2::int * interval '1 day'
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
