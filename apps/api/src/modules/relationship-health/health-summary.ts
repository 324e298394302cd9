import type { EntityManager } from 'typeorm';

/** The workspace's active customers by band, their mean score and overdue check-ins, as of today (UTC). */
export interface HealthSummary {
  /** Today, YYYY-MM-DD (UTC, the database's clock): the trend's last point is this summary. */
  day: string;
  healthy: number;
  watch: number;
  atRisk: number;
  averageScore: number | null;
  checkInsOverdue: number;
}

/**
 * One pass over the workspace's active customers (index-only: band, score and due date are in
 * customers_by_band). The health summary and the trend's today point are both this, so a request
 * asking for both (the dashboard) reads it once, through the per-request loader.
 */
export async function loadHealthSummary(em: EntityManager, workspaceId: string): Promise<HealthSummary> {
  const [row] = await em.query(
    `select to_char((now() at time zone 'UTC')::date, 'YYYY-MM-DD') as day,
            count(*) filter (where health_band = 'HEALTHY')::int as healthy,
            count(*) filter (where health_band = 'WATCH')::int as watch,
            count(*) filter (where health_band = 'AT_RISK')::int as "atRisk",
            avg(health_score)::float8 as "averageScore",
            count(*) filter (where next_check_in_due_at < now())::int as "checkInsOverdue"
       from customers where workspace_id = $1 and status = 'ACTIVE'`,
    [workspaceId],
  );
  return row;
}
