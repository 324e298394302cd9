import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError, ownerMember, renderRoute } from '~/test/render';
import { SignUpDocument } from '../graphql/auth.graphql';
import { SignUpPage } from './SignUpPage';

const input = {
  workspaceName: 'Lovelace Bakery',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  password: 'correct horse battery',
};

async function fillIn(values = input) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Business name'), values.workspaceName);
  await user.type(screen.getByLabelText('Your name'), values.name);
  await user.type(screen.getByLabelText('Email'), values.email);
  await user.type(screen.getByLabelText('Password'), values.password);
  await user.click(screen.getByRole('button', { name: 'Create workspace' }));
}

describe('SignUpPage', () => {
  it('validates with the domain schema before sending anything', async () => {
    const user = userEvent.setup();
    renderRoute(<SignUpPage />, { path: '/sign-up', member: null, mocks: [] });
    await user.type(screen.getByLabelText('Email'), 'not-an-email');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create workspace' }));

    const business = screen.getByLabelText('Business name');
    expect(business).toHaveAttribute('aria-invalid', 'true');
    expect(business).toHaveAccessibleDescription(/Required/);
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/Enter a valid email address/);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/Use at least 10 characters/);
    // Focus goes to the first field to fix; nothing was sent (a request would fail: no mocks).
    await waitFor(() => expect(business).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('clears a field error once the field is edited', async () => {
    const user = userEvent.setup();
    renderRoute(<SignUpPage />, { path: '/sign-up', member: null });
    await user.click(screen.getByRole('button', { name: 'Create workspace' }));
    const name = screen.getByLabelText('Your name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    await user.type(name, 'A');
    expect(name).not.toHaveAttribute('aria-invalid');
  });

  it('shows the API field errors beside their fields', async () => {
    renderRoute(<SignUpPage />, {
      path: '/sign-up',
      member: null,
      mocks: [
        {
          request: { query: SignUpDocument, variables: input },
          result: {
            errors: [
              graphqlError('BAD_USER_INPUT', 'Invalid input', {
                email: 'An account with this email already exists',
              }),
            ],
          },
        },
      ],
    });
    await fillIn();

    const email = await screen.findByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/An account with this email already exists/);
    expect(screen.getByLabelText('Business name')).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows other API errors above the form', async () => {
    renderRoute(<SignUpPage />, {
      path: '/sign-up',
      member: null,
      mocks: [
        {
          request: { query: SignUpDocument, variables: input },
          result: { errors: [graphqlError('RATE_LIMITED', 'Too many requests')] },
        },
      ],
    });
    await fillIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts. Wait a minute and try again.',
    );
  });

  it('signs up and goes where the user was heading', async () => {
    const { router } = renderRoute(<SignUpPage />, {
      path: '/sign-up',
      url: '/sign-up?next=%2Fcustomers',
      member: null,
      routes: [{ path: '/customers', element: <p>Customers list</p> }],
      mocks: [
        {
          request: { query: SignUpDocument, variables: input },
          result: { data: { signUp: { __typename: 'AuthPayload', member: ownerMember } } },
        },
      ],
    });
    await fillIn();
    expect(await screen.findByText('Customers list')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/customers');
  });
});
