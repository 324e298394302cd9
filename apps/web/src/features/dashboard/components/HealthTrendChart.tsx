import { Card, EmptyState } from '@rapport/ui';
import type { DashboardQuery } from '~/gql/graphql';
import { ChartFrame, lazyDrawing } from './ChartFrame';
import { DASHBOARD_DAYS, formatDay } from './dashboard-format';

export type HealthTrendPoint = DashboardQuery['healthTrend'][number];

const HealthTrendLine = lazyDrawing(() => import('./drawings').then((m) => m.HealthTrendLine));

function bandCounts(point: HealthTrendPoint): string {
  return `${point.healthy} healthy, ${point.watch} watch, ${point.atRisk} at risk`;
}

/** The trend in words: where it started and ended, its range, and the latest band counts. */
export function describeHealthTrend(points: readonly HealthTrendPoint[]): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return 'No health history yet.';
  const end = Math.round(last.averageScore);
  if (points.length === 1) {
    return `Average health ${end} on ${formatDay(last.day)}: ${bandCounts(last)}.`;
  }
  const start = Math.round(first.averageScore);
  const change = end - start;
  const direction =
    change === 0
      ? 'unchanged'
      : `${change > 0 ? 'up' : 'down'} ${Math.abs(change)} ${Math.abs(change) === 1 ? 'point' : 'points'}`;
  const scores = points.map((p) => Math.round(p.averageScore));
  return (
    `Average health went from ${start} on ${formatDay(first.day)} to ${end} on ${formatDay(last.day)} ` +
    `(${direction}; lowest ${Math.min(...scores)}, highest ${Math.max(...scores)}). ` +
    `On ${formatDay(last.day)}: ${bandCounts(last)}.`
  );
}

/** Average health per day; the tooltip adds that day's band counts. */
export function HealthTrendChart({ points }: { points: readonly HealthTrendPoint[] }) {
  return (
    <ChartFrame height={220} caption={describeHealthTrend(points)}>
      <HealthTrendLine points={points} />
    </ChartFrame>
  );
}

/** The health-trend card: the last 90 days of daily snapshots. */
export function HealthTrendCard({ points }: { points: readonly HealthTrendPoint[] }) {
  return (
    <Card
      title="Health trend"
      description={`Average health of active customers, last ${DASHBOARD_DAYS} days`}
      id="health-trend"
    >
      {points.length > 0 ? (
        <HealthTrendChart points={points} />
      ) : (
        <EmptyState
          compact
          title="No history yet"
          description="The trend fills in day by day, from each night's health snapshot."
        />
      )}
    </Card>
  );
}
