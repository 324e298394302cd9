import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError, ownerMember, renderRoute } from '~/test/render';
import { SignInDocument } from '../graphql/auth.graphql';
import { SignInPage } from './SignInPage';

const credentials = { email: 'ada@example.com', password: 'correct horse battery' };

async function signIn() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Email'), ' ADA@example.com ');
  await user.type(screen.getByLabelText('Password'), credentials.password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('says when the email and password do not match', async () => {
    renderRoute(<SignInPage />, {
      path: '/sign-in',
      member: null,
      mocks: [
        {
          request: { query: SignInDocument, variables: credentials },
          result: { errors: [graphqlError('UNAUTHENTICATED', 'Invalid credentials')] },
        },
      ],
    });
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email and password do not match an account.',
    );
  });

  it('goes back to the page that asked for a session, and never off-site', async () => {
    const { router } = renderRoute(<SignInPage />, {
      path: '/sign-in',
      url: `/sign-in?next=${encodeURIComponent('/customers/42?tab=facts')}`,
      member: null,
      routes: [{ path: '/customers/:id', element: <p>Customer 42</p> }],
      mocks: [
        {
          request: { query: SignInDocument, variables: credentials },
          result: { data: { signIn: { __typename: 'AuthPayload', member: ownerMember } } },
        },
      ],
    });
    await signIn();
    expect(await screen.findByText('Customer 42')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?tab=facts');
  });
});
