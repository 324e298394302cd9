import { useQuery } from '@apollo/client/react';
import { Badge, type BadgeTone, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import { describeError } from '~/app/errors';
import { formatDate } from '~/app/labels';
import { formatFeedbackScore } from '~/features/interactions/components/Timeline';
import type { FeedbackRequestStatus } from '~/gql/graphql';
import { CustomerFeedbackRequestsDocument } from '../graphql/feedback-requests.graphql';
import '../feedback-requests.css';

const STATUS: Record<FeedbackRequestStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Waiting', tone: 'info' },
  ANSWERED: { label: 'Answered', tone: 'success' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
};

/** The feedback requests sent to one customer, newest first, with their status. */
export function CustomerFeedbackRequests({ customerId }: { customerId: string }) {
  const { data, loading, error, refetch } = useQuery(CustomerFeedbackRequestsDocument, {
    variables: { customerId },
  });
  const requests = data?.feedbackRequests;
  if (!requests) {
    if (loading) return <LoadingState compact label="Loading feedback requests…" />;
    return (
      <ErrorState
        compact
        title="Could not load the feedback requests"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  }
  if (requests.length === 0) {
    return (
      <EmptyState compact icon="★" title="Not asked yet" description="Ask for feedback to hear it early." />
    );
  }
  return (
    <ul className="feedback-requests" aria-label="Feedback requests">
      {requests.map((request) => {
        const status = STATUS[request.status];
        return (
          <li key={request.id} className="feedback-requests__item">
            <div className="feedback-requests__head">
              <span className="feedback-requests__survey">{request.survey.name}</span>
              <Badge tone={status.tone}>{status.label}</Badge>
            </div>
            <p className="feedback-requests__meta">
              Sent {formatDate(request.createdAt)} ·{' '}
              {request.response
                ? `answered ${formatFeedbackScore(request.survey.type, request.response.score)}`
                : request.status === 'EXPIRED'
                  ? `expired ${formatDate(request.expiresAt)}`
                  : `valid until ${formatDate(request.expiresAt)}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
