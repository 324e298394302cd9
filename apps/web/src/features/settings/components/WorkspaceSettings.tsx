import { useMutation } from '@apollo/client/react';
import { updateWorkspaceSchema, validate } from '@rapport/domain';
import { Alert, Button, Card, FormError, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { pluralize } from '~/app/labels';
import { useIsOwner, useMember } from '~/app/session';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { UpdateWorkspaceDocument } from '../graphql/settings.graphql';

export function WorkspaceSettings() {
  const { workspace } = useMember();
  const isOwner = useIsOwner();
  const [values, setValues] = useState({
    name: workspace.name,
    defaultCadenceDays: String(workspace.defaultCadenceDays),
  });
  const [saved, setSaved] = useState(false);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearErrors, clearField } =
    useFormErrors(onlyFields('name', 'defaultCadenceDays'));
  const [updateWorkspace, { loading }] = useMutation(UpdateWorkspaceDocument);

  if (!isOwner) {
    return (
      <Card title="Workspace" description="Only owners can change these.">
        <dl className="details-list">
          <div>
            <dt>Business name</dt>
            <dd>{workspace.name}</dd>
          </div>
          <div>
            <dt>Default check-in cadence</dt>
            <dd>Every {pluralize(workspace.defaultCadenceDays, 'day')}</dd>
          </div>
        </dl>
      </Card>
    );
  }

  const set = (field: 'name' | 'defaultCadenceDays') => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setSaved(false);
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const cadence = values.defaultCadenceDays.trim();
    const checked = validate(updateWorkspaceSchema, {
      name: values.name,
      defaultCadenceDays: cadence === '' ? Number.NaN : Number(cadence),
    });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      await updateWorkspace({ variables: checked.value });
      clearErrors();
      setSaved(true);
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title="Workspace" description="Your business as your team sees it.">
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack">
        <FormError message={formError} />
        {saved && <Alert tone="success">Workspace saved.</Alert>}
        <div className="form-grid">
          <TextField
            label="Business name"
            name="name"
            value={values.name}
            onChange={set('name')}
            error={fieldErrors.name}
          />
          <TextField
            label="Default check-in cadence (days)"
            name="defaultCadenceDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            hint="How often to check in with a client without selling, unless the client has its own cadence."
            value={values.defaultCadenceDays}
            onChange={set('defaultCadenceDays')}
            error={fieldErrors.defaultCadenceDays}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" loading={loading}>
            Save workspace
          </Button>
        </div>
      </form>
    </Card>
  );
}
