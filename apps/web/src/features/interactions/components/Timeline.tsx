import { useQuery } from '@apollo/client/react';
import { isLowScore, SCORE_RANGES } from '@rapport/domain';
import { Badge, Button, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import { useState } from 'react';
import { describeError } from '~/app/errors';
import {
  CHANNEL_LABELS,
  formatDateTime,
  formatSentiment,
  PURPOSE_LABELS,
  SENTIMENT_LABELS,
} from '~/app/labels';
import type { CustomerTimelineQuery } from '~/gql/graphql';
import { CustomerTimelineDocument } from '../graphql/interactions.graphql';

export const TIMELINE_PAGE_SIZE = 20;

type Entry = NonNullable<CustomerTimelineQuery['customer']>['timeline']['edges'][number]['node'];

const FRICTION_STATUS_LABELS = { OPEN: 'open', IN_PROGRESS: 'being fixed', RESOLVED: 'resolved' } as const;

/** "NPS 3/10": the survey type and the score out of its maximum. */
export function formatFeedbackScore(type: keyof typeof SCORE_RANGES, score: number): string {
  return `${type} ${score}/${SCORE_RANGES[type].max}`;
}

function TimelineItem({ entry }: { entry: Entry }) {
  if (entry.__typename === 'FeedbackResponse') {
    const low = isLowScore(entry.survey.type, entry.score);
    return (
      <li className="timeline__item timeline__item--feedback">
        <div className="timeline__head">
          <Badge tone={low ? 'danger' : 'success'}>Feedback</Badge>
          <time dateTime={entry.respondedAt}>{formatDateTime(entry.respondedAt)}</time>
        </div>
        <p className="timeline__summary">
          {formatFeedbackScore(entry.survey.type, entry.score)}
          {entry.comment ? ` — “${entry.comment}”` : ''}
        </p>
        <p className="timeline__meta">
          {entry.survey.name}
          {low ? ' · a low answer: a follow-up was raised' : ''}
        </p>
      </li>
    );
  }
  if (entry.__typename === 'FrictionPoint') {
    return (
      <li className="timeline__item timeline__item--friction">
        <div className="timeline__head">
          <Badge tone="danger">
            {entry.frictionSource === 'FEEDBACK' ? 'Follow-up on feedback' : 'Friction'},{' '}
            {FRICTION_STATUS_LABELS[entry.frictionStatus]}
          </Badge>
          <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        </div>
        <p className="timeline__summary">{entry.description}</p>
        <p className="timeline__meta">
          Severity {entry.severity} of 3{entry.touchpoint ? ` · at ${entry.touchpoint.name}` : ''}
        </p>
      </li>
    );
  }
  if (entry.__typename === 'CheckIn') {
    return (
      <li className="timeline__item timeline__item--check-in">
        <div className="timeline__head">
          <Badge tone="warning">
            Check-in {entry.status === 'SKIPPED' ? 'skipped' : entry.status.toLowerCase()}
          </Badge>
          <time dateTime={entry.closedAt ?? entry.dueAt}>
            {formatDateTime(entry.closedAt ?? entry.dueAt)}
          </time>
        </div>
        {entry.skipReason && <p className="timeline__summary">Reason: {entry.skipReason}</p>}
        <p className="timeline__meta">
          {entry.assignee ? `Assigned to ${entry.assignee.name}` : 'Unassigned'}
        </p>
      </li>
    );
  }
  const relationship = entry.purpose === 'RELATIONSHIP';
  return (
    <li className="timeline__item">
      <div className="timeline__head">
        <Badge tone={relationship ? 'brand' : 'neutral'}>{PURPOSE_LABELS[entry.purpose]}</Badge>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
      </div>
      <p className="timeline__summary">{entry.summary}</p>
      {entry.frictionNote && <p className="timeline__friction">Friction: {entry.frictionNote}</p>}
      <p className="timeline__meta">
        {entry.touchpoint ? entry.touchpoint.name : CHANNEL_LABELS[entry.channel]} ·{' '}
        {entry.direction === 'INBOUND' ? 'inbound' : 'outbound'} · sentiment{' '}
        {formatSentiment(entry.sentiment)} ({SENTIMENT_LABELS[String(entry.sentiment)]?.toLowerCase()}) ·
        logged by {entry.member?.name ?? 'a former member'}
      </p>
    </li>
  );
}

/** A customer's history, newest first, a page at a time. */
export function Timeline({ customerId }: { customerId: string }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(CustomerTimelineDocument, {
    variables: { id: customerId, first: TIMELINE_PAGE_SIZE },
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const timeline = data?.customer?.timeline;

  if (!timeline) {
    if (loading) return <LoadingState label="Loading history…" />;
    return (
      <ErrorState
        title="Could not load the history"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  }
  if (timeline.edges.length === 0) {
    return (
      <EmptyState
        compact
        icon="☏"
        title="Nothing logged yet"
        description="Log a call, a visit or a quick hello: it shows up here and feeds their health."
      />
    );
  }

  const loadMore = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: timeline.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <ol className="timeline" aria-label="History">
        {timeline.edges.map(({ cursor, node }) => (
          <TimelineItem key={cursor} entry={node} />
        ))}
      </ol>
      <div className="list-footer">
        <span>
          Showing {timeline.edges.length} of {timeline.totalCount}
        </span>
        {timeline.pageInfo.hasNextPage && (
          <Button variant="secondary" loading={loadingMore} onClick={() => void loadMore()}>
            Load more
          </Button>
        )}
      </div>
    </>
  );
}
