import { useMutation } from '@apollo/client/react';
import { skipCheckInSchema, validate } from '@rapport/domain';
import { Button, FormError, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { useFormErrors } from '~/app/use-form-errors';
import { SkipCheckInDocument } from '../graphql/check-ins.graphql';
import type { CheckInFormProps } from './CompleteCheckInForm';

/** Skips a planned check-in, saying why (it shows on the customer's timeline). */
export function SkipCheckInForm({ checkInId, onDone, onCancel }: CheckInFormProps) {
  const [reason, setReason] = useState('');
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors((path) =>
    path === 'reason' ? path : null,
  );
  const [skip, skipping] = useMutation(SkipCheckInDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(skipCheckInSchema, { reason });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await skip({ variables: { id: checkInId, reason: checked.value.reason } });
      onDone();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack check-in-form">
      <FormError message={formError} />
      <TextField
        label="Why skip it?"
        name="reason"
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          clearField('reason');
        }}
        error={fieldErrors.reason}
      />
      <div className="form-actions">
        <Button variant="secondary" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" size="sm" loading={skipping.loading}>
          Skip check-in
        </Button>
      </div>
    </form>
  );
}
