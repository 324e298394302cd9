import { useQuery } from '@apollo/client/react';
import { Card, EmptyState } from '@rapport/ui';
import { CartesianGrid, Line, LineChart, Tooltip, type TooltipContentProps, XAxis, YAxis } from 'recharts';
import type { HealthTrendQuery } from '~/gql/graphql';
import { HealthTrendDocument } from '../graphql/dashboard.graphql';
import { ChartFrame } from './ChartFrame';
import { CHART_COLORS, DASHBOARD_DAYS, formatDay } from './dashboard-format';
import { SectionState } from './SectionState';

export type HealthTrendPoint = HealthTrendQuery['healthTrend'][number];

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

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point = payload?.[0]?.payload as HealthTrendPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="dash-tooltip">
      <p className="dash-tooltip__title">{formatDay(point.day)}</p>
      <p>
        Average health <strong>{Math.round(point.averageScore)}</strong>
      </p>
      <ul className="dash-tooltip__bands">
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--healthy" aria-hidden="true" /> Healthy{' '}
          {point.healthy}
        </li>
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--watch" aria-hidden="true" /> Watch{' '}
          {point.watch}
        </li>
        <li>
          <span className="dash-legend__swatch dash-legend__swatch--at-risk" aria-hidden="true" /> At risk{' '}
          {point.atRisk}
        </li>
      </ul>
    </div>
  );
}

/** Average health per day; the tooltip adds that day's band counts. */
export function HealthTrendChart({ points }: { points: readonly HealthTrendPoint[] }) {
  return (
    <ChartFrame height={220} caption={describeHealthTrend(points)}>
      <LineChart
        data={[...points]}
        margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
        <XAxis
          dataKey="day"
          tickFormatter={formatDay}
          minTickGap={24}
          tickLine={false}
          axisLine={false}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickLine={false}
          axisLine={false}
          width={32}
          tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
        />
        <Tooltip content={TrendTooltip} />
        <Line
          type="monotone"
          dataKey="averageScore"
          name="Average health"
          stroke={CHART_COLORS.line}
          strokeWidth={2}
          dot={points.length === 1}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFrame>
  );
}

/** The health-trend card: the last 90 days of daily snapshots. */
export function HealthTrendCard() {
  const { data, loading, error, refetch } = useQuery(HealthTrendDocument, {
    variables: { days: DASHBOARD_DAYS },
    fetchPolicy: 'cache-and-network',
  });
  const points = data?.healthTrend;
  return (
    <Card
      title="Health trend"
      description={`Average health of active customers, last ${DASHBOARD_DAYS} days`}
      id="health-trend"
    >
      <SectionState
        what="the health trend"
        loading={loading}
        error={error}
        hasData={!!points}
        onRetry={() => void refetch()}
      >
        {points && points.length > 0 ? (
          <HealthTrendChart points={points} />
        ) : (
          <EmptyState
            compact
            title="No history yet"
            description="The trend fills in day by day, from each night's health snapshot."
          />
        )}
      </SectionState>
    </Card>
  );
}
