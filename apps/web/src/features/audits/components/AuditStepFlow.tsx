import {
  AUDIT_FACTORS,
  type AuditFactor,
  type Channel,
  type ObservationInput,
  observationSchema,
  SURPRISES,
  type Surprise,
  validate,
} from '@rapport/domain';
import { Badge, Button, FormError, TextAreaField } from '@rapport/ui';
import { type FormEvent, type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { describeError, hasErrorCode } from '~/app/errors';
import { CHANNEL_LABELS, pluralize } from '~/app/labels';
import { useFormErrors } from '~/app/use-form-errors';
import { FACTOR_LABELS, FRICTION_LABELS, RATING_WORDS, SURPRISE_LABELS } from '../audit-labels';
import { ChoiceGroup } from './ChoiceGroup';
import {
  CHOOSE_MESSAGES,
  emptyObservation,
  type ObservationValues,
  valuesToInput,
} from './observation-values';

export interface FlowStep {
  touchpointId: string;
  name: string;
  channel: Channel;
  /** Already recorded (saving again replaces it). */
  observed: boolean;
  /** What was recorded, when the source knows it (members); the public link does not. */
  initial?: ObservationValues;
}

export interface AuditStepFlowProps {
  scenario: string;
  steps: readonly FlowStep[];
  /** Records one step; recording a step again replaces it. */
  record: (input: ObservationInput) => Promise<void>;
  submit: () => Promise<void>;
  /** The audit is submitted: only `closedView` is shown. */
  closed: boolean;
  closedView: ReactNode;
}

const FIELDS = [
  'expected',
  'experienced',
  'surprise',
  'friction',
  ...AUDIT_FACTORS,
  'wouldReturn',
  'notes',
] as readonly string[];

/**
 * An audit walked one step per screen, then a summary to submit. The same flow serves the public
 * link and members; each passes its own `record` and `submit`.
 */
export function AuditStepFlow({ scenario, steps, record, submit, closed, closedView }: AuditStepFlowProps) {
  const [observed, setObserved] = useState(
    () => new Set(steps.filter((s) => s.observed).map((s) => s.touchpointId)),
  );
  const [drafts, setDrafts] = useState<Record<string, ObservationValues>>(() =>
    Object.fromEntries(steps.flatMap((s) => (s.initial ? [[s.touchpointId, s.initial]] : []))),
  );
  // Resume at the first step not yet recorded; the summary when all are.
  const [index, setIndex] = useState(() => {
    const first = steps.findIndex((s) => !s.observed);
    return first === -1 ? steps.length : first;
  });
  const [closedHere, setClosedHere] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  // Each new screen: focus its heading, so screen readers announce the step and Tab starts there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the screen changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, [index]);

  if (closed || closedHere) return <>{closedView}</>;

  const total = steps.length;
  const step = steps[index];

  return (
    <div className="audit-flow">
      <header className="audit-flow__header">
        <details className="audit-flow__scenario">
          <summary>The scenario</summary>
          <p>{scenario}</p>
        </details>
        <p className="audit-flow__progress-label" id="audit-progress-label">
          {step ? `Step ${index + 1} of ${total}` : 'Review and submit'}
        </p>
        <progress
          className="audit-flow__progress"
          max={total + 1}
          value={index + 1}
          aria-labelledby="audit-progress-label"
        />
      </header>
      {step ? (
        <StepForm
          key={step.touchpointId}
          step={step}
          headingRef={headingRef}
          recorded={observed.has(step.touchpointId)}
          values={drafts[step.touchpointId] ?? emptyObservation()}
          onChange={(values) => setDrafts((d) => ({ ...d, [step.touchpointId]: values }))}
          isFirst={index === 0}
          isLast={index === total - 1}
          onBack={() => setIndex((i) => Math.max(0, i - 1))}
          onSkip={() => setIndex((i) => i + 1)}
          record={record}
          onSaved={() => {
            setObserved((o) => new Set(o).add(step.touchpointId));
            setIndex((i) => i + 1);
          }}
          onClosed={() => setClosedHere(true)}
        />
      ) : (
        <AuditSummary
          steps={steps}
          drafts={drafts}
          observed={observed}
          headingRef={headingRef}
          onEdit={setIndex}
          submit={submit}
          onSubmitted={() => setClosedHere(true)}
        />
      )}
    </div>
  );
}

interface StepFormProps {
  step: FlowStep;
  headingRef: RefObject<HTMLHeadingElement | null>;
  recorded: boolean;
  values: ObservationValues;
  onChange: (values: ObservationValues) => void;
  isFirst: boolean;
  isLast: boolean;
  onBack: () => void;
  onSkip: () => void;
  record: (input: ObservationInput) => Promise<void>;
  onSaved: () => void;
  onClosed: () => void;
}

function StepForm({
  step,
  headingRef,
  recorded,
  values,
  onChange,
  isFirst,
  isLast,
  onBack,
  onSkip,
  record,
  onSaved,
  onClosed,
}: StepFormProps) {
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors((path) =>
    FIELDS.includes(path) ? path : null,
  );
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof ObservationValues>(field: K, value: ObservationValues[K]) => {
    onChange({ ...values, [field]: value });
    clearField(field);
  };
  const rate = (factor: AuditFactor, value: number) => {
    onChange({ ...values, ratings: { ...values.ratings, [factor]: value } });
    clearField(factor);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = valuesToInput(step.touchpointId, values);
    const checked = validate(observationSchema, input);
    if (!checked.ok) {
      const fields = { ...checked.fields };
      for (const key of Object.keys(fields)) {
        const friendly = CHOOSE_MESSAGES[key];
        if (friendly && input[key as keyof typeof input] === null) fields[key] = friendly;
      }
      return showFieldErrors(fields);
    }
    setSaving(true);
    try {
      await record(checked.value);
      setSaving(false);
      onSaved();
    } catch (error) {
      setSaving(false);
      if (hasErrorCode(error, 'CONFLICT')) onClosed();
      else showError(error);
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="audit-step form-stack">
      <div className="audit-step__touchpoint">
        <h2 className="audit-step__name" ref={headingRef} tabIndex={-1}>
          {step.name}
        </h2>
        <Badge tone="info">{CHANNEL_LABELS[step.channel]}</Badge>
        {recorded && <Badge tone="success">Recorded</Badge>}
      </div>
      {recorded && !step.initial && (
        <p className="muted audit-step__note">You recorded this step already; saving it again replaces it.</p>
      )}
      <FormError message={formError} />
      <TextAreaField
        label="What did you expect?"
        name="expected"
        optional
        rows={2}
        value={values.expected}
        onChange={(e) => set('expected', e.target.value)}
        error={fieldErrors.expected}
      />
      <TextAreaField
        label="What happened?"
        name="experienced"
        rows={3}
        value={values.experienced}
        onChange={(e) => set('experienced', e.target.value)}
        error={fieldErrors.experienced}
      />
      <ChoiceGroup<Surprise>
        name="surprise"
        legend="Anything surprising?"
        options={SURPRISES.map((s) => ({
          value: s,
          label: SURPRISE_LABELS[s].label,
          description: SURPRISE_LABELS[s].description,
        }))}
        value={values.surprise}
        onChange={(v) => set('surprise', v)}
        error={fieldErrors.surprise}
        className="choice-group--big"
      />
      <ChoiceGroup<number>
        name="friction"
        legend="Friction"
        hint="Did anything make you hesitate or stop?"
        columns={2}
        options={FRICTION_LABELS.map((f, level) => ({
          value: level,
          label: f.label,
          description: f.description,
        }))}
        value={values.friction}
        onChange={(v) => set('friction', v)}
        error={fieldErrors.friction}
        className="choice-group--big"
      />
      <fieldset className="audit-step__ratings">
        <legend className="audit-step__ratings-legend">
          Rate each factor from 1 (poor) to 5 (excellent)
        </legend>
        {AUDIT_FACTORS.map((factor) => (
          <ChoiceGroup<number>
            key={factor}
            name={factor}
            legend={FACTOR_LABELS[factor].label}
            hint={FACTOR_LABELS[factor].question}
            options={RATING_WORDS.map((word, i) => ({
              value: i + 1,
              label: i + 1,
              ariaLabel: `${i + 1} ${word}`,
            }))}
            value={values.ratings[factor]}
            onChange={(v) => rate(factor, v)}
            error={fieldErrors[factor]}
            className="choice-group--rating"
          />
        ))}
      </fieldset>
      <ChoiceGroup<boolean>
        name="wouldReturn"
        legend="Would this make you want to return?"
        options={[
          { value: true, label: 'Yes' },
          { value: false, label: 'No' },
        ]}
        value={values.wouldReturn}
        onChange={(v) => set('wouldReturn', v)}
        error={fieldErrors.wouldReturn}
        className="choice-group--big"
      />
      <TextAreaField
        label="Notes"
        name="notes"
        optional
        rows={2}
        value={values.notes}
        onChange={(e) => set('notes', e.target.value)}
        error={fieldErrors.notes}
      />
      <div className="audit-flow__actions">
        <Button variant="secondary" onClick={onBack} disabled={isFirst}>
          Back
        </Button>
        <Button type="submit" loading={saving}>
          {isLast ? 'Save & review' : 'Save & next'}
        </Button>
      </div>
      <Button variant="ghost" onClick={onSkip} className="audit-step__skip">
        {isLast ? 'Skip to review' : 'Skip this step'}
      </Button>
    </form>
  );
}

interface AuditSummaryProps {
  steps: readonly FlowStep[];
  drafts: Record<string, ObservationValues>;
  observed: ReadonlySet<string>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onEdit: (index: number) => void;
  submit: () => Promise<void>;
  onSubmitted: () => void;
}

function AuditSummary({
  steps,
  drafts,
  observed,
  headingRef,
  onEdit,
  submit,
  onSubmitted,
}: AuditSummaryProps) {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const count = steps.filter((s) => observed.has(s.touchpointId)).length;

  const onSubmit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      await submit();
      onSubmitted();
    } catch (err) {
      setSubmitting(false);
      setError(describeError(err).message);
    }
  };

  return (
    <section className="audit-summary" aria-labelledby="audit-summary-heading">
      <h2 className="audit-step__name" id="audit-summary-heading" ref={headingRef} tabIndex={-1}>
        Your audit
      </h2>
      <p className="muted">
        {count === steps.length
          ? 'You recorded every step.'
          : `${pluralize(count, 'step')} of ${steps.length} recorded. You can submit without the others.`}
      </p>
      <ol className="audit-summary__steps">
        {steps.map((step, i) => {
          const done = observed.has(step.touchpointId);
          const draft = drafts[step.touchpointId];
          return (
            <li key={step.touchpointId} className="audit-summary__step">
              <div className="audit-summary__text">
                <span className="audit-summary__name">
                  {i + 1}. {step.name}
                </span>
                <span className="muted audit-summary__detail">
                  {done ? (draft?.experienced ? draft.experienced : 'Recorded') : 'Not recorded'}
                </span>
              </div>
              <div className="audit-summary__meta">
                <Badge tone={done ? 'success' : 'neutral'}>{done ? 'Recorded' : 'Not recorded'}</Badge>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => onEdit(i)}
                  aria-label={`${done ? 'Change' : 'Record'} ${step.name}`}
                >
                  {done ? 'Change' : 'Record'}
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <FormError message={error} />
      {count === 0 && (
        <p className="audit-summary__blocked" id="audit-submit-blocked">
          Record at least one step to submit the audit.
        </p>
      )}
      <div className="audit-flow__actions">
        <Button variant="secondary" onClick={() => onEdit(steps.length - 1)}>
          Back
        </Button>
        <Button
          onClick={() => void onSubmit()}
          loading={submitting}
          disabled={count === 0}
          aria-describedby={count === 0 ? 'audit-submit-blocked' : undefined}
        >
          Submit audit
        </Button>
      </div>
    </section>
  );
}
