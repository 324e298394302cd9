import { useMutation } from '@apollo/client/react';
import { signUpSchema, validate } from '@rapport/domain';
import { Button, FormError, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '~/app/use-document-title';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { AuthLayout } from '../components/AuthLayout';
import { useCompleteSignIn } from '../components/use-complete-sign-in';
import { SignUpDocument } from '../graphql/auth.graphql';

const FIELDS = ['workspaceName', 'name', 'email', 'password'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function SignUpPage() {
  useDocumentTitle('Create your workspace');
  const [params] = useSearchParams();
  const [values, setValues] = useState<Values>({ workspaceName: '', name: '', email: '', password: '' });
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields(...FIELDS),
  );
  const [signUp, { loading }] = useMutation(SignUpDocument);
  const completeSignIn = useCompleteSignIn();

  const set = (field: keyof Values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(signUpSchema, values);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const { data } = await signUp({ variables: checked.value });
      if (data) await completeSignIn(data.signUp.member);
    } catch (error) {
      showError(error);
    }
  };

  const signInLink = params.get('next')
    ? `/sign-in?next=${encodeURIComponent(params.get('next') ?? '')}`
    : '/sign-in';

  return (
    <AuthLayout
      title="Create your workspace"
      subtitle="Keep in touch with every client, see every touchpoint, hear them before it is too late."
      footer={
        <>
          Already have an account? <Link to={signInLink}>Sign in</Link>
        </>
      }
    >
      <form ref={formRef} className="form-stack" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormError message={formError} />
        <TextField
          label="Business name"
          name="workspaceName"
          autoComplete="organization"
          value={values.workspaceName}
          onChange={set('workspaceName')}
          error={fieldErrors.workspaceName}
        />
        <TextField
          label="Your name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={fieldErrors.name}
        />
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
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
        <Button type="submit" block loading={loading}>
          Create workspace
        </Button>
      </form>
    </AuthLayout>
  );
}
