import { useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, EmptyState } from '@rapport/ui';
import { useState } from 'react';
import { formatDate } from '~/app/labels';
import type { FeedbackSurveysQuery } from '~/gql/graphql';
import { SURVEY_TYPE_LABELS } from '../feedback-format';
import { FeedbackSurveysDocument } from '../graphql/feedback.graphql';
import { type CreatedSurvey, NewSurveyForm } from './NewSurveyForm';
import { SectionState } from './SectionState';
import { SurveyShareLink } from './SurveyShareLink';

type Survey = FeedbackSurveysQuery['surveys'][number];

function SurveyItem({ survey }: { survey: Survey }) {
  const type = SURVEY_TYPE_LABELS[survey.type];
  const titleId = `survey-${survey.id}`;
  return (
    <li className="fb-survey">
      <article aria-labelledby={titleId}>
        <div className="fb-survey__head">
          <h3 className="fb-survey__name" id={titleId}>
            {survey.name}
          </h3>
          <div className="fb-survey__badges">
            <Badge tone="brand">
              {type.label} <span className="fb-muted">{type.scale}</span>
            </Badge>
            <Badge tone={survey.anonymous ? 'info' : 'neutral'}>
              {survey.anonymous ? 'Anonymous' : 'Attributed'}
            </Badge>
          </div>
        </div>
        <p className="fb-survey__question">“{survey.question}”</p>
        <p className="fb-survey__meta">
          {survey.touchpoint ? `Touchpoint: ${survey.touchpoint.name}` : 'No touchpoint'} · Created{' '}
          {formatDate(survey.createdAt)}
        </p>
        {survey.anonymous &&
          (survey.publicUrl ? (
            <SurveyShareLink surveyName={survey.name} question={survey.question} url={survey.publicUrl} />
          ) : (
            <p className="fb-muted">The shared link is not available yet.</p>
          ))}
        {!survey.anonymous && (
          <p className="fb-muted">Ask a named customer from their page: each gets a single-use link.</p>
        )}
      </article>
    </li>
  );
}

/** The workspace's surveys, and the form that creates one. */
export function SurveysCard() {
  const { data, loading, error, refetch } = useQuery(FeedbackSurveysDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedSurvey | null>(null);
  const surveys = data?.surveys;

  return (
    <Card
      id="surveys"
      title="Surveys"
      description="What you ask, on which scale, and whether answers are attributed or anonymous"
      actions={
        !creating && (
          <Button
            size="sm"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
          >
            New survey
          </Button>
        )
      }
    >
      {creating && (
        <div className="fb-survey-form-wrap">
          <NewSurveyForm
            touchpoints={data?.touchpoints ?? []}
            onDone={(survey) => {
              setCreating(false);
              setCreated(survey);
            }}
          />
        </div>
      )}
      {created && (
        <Alert tone="success" onDismiss={() => setCreated(null)}>
          Survey “{created.name}” created.
          {created.anonymous ? ' Its shared link and QR code are below.' : ''}
        </Alert>
      )}
      <SectionState
        what="surveys"
        loading={loading}
        error={error}
        hasData={!!surveys}
        onRetry={() => void refetch()}
      >
        {surveys && surveys.length > 0 ? (
          <ul className="fb-surveys">
            {surveys.map((s) => (
              <SurveyItem key={s.id} survey={s} />
            ))}
          </ul>
        ) : (
          !creating && (
            <EmptyState
              compact
              title="No surveys yet"
              description="Start with one question: an NPS after a visit, or an anonymous CSAT at the counter."
              action={
                <Button size="sm" onClick={() => setCreating(true)}>
                  Create your first survey
                </Button>
              }
            />
          )
        )}
      </SectionState>
    </Card>
  );
}
