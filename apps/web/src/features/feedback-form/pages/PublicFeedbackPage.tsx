import { isLowScore } from '@rapport/domain/feedback-scores';
import { Button, ErrorState, FormError, LoadingState, TextAreaField } from '@rapport/ui';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Logo } from '~/app/icons';
import { useDocumentTitle } from '~/app/use-document-title';
import { onlyFields, useFormErrorsBase } from '~/app/use-form-errors-base';
import { ScorePicker } from '../components/ScorePicker';
import { SCALE_ANCHORS } from '../components/score-scale';
import {
  describeFeedbackError,
  type FeedbackForm as Form,
  fetchFeedbackForm,
  rawErrorMessage,
  submitFeedback,
} from '../feedback-api';
import '../feedback-form.css';

// No Apollo Client, no React Router here: this page is its own entry (main.tsx), and what a customer's
// phone downloads before the question shows is React and this chunk.

/** What the page shows once the form is not (or no longer) open. */
type Outcome = 'thanks' | 'answered' | 'expired' | 'answered-today' | 'invalid';

const QUESTION_ID = 'feedback-question';

type FormState =
  | { status: 'loading' }
  | { status: 'loaded'; form: Form }
  | { status: 'failed'; error: unknown };

/**
 * The form behind a token: `firstRequest` (started by main.tsx while this page's code downloads) on the
 * first try, a new request on each retry.
 */
function useFeedbackForm(token: string, firstRequest?: Promise<Form>) {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<FormState>({ status: 'loading' });
  const first = useRef(firstRequest);
  useEffect(() => {
    let current = true;
    const pending = attempt === 0 && first.current ? first.current : fetchFeedbackForm(token);
    pending.then(
      (form) => current && setState({ status: 'loaded', form }),
      (error: unknown) => current && setState({ status: 'failed', error }),
    );
    return () => {
      current = false;
    };
  }, [token, attempt]);
  const retry = () => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  };
  return { state, retry };
}

export interface PublicFeedbackPageProps {
  token: string;
  /** The form's request, when it was started before this page rendered. */
  request?: Promise<Form>;
}

/** The customer's page, reached by a feedback link without an account: the question and a score. */
export function PublicFeedbackPage({ token, request }: PublicFeedbackPageProps) {
  const { state, retry } = useFeedbackForm(token, request);
  const form = state.status === 'loaded' ? state.form : undefined;
  const error = state.status === 'failed' ? state.error : undefined;
  const [outcome, setOutcome] = useState<{ kind: Outcome; low?: boolean } | null>(null);
  useDocumentTitle(form ? `Feedback for ${form.businessName}` : 'Feedback');

  const queryFailure = !form && error ? describeFeedbackError(error) : null;
  const closed: Outcome | null =
    outcome?.kind ??
    (form?.status === 'ANSWERED'
      ? 'answered'
      : form?.status === 'EXPIRED'
        ? 'expired'
        : queryFailure && (queryFailure.code === 'NOT_FOUND' || queryFailure.code === 'BAD_USER_INPUT')
          ? 'invalid'
          : null);

  let body: ReactNode;
  if (closed) {
    body = (
      <FeedbackOutcome key={closed} kind={closed} businessName={form?.businessName} low={outcome?.low} />
    );
  } else if (form) {
    body = <FeedbackAnswerForm token={token} form={form} onDone={(kind, low) => setOutcome({ kind, low })} />;
  } else if (queryFailure) {
    body = <ErrorState title="Could not open the form" message={queryFailure.message} onRetry={retry} />;
  } else {
    body = <LoadingState label="Opening the form…" />;
  }

  return (
    <main className="feedback-public">
      <div className="feedback-public__brand">
        <Logo />
      </div>
      {body}
    </main>
  );
}

function FeedbackAnswerForm({
  token,
  form,
  onDone,
}: {
  token: string;
  form: Form;
  onDone: (outcome: Outcome, low?: boolean) => void;
}) {
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrorsBase(
    describeFeedbackError,
    onlyFields('score', 'comment'),
  );
  const [sending, setSending] = useState(false);
  const anchors = SCALE_ANCHORS[form.type];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The one check a customer can miss; the API checks the rest (and trims the comment) too. This page
    // keeps zod (all of @rapport/domain) out of its chunk.
    if (score === null)
      return showFieldErrors({ score: `Choose a score from ${form.minScore} to ${form.maxScore}` });
    setSending(true);
    try {
      await submitFeedback(token, { score, comment: comment.trim() || null });
      onDone('thanks', isLowScore(form.type, score));
    } catch (error) {
      setSending(false);
      const described = describeFeedbackError(error);
      const raw = rawErrorMessage(error);
      if (described.code === 'CONFLICT') onDone(/expired/i.test(raw) ? 'expired' : 'answered');
      else if (described.code === 'NOT_FOUND') onDone('invalid');
      else if (described.code === 'RATE_LIMITED' && /today/i.test(raw)) onDone('answered-today');
      else showError(error);
    }
  };

  return (
    <>
      <header className="feedback-public__header">
        <p className="feedback-public__business">{form.businessName}</p>
        <h1 id={QUESTION_ID} className="feedback-public__question">
          {form.question}
        </h1>
      </header>
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="feedback-form">
        <FormError message={formError} />
        <ScorePicker
          labelledBy={QUESTION_ID}
          min={form.minScore}
          max={form.maxScore}
          low={anchors.low}
          high={anchors.high}
          value={score}
          onChange={(s) => {
            setScore(s);
            clearField('score');
          }}
          error={fieldErrors.score}
        />
        <TextAreaField
          label="Anything you would like to add?"
          optional
          name="comment"
          rows={3}
          maxLength={2000}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            clearField('comment');
          }}
          error={fieldErrors.comment}
        />
        <Button type="submit" block loading={sending} className="feedback-form__send">
          Send
        </Button>
      </form>
    </>
  );
}

const OUTCOMES: Record<Outcome, { icon: string; title: string; message: (business: string) => string }> = {
  thanks: {
    icon: '✓',
    title: 'Thank you!',
    message: (business) => `Your answer has reached ${business}. Every answer is read.`,
  },
  answered: {
    icon: '✓',
    title: 'You have already answered',
    message: (business) => `This link has been used. Thank you: ${business} has your answer.`,
  },
  expired: {
    icon: '⌛',
    title: 'This link has expired',
    message: (business) =>
      `It can no longer be answered. If you still want to tell ${business}, ask them for a new link.`,
  },
  'answered-today': {
    icon: '✓',
    title: 'You already answered today',
    message: (business) => `Thank you: ${business} has your answer. You can answer again tomorrow.`,
  },
  invalid: {
    icon: '?',
    title: 'This is not a valid link',
    message: () => 'Check that the whole link was copied, or ask the business that sent it for a new one.',
  },
};

function FeedbackOutcome({
  kind,
  businessName,
  low,
}: {
  kind: Outcome;
  businessName?: string;
  low?: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form (or the loading state) is gone: take focus to what replaced it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const outcome = OUTCOMES[kind];
  const business = businessName ?? 'the business';
  return (
    <section
      className={`feedback-outcome feedback-outcome--${kind}`}
      aria-labelledby="feedback-outcome-title"
    >
      <span className="feedback-outcome__icon" aria-hidden="true">
        {outcome.icon}
      </span>
      {businessName && <p className="feedback-public__business">{businessName}</p>}
      <h1 id="feedback-outcome-title" ref={headingRef} tabIndex={-1} className="feedback-outcome__title">
        {outcome.title}
      </h1>
      <p>{outcome.message(business)}</p>
      {kind === 'thanks' && low && <p>We are sorry it was not better: {business} will look into it.</p>}
    </section>
  );
}
