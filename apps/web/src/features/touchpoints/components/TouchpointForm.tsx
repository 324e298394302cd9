import { useMutation } from '@apollo/client/react';
import {
  CHANNELS,
  type Channel,
  JOURNEY_STAGES,
  type JourneyStage,
  touchpointSchema,
  validate,
} from '@rapport/domain';
import { Button, CheckboxField, FormError, SelectField, TextAreaField, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { CHANNEL_LABELS, STAGE_LABELS } from '~/app/labels';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import type { TouchpointFieldsFragment } from '~/gql/graphql';
import {
  CreateTouchpointDocument,
  TouchpointsDocument,
  UpdateTouchpointDocument,
} from '../graphql/touchpoints.graphql';

const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const STAGE_OPTIONS = JOURNEY_STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s].label }));

export interface TouchpointFormProps {
  touchpoint?: TouchpointFieldsFragment;
  /** Stage preselected for a new touchpoint. */
  stage?: JourneyStage;
  onDone: () => void;
}

export function TouchpointForm({ touchpoint, stage = 'DISCOVER', onDone }: TouchpointFormProps) {
  const [values, setValues] = useState({
    name: touchpoint?.name ?? '',
    channel: (touchpoint?.channel ?? 'STORE') as Channel,
    stage: (touchpoint?.stage ?? stage) as JourneyStage,
    description: touchpoint?.description ?? '',
    momentOfTruth: touchpoint?.momentOfTruth ?? false,
  });
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('name', 'channel', 'stage', 'description', 'momentOfTruth'),
  );
  const [create, created] = useMutation(CreateTouchpointDocument, {
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery({ query: TouchpointsDocument }, (current) =>
        current ? { touchpoints: [...current.touchpoints, data.createTouchpoint] } : current,
      );
    },
  });
  const idempotency = useIdempotencyKey();
  const [update, updated] = useMutation(UpdateTouchpointDocument);

  const set = <K extends keyof typeof values>(field: K, value: (typeof values)[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(touchpointSchema, values);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      if (touchpoint) await update({ variables: { id: touchpoint.id, input: checked.value } });
      else
        await create({
          variables: { input: checked.value, idempotencyKey: idempotency.keyFor(checked.value) },
        });
      idempotency.reset();
      onDone();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      className="form-stack touchpoint-form"
      aria-label={touchpoint ? `Edit ${touchpoint.name}` : 'New touchpoint'}
    >
      <FormError message={formError} />
      <TextField
        label="Name"
        placeholder="e.g. Booking a repair by phone"
        value={values.name}
        onChange={(e) => set('name', e.target.value)}
        error={fieldErrors.name}
      />
      <div className="form-grid">
        <SelectField
          label="Channel"
          options={CHANNEL_OPTIONS}
          value={values.channel}
          onChange={(e) => set('channel', e.target.value as Channel)}
          error={fieldErrors.channel}
        />
        <SelectField
          label="Journey stage"
          options={STAGE_OPTIONS}
          value={values.stage}
          onChange={(e) => set('stage', e.target.value as JourneyStage)}
          error={fieldErrors.stage}
        />
      </div>
      <TextAreaField
        label="Description"
        optional
        rows={3}
        value={values.description}
        onChange={(e) => set('description', e.target.value)}
        error={fieldErrors.description}
      />
      <CheckboxField
        label="Moment of truth"
        hint="A critical moment where customers make up their mind about you."
        checked={values.momentOfTruth}
        onChange={(e) => set('momentOfTruth', e.target.checked)}
      />
      <div className="form-actions">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={created.loading || updated.loading}>
          {touchpoint ? 'Save touchpoint' : 'Add touchpoint'}
        </Button>
      </div>
    </form>
  );
}
