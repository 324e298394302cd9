import { useQuery } from '@apollo/client/react';
import { ANONYMITY_THRESHOLD, commentsVisible } from '@rapport/domain';
import { Badge, Card, EmptyState } from '@rapport/ui';
import { Link } from 'react-router';
import { formatDate } from '~/app/labels';
import type { FeedbackResponsesQuery } from '~/gql/graphql';
import { SURVEY_TYPE_LABELS } from '../feedback-format';
import { FeedbackResponsesDocument } from '../graphql/feedback.graphql';
import { SectionState } from './SectionState';

type Response = FeedbackResponsesQuery['feedbackResponses'][number];

/** The API sends at most this many answers. */
const RESPONSES_LIMIT = 100;

export const HIDDEN_COMMENT_MESSAGE = `Comment hidden until this anonymous survey has ${ANONYMITY_THRESHOLD} answers, to protect who said what.`;

/**
 * Surveys whose anonymous comments the API is still holding back: anonymous surveys with fewer than
 * 5 answers in the list (when the list is complete, i.e. shorter than the API's limit).
 */
export function surveysWithHiddenComments(responses: readonly Response[]): Set<string> {
  const counts = new Map<string, number>();
  for (const r of responses)
    if (r.survey.anonymous) counts.set(r.survey.id, (counts.get(r.survey.id) ?? 0) + 1);
  const hidden = new Set<string>();
  if (responses.length >= RESPONSES_LIMIT) return hidden;
  for (const [id, count] of counts) if (!commentsVisible(count)) hidden.add(id);
  return hidden;
}

function AnswerItem({ response, commentHidden }: { response: Response; commentHidden: boolean }) {
  const range = SURVEY_TYPE_LABELS[response.survey.type].scale;
  return (
    <li className="fb-item">
      <div className="fb-item__main">
        <span className="fb-item__title">
          {response.customer ? (
            <Link to={`/customers/${response.customer.id}`}>{response.customer.name}</Link>
          ) : (
            'Anonymous'
          )}
        </span>
        <span className="fb-item__meta">
          {response.survey.name} · {formatDate(response.respondedAt)}
        </span>
        {response.comment ? (
          <q className="fb-comment">{response.comment}</q>
        ) : (
          commentHidden && <span className="fb-guarded-text">{HIDDEN_COMMENT_MESSAGE}</span>
        )}
      </div>
      <Badge tone="brand" className="fb-score">
        <span className="rp-visually-hidden">Score </span>
        {response.score} <span className="fb-muted">on {range}</span>
      </Badge>
    </li>
  );
}

/** The newest answers with their comments; anonymous comments only once a survey has 5 answers. */
export function RecentAnswersCard() {
  const { data, loading, error, refetch } = useQuery(FeedbackResponsesDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const responses = data?.feedbackResponses;
  const hidden = responses ? surveysWithHiddenComments(responses) : new Set<string>();
  return (
    <Card id="answers" title="Recent answers" description="Newest first, with comments" flush>
      <SectionState
        what="answers"
        loading={loading}
        error={error}
        hasData={!!responses}
        onRetry={() => void refetch()}
      >
        {responses && responses.length > 0 ? (
          <>
            <p className="fb-list-note">
              Comments on anonymous surveys appear once the survey has {ANONYMITY_THRESHOLD} answers.
            </p>
            <ul className="fb-list" aria-label="Recent answers">
              {responses.map((r) => (
                <AnswerItem key={r.id} response={r} commentHidden={hidden.has(r.survey.id)} />
              ))}
            </ul>
          </>
        ) : (
          <EmptyState
            compact
            title="No answers yet"
            description="Answers appear here as soon as customers reply."
          />
        )}
      </SectionState>
    </Card>
  );
}
