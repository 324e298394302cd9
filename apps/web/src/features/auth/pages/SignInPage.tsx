import { useMutation } from '@apollo/client/react';
import { signInSchema, validate } from '@rapport/domain';
import { Button, FormError, TextField } from '@rapport/ui';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { hasErrorCode } from '~/app/errors';
import { useDocumentTitle } from '~/app/use-document-title';
import { onlyFields, useFormErrors } from '~/app/use-form-errors';
import { AuthLayout } from '../components/AuthLayout';
import { useCompleteSignIn } from '../components/use-complete-sign-in';
import { SignInDocument } from '../graphql/auth.graphql';

const FIELDS = ['email', 'password'];

export function SignInPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const [values, setValues] = useState({ email: '', password: '' });
  const { formRef, fieldErrors, formError, showFieldErrors, showError, clearField } = useFormErrors(
    onlyFields(...FIELDS),
  );
  const [signIn, { loading }] = useMutation(SignInDocument);
  const completeSignIn = useCompleteSignIn();

  const set = (field: 'email' | 'password') => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    clearField(field);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(signInSchema, values);
    if (!checked.ok) return showFieldErrors(checked.fields);
    try {
      const { data } = await signIn({ variables: checked.value });
      if (data) await completeSignIn(data.signIn.member);
    } catch (error) {
      if (hasErrorCode(error, 'UNAUTHENTICATED')) {
        showFieldErrors({}, 'That email and password do not match an account.');
      } else showError(error);
    }
  };

  const next = params.get('next');
  return (
    <AuthLayout
      title="Sign in to Rapport"
      subtitle={next ? 'Sign in to continue where you were.' : 'Welcome back.'}
      footer={
        <>
          New to Rapport?{' '}
          <Link to={next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up'}>Create a workspace</Link>
        </>
      }
    >
      <form ref={formRef} className="form-stack" noValidate onSubmit={(e) => void onSubmit(e)}>
        <FormError message={formError} />
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
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={fieldErrors.password}
        />
        <Button type="submit" block loading={loading}>
          Sign in
        </Button>
      </form>
    </AuthLayout>
  );
}
