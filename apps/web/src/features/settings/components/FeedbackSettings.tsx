import { useMutation, useQuery } from '@apollo/client/react';
import {
  type FeedbackTrigger,
  feedbackAutoRequestSchema,
  updateWorkspaceSchema,
  validate,
} from '@rapport/domain';
import {
  Alert,
  Button,
  Card,
  ErrorState,
  FormError,
  LoadingState,
  SelectField,
  TextField,
} from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '~/app/errors';
import { pluralize } from '~/app/labels';
import { useIsOwner } from '~/app/session';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import type { FeedbackSettingsQuery } from '~/gql/graphql';
import {
  FeedbackSettingsDocument,
  SetFeedbackAutoRequestDocument,
  UpdateFeedbackCapDocument,
} from '../graphql/settings.graphql';

type Settings = FeedbackSettingsQuery;

const TRIGGER_LABELS: Record<FeedbackTrigger, string> = {
  FIRST_INTERACTION: "After a customer's first interaction",
  TOUCHPOINT: 'After an interaction at a touchpoint',
};

const DESCRIPTION = 'Ask early, but not too often.';

/** The workspace's ask-early rules: the waiting period between requests, and the automatic request. */
export function FeedbackSettings() {
  const { data, loading, error, refetch } = useQuery(FeedbackSettingsDocument);
  const isOwner = useIsOwner();
  const workspace = data?.me?.workspace;

  if (!data || !workspace) {
    return (
      <Card title="Feedback" description={DESCRIPTION}>
        {loading ? (
          <LoadingState compact label="Loading feedback settings…" />
        ) : (
          <ErrorState
            compact
            title="Could not load the feedback settings"
            message={error ? describeError(error).message : undefined}
            onRetry={() => void refetch()}
          />
        )}
      </Card>
    );
  }

  if (!isOwner) {
    return (
      <Card title="Feedback" description="Only owners can change these.">
        <dl className="details-list">
          <div>
            <dt>Waiting period</dt>
            <dd>{describeCap(workspace.feedbackCapDays)}</dd>
          </div>
          <div>
            <dt>Automatic request</dt>
            <dd>{describeRule(workspace)}</dd>
          </div>
        </dl>
      </Card>
    );
  }

  return (
    <Card title="Feedback" description={DESCRIPTION}>
      <div className="form-stack">
        <WaitingPeriodForm capDays={workspace.feedbackCapDays} />
        <AutoRequestForm settings={data} />
      </div>
    </Card>
  );
}

function describeCap(days: number): string {
  return days === 0
    ? 'None: a customer can be asked at any time'
    : `At most once every ${pluralize(days, 'day')}`;
}

function describeRule(workspace: NonNullable<Settings['me']>['workspace']): string {
  const {
    autoFeedbackSurvey: survey,
    autoFeedbackTrigger: trigger,
    autoFeedbackTouchpoint: touchpoint,
  } = workspace;
  if (!survey || !trigger) return 'Off';
  return trigger === 'TOUCHPOINT'
    ? `“${survey.name}” after an interaction at ${touchpoint?.name ?? 'a touchpoint'}`
    : `“${survey.name}” after a customer's first interaction`;
}

function WaitingPeriodForm({ capDays }: { capDays: number }) {
  const [value, setValue] = useState(String(capDays));
  const [saved, setSaved] = useState(false);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearErrors, clearField } =
    useFormErrors(onlyFields('feedbackCapDays'));
  const [updateCap, { loading }] = useMutation(UpdateFeedbackCapDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const days = value.trim();
    const checked = validate(updateWorkspaceSchema, {
      feedbackCapDays: days === '' ? Number.NaN : Number(days),
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await updateCap({ variables: { feedbackCapDays: checked.value.feedbackCapDays ?? 0 } });
      clearErrors();
      setSaved(true);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack"
      aria-label="Waiting period"
    >
      <FormError message={formError} />
      {saved && <Alert tone="success">Waiting period saved.</Alert>}
      <TextField
        label="Waiting period between requests (days)"
        name="feedbackCapDays"
        type="number"
        inputMode="numeric"
        min={0}
        max={365}
        hint="A customer is asked for feedback at most once in this many days, by hand or automatically. 0: no waiting period."
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          setSaved(false);
          clearField('feedbackCapDays');
        }}
        error={fieldErrors.feedbackCapDays}
      />
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={loading}>
          Save waiting period
        </Button>
      </div>
    </form>
  );
}

function AutoRequestForm({ settings }: { settings: Settings }) {
  const workspace = settings.me?.workspace;
  const [values, setValues] = useState({
    surveyId: workspace?.autoFeedbackSurvey?.id ?? '',
    trigger: (workspace?.autoFeedbackTrigger ?? 'FIRST_INTERACTION') as FeedbackTrigger,
    touchpointId: workspace?.autoFeedbackTouchpoint?.id ?? '',
  });
  const [saved, setSaved] = useState<string | null>(null);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearErrors, clearField } =
    useFormErrors(onlyFields('surveyId', 'trigger', 'touchpointId'));
  const [setRule, { loading }] = useMutation(SetFeedbackAutoRequestDocument);
  const surveys = settings.surveys.filter((s) => !s.anonymous || s.id === values.surveyId);

  const set = (field: keyof typeof values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setSaved(null);
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const checked = validate(feedbackAutoRequestSchema, {
      surveyId: values.surveyId || null,
      trigger: values.surveyId ? values.trigger : null,
      touchpointId: values.touchpointId || null,
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await setRule({ variables: checked.value });
      clearErrors();
      setSaved(checked.value.surveyId ? 'Automatic request saved.' : 'Automatic request switched off.');
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack"
      aria-label="Automatic request"
    >
      <FormError message={formError} />
      {saved && <Alert tone="success">{saved}</Alert>}
      <div className="form-grid">
        <SelectField
          label="Ask automatically with"
          name="surveyId"
          hint="A feedback link is created by itself, within the waiting period's limit; find it on the customer's page."
          options={[{ value: '', label: 'Off' }, ...surveys.map((s) => ({ value: s.id, label: s.name }))]}
          value={values.surveyId}
          onChange={set('surveyId')}
          error={fieldErrors.surveyId}
        />
        {values.surveyId && (
          <SelectField
            label="When"
            name="trigger"
            options={(Object.keys(TRIGGER_LABELS) as FeedbackTrigger[]).map((t) => ({
              value: t,
              label: TRIGGER_LABELS[t],
            }))}
            value={values.trigger}
            onChange={set('trigger')}
            error={fieldErrors.trigger}
          />
        )}
        {values.surveyId && values.trigger === 'TOUCHPOINT' && (
          <SelectField
            label="Touchpoint"
            name="touchpointId"
            options={[
              { value: '', label: 'Choose a touchpoint' },
              ...settings.touchpoints.map((t) => ({ value: t.id, label: t.name })),
            ]}
            value={values.touchpointId}
            onChange={set('touchpointId')}
            error={fieldErrors.touchpointId}
          />
        )}
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary" loading={loading}>
          Save automatic request
        </Button>
      </div>
    </form>
  );
}
