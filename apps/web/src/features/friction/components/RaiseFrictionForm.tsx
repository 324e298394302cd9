import { useMutation } from '@apollo/client/react';
import { raiseFrictionPointSchema, validate } from '@rapport/domain';
import { Button, FormError, SelectField, TextAreaField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import { SEVERITIES, severityLabel } from '../friction-labels';
import { FrictionPointsDocument, RaiseFrictionPointDocument } from '../graphql/friction.graphql';
import { CustomerPicker, type PickedCustomer } from './CustomerPicker';

const SEVERITY_OPTIONS = SEVERITIES.map((s) => ({
  value: String(s),
  label: `${s} · ${severityLabel(s).label}`,
}));

export interface RaiseFrictionFormProps {
  touchpoints: readonly { id: string; name: string }[];
  members: readonly { id: string; name: string }[];
  /** Touchpoint preselected (the board's touchpoint filter). */
  touchpointId?: string | null;
  onDone: (raised: boolean) => void;
}

export function RaiseFrictionForm({ touchpoints, members, touchpointId, onDone }: RaiseFrictionFormProps) {
  const [values, setValues] = useState({
    description: '',
    severity: '2',
    touchpointId: touchpointId ?? '',
    ownerId: '',
  });
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('description', 'severity', 'touchpointId', 'customerId', 'ownerId'),
  );
  const [raise, { loading }] = useMutation(RaiseFrictionPointDocument, {
    refetchQueries: [FrictionPointsDocument],
  });
  const idempotency = useIdempotencyKey();

  const set = <K extends keyof typeof values>(field: K, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(raiseFrictionPointSchema, {
      description: values.description,
      severity: Number(values.severity),
      touchpointId: values.touchpointId || null,
      customerId: customer?.id ?? null,
      ownerId: values.ownerId || null,
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await raise({ variables: { input: idempotency.withKey(checked.value) } });
      idempotency.reset();
      onDone(true);
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
      aria-label="Raise friction point"
    >
      <FormError message={formError} />
      <TextAreaField
        label="What makes customers hesitate?"
        placeholder="e.g. The booking form asks for the same address twice"
        rows={3}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={fieldErrors.description}
      />
      <div className="form-grid">
        <SelectField
          label="Severity"
          options={SEVERITY_OPTIONS}
          value={values.severity}
          onChange={(e) => set('severity', e.target.value)}
          error={fieldErrors.severity}
        />
        <SelectField
          label="Touchpoint"
          optional
          options={[
            { value: '', label: 'None' },
            ...touchpoints.map((t) => ({ value: t.id, label: t.name })),
          ]}
          value={values.touchpointId}
          onChange={(e) => set('touchpointId', e.target.value)}
          error={fieldErrors.touchpointId}
        />
      </div>
      <CustomerPicker
        value={customer}
        onChange={(picked) => {
          setCustomer(picked);
          clearField('customerId');
        }}
        error={fieldErrors.customerId}
      />
      <SelectField
        label="Owner"
        optional
        hint="Left empty: the customer's relationship owner, if there is a customer."
        options={[
          { value: '', label: 'Default owner' },
          ...members.map((m) => ({ value: m.id, label: m.name })),
        ]}
        value={values.ownerId}
        onChange={(e) => set('ownerId', e.target.value)}
        error={fieldErrors.ownerId}
      />
      <div className="form-actions">
        <Button variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button type="submit" loading={loading}>
          Raise friction point
        </Button>
      </div>
    </form>
  );
}
