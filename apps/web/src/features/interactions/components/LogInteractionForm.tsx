import { useMutation, useQuery } from '@apollo/client/react';
import { CHANNELS, DIRECTIONS, INTERACTION_PURPOSES, logInteractionSchema, validate } from '@rapport/domain';
import { Button, FormError, SelectField, TextAreaField, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { CHANNEL_LABELS, DIRECTION_LABELS, PURPOSE_LABELS } from '~/app/labels';
import { useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import { TouchpointsDocument } from '~/features/touchpoints/graphql/touchpoints.graphql';
import type { InteractionFieldsFragment } from '~/gql/graphql';
import { LogInteractionDocument, QuickLogDefaultsDocument } from '../graphql/interactions.graphql';
import {
  DETAIL_FIELDS,
  type InteractionFormValues,
  interactionFieldFor,
  quickLogValues,
  valuesToInput,
} from './interaction-form-values';
import { SentimentPicker } from './SentimentPicker';

export interface LogInteractionFormProps {
  customerId: string;
  onLogged: (interaction: InteractionFieldsFragment) => void;
  onCancel: () => void;
}

const CHANNEL_OPTIONS = [
  { value: '', label: 'Choose a channel' },
  ...CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
];
const DIRECTION_OPTIONS = DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }));
const PURPOSE_OPTIONS = INTERACTION_PURPOSES.map((p) => ({ value: p, label: PURPOSE_LABELS[p] }));

/**
 * Logs a contact. Opens as the quick case (a relationship check-in on the customer's last channel,
 * outbound, neutral): type a summary and send. "More details" shows every field.
 */
export function LogInteractionForm({ customerId, onLogged, onCancel }: LogInteractionFormProps) {
  const defaults = useQuery(QuickLogDefaultsDocument, { variables: { id: customerId } });
  const lastChannel = defaults.data?.customer?.interactions.edges[0]?.node.channel ?? null;
  const [edited, setEdited] = useState<Partial<InteractionFormValues>>({});
  const values: InteractionFormValues = { ...quickLogValues(lastChannel), ...edited };
  const [expanded, setExpanded] = useState(false);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } =
    useFormErrors(interactionFieldFor);
  const idempotency = useIdempotencyKey();
  const touchpoints = useQuery(TouchpointsDocument, { skip: !expanded });
  const [logInteraction, logging] = useMutation(LogInteractionDocument);

  const showDetails = expanded || DETAIL_FIELDS.some((field) => fieldErrors[field]);
  const set = <K extends keyof InteractionFormValues>(field: K, value: InteractionFormValues[K]) => {
    setEdited((current) => ({ ...current, [field]: value }));
    clearField(field);
  };
  /** Binds a text or select control to a form field (a select offers only that field's values). */
  const text = <K extends Exclude<keyof InteractionFormValues, 'sentiment'>>(field: K) => ({
    name: field,
    value: values[field],
    onChange: (event: { target: { value: string } }) =>
      set(field, event.target.value as InteractionFormValues[K]),
    error: fieldErrors[field],
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const input = valuesToInput(values, customerId, idempotency.keyFor(values));
    const checked = validate(logInteractionSchema(new Date()), input);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const { data } = await logInteraction({ variables: { input } });
      if (data) {
        idempotency.reset();
        onLogged(data.logInteraction);
      }
    } catch (error) {
      showError(error);
    }
  };

  const quickChannel = !showDetails && lastChannel && !values.touchpointId && values.channel === lastChannel;
  const touchpointOptions = [
    { value: '', label: 'None: name the channel' },
    ...(touchpoints.data?.touchpoints ?? []).map((t) => ({ value: t.id, label: t.name })),
  ];

  return (
    <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack log-form">
      <FormError message={formError} />
      {!showDetails && (
        <p className="log-form__summary-line">
          {values.purpose === 'RELATIONSHIP' ? 'Relationship check-in' : PURPOSE_LABELS[values.purpose]},{' '}
          {DIRECTION_LABELS[values.direction].toLowerCase()}
          {quickChannel && ` by ${CHANNEL_LABELS[lastChannel]} (their last channel)`}
        </p>
      )}
      {showDetails && (
        <div className="form-grid">
          <SelectField
            label="Touchpoint"
            optional
            options={touchpointOptions}
            hint={touchpoints.loading ? 'Loading touchpoints…' : undefined}
            {...text('touchpointId')}
          />
          <SelectField label="Purpose" options={PURPOSE_OPTIONS} {...text('purpose')} />
          <SelectField label="Direction" options={DIRECTION_OPTIONS} {...text('direction')} />
        </div>
      )}
      {!quickChannel && !values.touchpointId && (
        <SelectField label="Channel" options={CHANNEL_OPTIONS} {...text('channel')} />
      )}
      <SentimentPicker
        value={values.sentiment}
        onChange={(v) => set('sentiment', v)}
        error={fieldErrors.sentiment}
      />
      <TextAreaField
        label="Summary"
        rows={3}
        placeholder="What did you talk about?"
        // The form opens because someone wants to log: the summary is the one thing left to type.
        autoFocus
        {...text('summary')}
      />
      {showDetails && (
        <div className="form-grid">
          <TextAreaField
            label="Friction note"
            optional
            rows={2}
            hint="Anything that made it harder for them."
            className="form-grid__wide"
            {...text('frictionNote')}
          />
          <TextField
            label="When"
            type="datetime-local"
            optional
            hint="Blank means now."
            {...text('occurredAt')}
          />
          <TextField label="Follow up on" type="date" optional {...text('followUpAt')} />
        </div>
      )}
      <div className="form-actions log-form__actions">
        {!showDetails && (
          <Button variant="ghost" onClick={() => setExpanded(true)}>
            More details
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={logging.loading}>
          Log interaction
        </Button>
      </div>
    </form>
  );
}
