import { type AuditFactor, consistency, type FactorRatings, factorMeans } from '@rapport/domain';
import type { EntityManager } from 'typeorm';

/** What submitted audits and open friction say about a touchpoint (the contract's Touchpoint fields). */
export type TouchpointScores = Record<AuditFactor, number | null> & {
  consistency: number | null;
  openFrictionCount: number;
};

/** Scores of many touchpoints of one workspace in two statements; one rating per submitted audit. */
export async function loadTouchpointScores(
  em: EntityManager,
  workspaceId: string,
  touchpointIds: readonly string[],
): Promise<Map<string, TouchpointScores>> {
  const ratings: (FactorRatings & { touchpoint_id: string })[] = await em.query(
    `select o.touchpoint_id, o.accuracy, o.availability, o.partnership, o.advice
       from observations o
       join audits a on a.workspace_id = o.workspace_id and a.id = o.audit_id and a.status = 'SUBMITTED'
      where o.workspace_id = $1 and o.touchpoint_id = any($2::uuid[])`,
    [workspaceId, touchpointIds],
  );
  const open: { touchpoint_id: string; count: number }[] = await em.query(
    `select touchpoint_id, count(*)::int as count from friction_points
      where workspace_id = $1 and touchpoint_id = any($2::uuid[]) and status <> 'RESOLVED'
      group by touchpoint_id`,
    [workspaceId, touchpointIds],
  );
  const openCount = new Map(open.map((r) => [r.touchpoint_id, r.count]));
  return new Map(
    touchpointIds.map((id) => {
      const own = ratings.filter((r) => r.touchpoint_id === id);
      return [
        id,
        { ...factorMeans(own), consistency: consistency(own), openFrictionCount: openCount.get(id) ?? 0 },
      ];
    }),
  );
}
