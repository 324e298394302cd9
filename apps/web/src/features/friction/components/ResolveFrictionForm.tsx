import { useApolloClient, useMutation } from '@apollo/client/react';
import { missingResolution, updateFrictionPointSchema, validate } from '@rapport/domain';
import { Button, FormError, TextAreaField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import type { FrictionPointFieldsFragment } from '~/gql/graphql';
import { UpdateFrictionPointDocument } from '../graphql/friction.graphql';

export const RESOLUTION_REQUIRED = 'Say how it was resolved, so the team learns from it.';

export interface ResolveFrictionFormProps {
  point: Pick<FrictionPointFieldsFragment, 'id' | 'version' | 'description' | 'resolution'>;
  onDone: (resolved: boolean) => void;
}

/** Resolving asks for a note on what was done: the same rule the API applies. */
export function ResolveFrictionForm({ point, onDone }: ResolveFrictionFormProps) {
  const [resolution, setResolution] = useState(point.resolution ?? '');
  // The version the form was opened on: a change made meanwhile by someone else makes ours stale.
  const [version] = useState(point.version);
  const { formRef, fieldErrors, formError, stale, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('resolution'),
  );
  const [update, { loading }] = useMutation(UpdateFrictionPointDocument);
  const client = useApolloClient();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(updateFrictionPointSchema, { status: 'RESOLVED', resolution });
    if (!checked.ok) return showFieldErrors(checked.fields);
    // A blank note is no note, even if an earlier one was cleared away here.
    if (missingResolution('RESOLVED', checked.value.resolution ?? null, point.resolution)) {
      return showFieldErrors({ resolution: RESOLUTION_REQUIRED });
    }
    try {
      await update({
        variables: {
          id: point.id,
          input: { status: 'RESOLVED', resolution: checked.value.resolution, version },
        },
      });
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
      className="form-stack friction-resolve"
      aria-label="Resolve friction point"
    >
      <FormError
        message={formError}
        action={
          stale && (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => void client.refetchQueries({ include: 'active' }).then(() => onDone(false))}
            >
              Reload the board
            </Button>
          )
        }
      />
      <TextAreaField
        label="How was it resolved?"
        hint="What changed, so it does not happen again."
        rows={3}
        value={resolution}
        onChange={(e) => {
          setResolution(e.target.value);
          clearField('resolution');
        }}
        error={fieldErrors.resolution}
      />
      <div className="form-actions">
        <Button variant="secondary" size="sm" onClick={() => onDone(false)}>
          Cancel
        </Button>
        <Button type="submit" size="sm" loading={loading}>
          Mark resolved
        </Button>
      </div>
    </form>
  );
}
