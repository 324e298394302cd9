import { useQuery } from '@apollo/client/react';
import { Button, Card, EmptyState, Spinner } from '@rapport/ui';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { describeError } from '~/app/errors';
import {
  FEEDBACK_MONTHS,
  formatMetric,
  GUARD_MESSAGE,
  isGuarded,
  lastMonths,
  METRICS,
  plural,
} from '../feedback-format';
import { FeedbackTouchpointsDocument, TouchpointFeedbackSummaryDocument } from '../graphql/feedback.graphql';
import { SectionState } from './SectionState';

interface Period {
  from: string;
  to: string;
}

/** One touchpoint's answers and scores over the period; its own query, its own states. */
export function TouchpointRow({
  touchpoint,
  period,
}: {
  touchpoint: { id: string; name: string };
  period: Period;
}) {
  const { data, loading, error, refetch } = useQuery(TouchpointFeedbackSummaryDocument, {
    variables: { touchpointId: touchpoint.id, from: period.from, to: period.to },
    fetchPolicy: 'cache-and-network',
  });
  const summary = data?.feedbackSummary;
  let body: ReactNode;
  if (summary) {
    if (summary.responses === 0) body = <p className="fb-muted">No answers yet.</p>;
    else if (isGuarded(summary))
      body = (
        <p className="fb-guarded-text">
          {plural(summary.responses, 'answer')}: scores {GUARD_MESSAGE}.
        </p>
      );
    else
      body = (
        <dl className="fb-scores">
          <div>
            <dt>Answers</dt>
            <dd>{summary.responses}</dd>
          </div>
          {METRICS.map((m) => (
            <div key={m.key}>
              <dt>{m.title}</dt>
              <dd>{formatMetric(m.key, summary[m.key])}</dd>
            </div>
          ))}
        </dl>
      );
  } else if (error) {
    body = (
      <p className="fb-row-error" role="alert">
        Could not load: {describeError(error).message}{' '}
        <Button variant="ghost" size="sm" onClick={() => void refetch()}>
          Try again
        </Button>
      </p>
    );
  } else if (loading) {
    body = (
      <p className="fb-muted" role="status">
        <Spinner /> Loading…
      </p>
    );
  }
  return (
    <li className="fb-tp-row">
      <h3 className="fb-tp-row__name">{touchpoint.name}</h3>
      <div className="fb-tp-row__body">{body}</div>
    </li>
  );
}

/** Per touchpoint: answers to surveys bound to it and their scores, honouring the anonymity guard. */
export function TouchpointBreakdownCard({ now }: { now?: Date }) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the period is fixed for the page's life
  const period = useMemo(() => {
    const months = lastMonths(now ?? new Date());
    return { from: months[0]?.from ?? '', to: months[months.length - 1]?.to ?? '' };
  }, []);
  const { data, loading, error, refetch } = useQuery(FeedbackTouchpointsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const touchpoints = data?.touchpoints;
  return (
    <Card
      id="touchpoints"
      title="Per touchpoint"
      description={`Answers to surveys bound to each touchpoint, last ${FEEDBACK_MONTHS} months`}
    >
      <SectionState
        what="touchpoints"
        loading={loading}
        error={error}
        hasData={!!touchpoints}
        onRetry={() => void refetch()}
      >
        {touchpoints && touchpoints.length > 0 ? (
          <>
            <p className="fb-muted fb-small">
              A touchpoint with 1–4 anonymous answers shows how many, not the score: {GUARD_MESSAGE}.
            </p>
            <ul className="fb-tp-list">
              {touchpoints.map((t) => (
                <TouchpointRow key={t.id} touchpoint={t} period={period} />
              ))}
            </ul>
          </>
        ) : (
          <EmptyState
            compact
            title="No touchpoints yet"
            description={
              <>
                <Link to="/touchpoints">Map your touchpoints</Link>, then bind surveys to them.
              </>
            }
          />
        )}
      </SectionState>
    </Card>
  );
}
