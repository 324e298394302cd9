import { useQuery } from '@apollo/client/react';
import { Card, EmptyState } from '@rapport/ui';
import { useMemo } from 'react';
import { ChartFrame, lazyDrawing } from '~/features/dashboard/components/ChartFrame';
import {
  FEEDBACK_MONTHS,
  formatMetric,
  GUARD_MESSAGE,
  isGuarded,
  lastMonths,
  METRICS,
  type Metric,
  monthVariables,
  plural,
  type Summary,
} from '../feedback-format';
import { FeedbackScoresOverTimeDocument } from '../graphql/feedback.graphql';
import { GuardNote } from './GuardNote';
import { SectionState } from './SectionState';

const MetricBars = lazyDrawing(() => import('./drawings').then((m) => m.MetricBars));

export interface MonthSummary extends Summary {
  label: string;
}

/** One month of one metric, in words: "+20 (12 answers)", hidden by the guard, or no answers. */
function describeMonth(metric: Metric, month: MonthSummary): string {
  if (isGuarded(month))
    return `${month.label}: hidden, ${GUARD_MESSAGE} (${plural(month.responses, 'answer')})`;
  const value = month[metric];
  if (value == null) return `${month.label}: no ${metric.toUpperCase()} answers`;
  return `${month.label}: ${formatMetric(metric, value)}`;
}

/** The text alternative of one metric's chart: every month, with the guard spelled out. */
export function describeMetric(metric: Metric, months: readonly MonthSummary[]): string {
  const title = METRICS.find((m) => m.key === metric)?.title ?? metric;
  return `${title} by month. ${months.map((m) => describeMonth(metric, m)).join('; ')}.`;
}

function MetricChart({ metric, months }: { metric: Metric; months: readonly MonthSummary[] }) {
  const info = METRICS.find((m) => m.key === metric);
  const hasValues = months.some((m) => m[metric] != null);
  const data = months.map((m) => ({ label: m.label, value: m[metric] ?? null }));
  return (
    <div className="fb-metric">
      <h3 className="fb-metric__title">
        {info?.title} <span className="fb-muted">{info?.description}</span>
      </h3>
      {hasValues ? (
        <ChartFrame height={180} caption={describeMetric(metric, months)}>
          <MetricBars metric={metric} data={data} name={info?.title} />
        </ChartFrame>
      ) : (
        <p className="fb-muted fb-metric__none">{describeMetric(metric, months)}</p>
      )}
    </div>
  );
}

/** NPS, CSAT and CES per month over the last six months, one summary per month. */
export function ScoresOverTime({ months }: { months: readonly MonthSummary[] }) {
  const guarded = months.filter(isGuarded);
  return (
    <>
      {guarded.length > 0 && (
        <ul className="fb-guarded" aria-label="Months hidden by the anonymity guard">
          {guarded.map((m) => (
            <li key={m.label}>
              <strong>{m.label}</strong> ({plural(m.responses, 'answer')}): {GUARD_MESSAGE}.
            </li>
          ))}
        </ul>
      )}
      <div className="fb-metrics">
        {METRICS.map((m) => (
          <MetricChart key={m.key} metric={m.key} months={months} />
        ))}
      </div>
    </>
  );
}

export function ScoresOverTimeCard({ now }: { now?: Date }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the months are fixed for the page's life
  const months = useMemo(() => lastMonths(now ?? new Date()), []);
  const { data, loading, error, refetch } = useQuery(FeedbackScoresOverTimeDocument, {
    variables: monthVariables(months),
    fetchPolicy: 'cache-and-network',
  });
  const summaries: MonthSummary[] | undefined = data
    ? [data.m0, data.m1, data.m2, data.m3, data.m4, data.m5].map((s, i) => ({
        ...s,
        label: months[i]?.label ?? '',
      }))
    : undefined;
  const total = summaries?.reduce((sum, m) => sum + m.responses, 0) ?? 0;
  return (
    <Card
      id="scores"
      title="Scores over time"
      description={`NPS, CSAT and CES per month, last ${FEEDBACK_MONTHS} months, all surveys`}
      className="fb-wide"
    >
      <GuardNote />
      <SectionState
        what="scores over time"
        loading={loading}
        error={error}
        hasData={!!summaries}
        onRetry={() => void refetch()}
      >
        {summaries && total > 0 ? (
          <ScoresOverTime months={summaries} />
        ) : (
          <EmptyState
            compact
            title="No answers yet"
            description={`Nothing answered in the last ${FEEDBACK_MONTHS} months. Share a survey's link or ask a customer from their page.`}
          />
        )}
      </SectionState>
    </Card>
  );
}
