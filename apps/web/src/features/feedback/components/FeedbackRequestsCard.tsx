import { useQuery } from '@apollo/client/react';
import { Badge, Card, EmptyState } from '@rapport/ui';
import { Link } from 'react-router';
import { formatDate } from '~/app/labels';
import type { FeedbackRequestsQuery } from '~/gql/graphql';
import { REQUEST_STATUS_LABELS } from '../feedback-format';
import { FeedbackRequestsDocument } from '../graphql/feedback.graphql';
import { SectionState } from './SectionState';

type Request = FeedbackRequestsQuery['feedbackRequests'][number];

function RequestItem({ request }: { request: Request }) {
  const status = REQUEST_STATUS_LABELS[request.status];
  const { response } = request;
  return (
    <li className="fb-item">
      <div className="fb-item__main">
        <span className="fb-item__title">
          <Link to={`/customers/${request.customer.id}`}>{request.customer.name}</Link>
        </span>
        <span className="fb-item__meta">
          {request.survey.name} · Sent {formatDate(request.createdAt)}
          {request.status === 'PENDING' && ` · Expires ${formatDate(request.expiresAt)}`}
          {request.status === 'EXPIRED' && ` · Expired ${formatDate(request.expiresAt)}`}
        </span>
        {response && (
          <span className="fb-item__answer">
            Answered <strong>{response.score}</strong> on {formatDate(response.respondedAt)}
            {response.comment && <q className="fb-comment">{response.comment}</q>}
          </span>
        )}
      </div>
      <Badge tone={status.tone}>{status.label}</Badge>
    </li>
  );
}

/** Single-use requests sent to named customers, newest first, with their status and answer. */
export function FeedbackRequestsCard() {
  const { data, loading, error, refetch } = useQuery(FeedbackRequestsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const requests = data?.feedbackRequests;
  const counts = { PENDING: 0, ANSWERED: 0, EXPIRED: 0 };
  for (const r of requests ?? []) counts[r.status] += 1;
  return (
    <Card
      id="requests"
      title="Requests"
      description={
        requests
          ? `${counts.PENDING} pending, ${counts.ANSWERED} answered, ${counts.EXPIRED} expired`
          : 'Single-use links sent to named customers'
      }
      flush
    >
      <SectionState
        what="feedback requests"
        loading={loading}
        error={error}
        hasData={!!requests}
        onRetry={() => void refetch()}
      >
        {requests && requests.length > 0 ? (
          <ul className="fb-list" aria-label="Feedback requests">
            {requests.map((r) => (
              <RequestItem key={r.id} request={r} />
            ))}
          </ul>
        ) : (
          <EmptyState
            compact
            title="No requests yet"
            description="Ask a customer for feedback from their page, or right after logging an interaction."
          />
        )}
      </SectionState>
    </Card>
  );
}
