import { useMutation } from '@apollo/client/react';
import { inviteMemberSchema, ROLES, type Role, validate } from '@rapport/domain';
import { Alert, Button, Card, CopyField, FormError, SelectField, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { formatDate, ROLE_LABELS } from '~/app/labels';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { useIdempotencyKey } from '~/app/use-idempotency-key';
import type { InviteMemberMutation } from '~/gql/graphql';
import { InvitationsDocument, InviteMemberDocument } from '../graphql/settings.graphql';

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const EMPTY = { name: '', email: '', role: 'STAFF' as Role };

/** Owners invite a member by name, email and role, then share the link themselves. */
export function InviteMember() {
  const [values, setValues] = useState(EMPTY);
  const [invitation, setInvitation] = useState<InviteMemberMutation['inviteMember'] | null>(null);
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields('name', 'email', 'role'),
  );
  const [invite, { loading }] = useMutation(InviteMemberDocument, {
    refetchQueries: [InvitationsDocument],
  });
  const idempotency = useIdempotencyKey();

  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(inviteMemberSchema, values);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const { data } = await invite({ variables: idempotency.withKey(checked.value) });
      if (data) {
        idempotency.reset();
        setInvitation(data.inviteMember);
        setValues(EMPTY);
      }
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title="Invite a member" description="They get a link to choose a password and join this workspace.">
      {invitation && (
        <div className="form-stack invite-result">
          <Alert tone="success">
            Invitation ready for <strong>{invitation.name}</strong> ({invitation.email}). Send them this link;
            it works once, until {formatDate(invitation.expiresAt)}.
          </Alert>
          <CopyField label="Invitation link" value={invitation.url} />
        </div>
      )}
      <form ref={formRef} noValidate onSubmit={(e) => void onSubmit(e)} className="form-stack">
        <FormError message={formError} />
        <div className="form-grid">
          <TextField
            label="Name"
            name="name"
            autoComplete="off"
            value={values.name}
            onChange={set('name')}
            error={fieldErrors.name}
          />
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            value={values.email}
            onChange={set('email')}
            error={fieldErrors.email}
          />
          <SelectField
            label="Role"
            name="role"
            options={ROLE_OPTIONS}
            hint="Owners also manage members, touchpoints and settings."
            value={values.role}
            onChange={set('role')}
            error={fieldErrors.role}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" loading={loading}>
            Create invitation link
          </Button>
        </div>
      </form>
    </Card>
  );
}
