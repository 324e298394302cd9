import type { EntityManager } from 'typeorm';
import { SUMMARY_FROM_COUNTS } from '../customers/customer-counts';

/** The workspace's active customers by band, their mean score and overdue check-ins, as of today (UTC). */
export interface HealthSummary {
  /** Today, YYYY-MM-DD (UTC, the database's clock): the trend's last point is this summary. */
  day: string;
  /** Every active customer, with a band or not yet. */
  activeCustomers: number;
  healthy: number;
  watch: number;
  atRisk: number;
  averageScore: number | null;
  checkInsOverdue: number;
}

/**
 * From the customer counts (a few thousand rows, not every customer). The health summary and the
 * trend's today point are both this, so a request asking for both (the dashboard) reads it once,
 * through the per-request loader.
 */
export async function loadHealthSummary(em: EntityManager, workspaceId: string): Promise<HealthSummary> {
  const [row] = await em.query(SUMMARY_FROM_COUNTS, [workspaceId]);
  return row;
}
