import { useMutation } from '@apollo/client/react';
import { completeCheckInSchema, validate } from '@rapport/domain';
import { Button, FormError, TextAreaField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { useFormErrors } from '~/app/use-form-errors';
import { SentimentPicker } from '~/features/interactions/components/SentimentPicker';
import { CompleteCheckInDocument } from '../graphql/check-ins.graphql';

export interface CheckInFormProps {
  checkInId: string;
  onDone: () => void;
  onCancel: () => void;
}

/** How the check-in went; it is logged as a relationship contact on the customer's last channel. */
export function CompleteCheckInForm({ checkInId, onDone, onCancel }: CheckInFormProps) {
  const [summary, setSummary] = useState('');
  const [sentiment, setSentiment] = useState(0);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors((path) =>
    path === 'summary' || path === 'sentiment' ? path : null,
  );
  const [complete, completing] = useMutation(CompleteCheckInDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { summary: summary.trim(), sentiment };
    const checked = validate(completeCheckInSchema(new Date()), input);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await complete({ variables: { id: checkInId, input } });
      onDone();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack check-in-form">
      <FormError message={formError} />
      <SentimentPicker
        value={sentiment}
        onChange={(v) => {
          setSentiment(v);
          clearField('sentiment');
        }}
        error={fieldErrors.sentiment}
      />
      <TextAreaField
        label="How did it go?"
        name="summary"
        rows={2}
        value={summary}
        onChange={(e) => {
          setSummary(e.target.value);
          clearField('summary');
        }}
        error={fieldErrors.summary}
      />
      <div className="form-actions">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={completing.loading}>
          Mark done
        </Button>
      </div>
    </form>
  );
}
