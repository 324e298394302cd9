import { useMutation, useQuery } from '@apollo/client/react';
import { acceptInvitationSchema, validate } from '@rapport/domain';
import { Button, buttonClassName, ErrorState, FormError, LoadingState, TextField } from '@rapport/ui';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { describeError } from '~/app/errors';
import { formatDate, ROLE_LABELS } from '~/app/labels';
import { useDocumentTitle } from '~/app/use-document-title';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { AuthLayout } from '../components/AuthLayout';
import { useCompleteSignIn } from '../components/use-complete-sign-in';
import { AcceptInvitationDocument, InvitationPreviewDocument } from '../graphql/auth.graphql';

const FIELDS = ['name', 'password'];

export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(InvitationPreviewDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const preview = data?.invitationPreview;
  useDocumentTitle(preview ? `Join ${preview.workspaceName}` : 'Invitation');

  const [values, setValues] = useState({ name: '', password: '' });
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields(...FIELDS),
  );
  const [accept, { loading: accepting }] = useMutation(AcceptInvitationDocument);
  const completeSignIn = useCompleteSignIn();

  // Start from the name the owner typed; the invitee can correct it.
  useEffect(() => {
    if (preview) setValues((v) => (v.name ? v : { ...v, name: preview.name }));
  }, [preview]);

  if (!preview) {
    const described = error ? describeError(error) : null;
    return (
      <AuthLayout title="Join your team on Rapport">
        {loading || !described ? (
          <LoadingState label="Checking your invitation…" compact />
        ) : described.code === 'NOT_FOUND' || described.code === 'BAD_USER_INPUT' ? (
          <ErrorState
            compact
            title="This invitation link is no longer valid"
            message="It may have been used already or have expired. Ask the workspace owner for a new link."
          />
        ) : (
          <ErrorState compact message={described.message} onRetry={() => void refetch()} />
        )}
        <p className="auth-card__aside">
          Already have an account?{' '}
          <Link to="/sign-in" className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
            Sign in
          </Link>
        </p>
      </AuthLayout>
    );
  }

  const set = (field: 'name' | 'password') => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(acceptInvitationSchema, { token, ...values });
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const result = await accept({ variables: checked.value });
      if (result.data) await completeSignIn(result.data.acceptInvitation.member);
    } catch (err) {
      showError(err);
    }
  };

  return (
    <AuthLayout
      title={`Join ${preview.workspaceName}`}
      subtitle={
        <>
          You are invited as <strong>{ROLE_LABELS[preview.role]}</strong>. Choose a password to finish setting
          up your account.
        </>
      }
    >
      <dl className="invite-summary">
        <div>
          <dt>Email</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>Link valid until</dt>
          <dd>{formatDate(preview.expiresAt)}</dd>
        </div>
      </dl>
      <form ref={formRef} className="form-stack" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormError message={formError} />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters."
          value={values.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        <Button type="submit" block loading={accepting}>
          Join {preview.workspaceName}
        </Button>
      </form>
    </AuthLayout>
  );
}
