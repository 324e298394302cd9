import { useMutation } from '@apollo/client/react';
import { createSurveySchema, SURVEY_TYPES, type SurveyType, validate } from '@rapport/domain';
import { Button, CheckboxField, FormError, SelectField, TextAreaField, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import type { CreateSurveyMutation } from '~/gql/graphql';
import { QUESTION_SUGGESTIONS, SURVEY_TYPE_LABELS } from '../feedback-format';
import { CreateSurveyDocument, FeedbackSurveysDocument } from '../graphql/feedback.graphql';

const TYPE_OPTIONS = SURVEY_TYPES.map((t) => ({
  value: t,
  label: `${SURVEY_TYPE_LABELS[t].label} · ${SURVEY_TYPE_LABELS[t].name} (${SURVEY_TYPE_LABELS[t].scale})`,
}));

export type CreatedSurvey = CreateSurveyMutation['createSurvey'];

export interface NewSurveyFormProps {
  touchpoints: readonly { id: string; name: string }[];
  onDone: (created: CreatedSurvey | null) => void;
}

/** Creates a survey: validated with the domain's schema before it is sent, API field errors beside fields. */
export function NewSurveyForm({ touchpoints, onDone }: NewSurveyFormProps) {
  const [values, setValues] = useState({
    name: '',
    type: 'NPS' as SurveyType,
    question: '',
    touchpointId: '',
    anonymous: false,
  });
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('name', 'type', 'question', 'touchpointId', 'anonymous'),
  );
  const [create, { loading }] = useMutation(CreateSurveyDocument, {
    refetchQueries: [FeedbackSurveysDocument],
  });
  const idempotency = useIdempotencyKey();

  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(createSurveySchema, {
      name: values.name,
      type: values.type,
      question: values.question,
      touchpointId: values.touchpointId || null,
      anonymous: values.anonymous,
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const result = await create({ variables: { input: idempotency.withKey(checked.value) } });
      idempotency.reset();
      onDone(result.data?.createSurvey ?? null);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack fb-survey-form"
      aria-label="New survey"
    >
      <FormError message={formError} />
      <div className="form-grid">
        <TextField
          label="Name"
          hint="For you; customers see the question."
          placeholder="e.g. After-visit NPS"
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={fieldErrors.name}
        />
        <SelectField
          label="Type"
          options={TYPE_OPTIONS}
          value={values.type}
          onChange={(e) => set('type', e.target.value as SurveyType)}
          error={fieldErrors.type}
        />
      </div>
      <TextAreaField
        label="Question"
        rows={2}
        placeholder={`e.g. ${QUESTION_SUGGESTIONS[values.type]}`}
        value={values.question}
        onChange={(e) => set('question', e.target.value)}
        error={fieldErrors.question}
      />
      <SelectField
        label="Touchpoint"
        optional
        hint="Answers to a survey bound to a touchpoint count towards it, and towards the blind-spot view."
        options={[{ value: '', label: 'None' }, ...touchpoints.map((t) => ({ value: t.id, label: t.name }))]}
        value={values.touchpointId}
        onChange={(e) => set('touchpointId', e.target.value)}
        error={fieldErrors.touchpointId}
      />
      <CheckboxField
        label="Anonymous"
        hint="One shared link and QR code anyone can answer; answers are never linked to a customer. Leave it off to ask named customers with single-use links."
        checked={values.anonymous}
        onChange={(e) => set('anonymous', e.target.checked)}
      />
      {fieldErrors.anonymous && <FormError message={fieldErrors.anonymous} />}
      <div className="form-actions">
        <Button variant="secondary" onClick={() => onDone(null)}>
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          Create survey
        </Button>
      </div>
    </form>
  );
}
