import { useMutation, useQuery } from '@apollo/client/react';
import { DEFAULT_FEEDBACK_EXPIRY_DAYS, requestFeedbackSchema, validate } from '@rapport/domain';
import {
  Alert,
  Button,
  buttonClassName,
  CopyField,
  EmptyState,
  ErrorState,
  FormError,
  LoadingState,
  SelectField,
  TextField,
} from '@rapport/ui';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { describeError } from '~/app/errors';
import { formatDate } from '~/app/labels';
import { useMember } from '~/app/session';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import type { CustomerFeedbackRequestFieldsFragment } from '~/gql/graphql';
import {
  AskForFeedbackDocument,
  AskForFeedbackSurveysDocument,
  CustomerFeedbackRequestsDocument,
} from '../graphql/feedback-requests.graphql';
import { feedbackMailto } from './feedback-email';
import '../feedback-requests.css';

export interface AskForFeedbackProps {
  customer: { id: string; name: string; email: string | null };
  /** The interaction the answer is about (right after logging one). */
  interactionId?: string | null;
  onClose: () => void;
}

/** Creates a single-use feedback link for one customer, to copy or send by email. */
export function AskForFeedback({ customer, interactionId = null, onClose }: AskForFeedbackProps) {
  const member = useMember();
  const surveys = useQuery(AskForFeedbackSurveysDocument);
  const [values, setValues] = useState({ surveyId: '', expiresInDays: String(DEFAULT_FEEDBACK_EXPIRY_DAYS) });
  const [sent, setSent] = useState<CustomerFeedbackRequestFieldsFragment | null>(null);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearErrors, clearField } =
    useFormErrors(onlyFields('surveyId', 'expiresInDays'));
  const [askForFeedback, { loading }] = useMutation(AskForFeedbackDocument, {
    refetchQueries: [{ query: CustomerFeedbackRequestsDocument, variables: { customerId: customer.id } }],
  });
  const idempotency = useIdempotencyKey();

  const attributed = (surveys.data?.surveys ?? []).filter((s) => !s.anonymous);
  const sentRef = useRef<HTMLDivElement>(null);
  const ready = attributed.length > 0;
  // Opening the panel takes focus to its first field; a created link takes it to the link.
  useEffect(() => {
    if (ready) formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, [ready, formRef]);
  useEffect(() => {
    if (sent) sentRef.current?.querySelector<HTMLElement>('input')?.focus();
  }, [sent]);
  const surveyId = values.surveyId || attributed[0]?.id || '';
  const survey = attributed.find((s) => s.id === surveyId);

  if (!surveys.data) {
    if (surveys.loading) return <LoadingState compact label="Loading surveys…" />;
    return (
      <ErrorState
        compact
        title="Could not load the surveys"
        message={surveys.error ? describeError(surveys.error).message : undefined}
        onRetry={() => void surveys.refetch()}
      />
    );
  }
  if (attributed.length === 0) {
    return (
      <EmptyState
        compact
        icon="★"
        title="No survey to send yet"
        description="Create a survey that is not anonymous on the Feedback page, then ask from here."
        action={
          <Button variant="secondary" size="sm" onClick={onClose}>
            Close
          </Button>
        }
      />
    );
  }

  if (sent) {
    const mailto = feedbackMailto({
      to: customer.email,
      customerName: customer.name,
      businessName: member.workspace.name,
      senderName: member.name,
      question: survey?.question ?? '',
      url: sent.url,
    });
    return (
      <div className="form-stack ask-feedback" ref={sentRef}>
        <Alert tone="success">
          Link ready for {customer.name}: {sent.survey.name}, valid until {formatDate(sent.expiresAt)}. It can
          be answered once.
        </Alert>
        <CopyField label="Feedback link" value={sent.url} />
        <div className="form-actions ask-feedback__actions">
          <a className={buttonClassName()} href={mailto}>
            Email it{customer.email ? ` to ${customer.email}` : ''}
          </a>
          <Button variant="secondary" onClick={onClose}>
            Done
          </Button>
        </div>
      </div>
    );
  }

  const set = (field: 'surveyId' | 'expiresInDays') => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const days = values.expiresInDays.trim();
    const checked = validate(requestFeedbackSchema, {
      surveyId,
      customerId: customer.id,
      interactionId,
      expiresInDays: days === '' ? Number.NaN : Number(days),
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const { data } = await askForFeedback({ variables: { input: idempotency.withKey(checked.value) } });
      if (data) {
        idempotency.reset();
        clearErrors();
        setSent(data.requestFeedback);
      }
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack ask-feedback"
      aria-label="Ask for feedback"
    >
      <FormError message={formError} />
      {interactionId && <p className="muted">About the interaction you just logged.</p>}
      <div className="form-grid">
        <SelectField
          label="Survey"
          name="surveyId"
          options={attributed.map((s) => ({ value: s.id, label: `${s.name} (${s.type})` }))}
          hint={survey ? `“${survey.question}”` : undefined}
          value={surveyId}
          onChange={set('surveyId')}
          error={fieldErrors.surveyId}
        />
        <TextField
          label="Link valid for (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={values.expiresInDays}
          onChange={set('expiresInDays')}
          error={fieldErrors.expiresInDays}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" loading={loading}>
          Create link
        </Button>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
