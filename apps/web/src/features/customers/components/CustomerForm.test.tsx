import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import {
  CreateCustomerDocument,
  CustomerDocument,
  UpdateCustomerDocument,
} from '../graphql/customers.graphql';
import { CustomerForm } from './CustomerForm';

const members = {
  request: { query: MembersDocument },
  result: {
    data: {
      members: [
        {
          __typename: 'Member',
          id: ownerMember.id,
          name: ownerMember.name,
          email: ownerMember.email,
          role: 'OWNER',
        },
        {
          __typename: 'Member',
          id: '7b0e0f54-3c2a-4b1e-9d43-0a9e4f1f0009',
          name: 'Grace Hopper',
          email: 'grace@example.com',
          role: 'STAFF',
        },
      ],
    },
  },
  maxUsageCount: 5,
};

const savedCustomer = {
  __typename: 'Customer',
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  name: 'Bea Baker',
  company: null,
  email: null,
  phone: null,
  tags: ['vip'],
  status: 'ACTIVE',
  cadenceDays: 14,
  ownCadenceDays: 14,
  createdAt: '2025-01-01T00:00:00.000Z',
  owner: { __typename: 'Member', id: ownerMember.id, name: ownerMember.name },
  notes: null,
  profileFacts: [{ __typename: 'ProfileFact', label: 'Dog', value: 'Biscuit' }],
  lastRelationshipContactAt: null,
  nextCheckInDueAt: '2025-01-15T00:00:00.000Z',
  checkInOverdue: false,
  health: {
    __typename: 'RelationshipHealth',
    score: 50,
    band: 'WATCH',
    trend: 0,
    nextBestAction: 'Check in',
    factors: [],
  },
};

function renderForm(mocks: RenderRouteOptions['mocks'] = []) {
  const onSaved = jest.fn();
  renderRoute(<CustomerForm onSaved={onSaved} onCancel={jest.fn()} />, {
    path: '/customers/new',
    mocks: [members, ...(mocks ?? [])],
  });
  return { onSaved, user: userEvent.setup() };
}

describe('CustomerForm', () => {
  it('checks the input against the domain schema before sending', async () => {
    const { user } = renderForm();
    await user.type(screen.getByLabelText(/^Email/), 'nope');
    await user.click(screen.getByRole('button', { name: '+ Add a fact' }));
    await user.type(screen.getByLabelText('Fact 1 value'), 'Loves peonies');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription(/Required/);
    expect(screen.getByLabelText(/^Email/)).toHaveAccessibleDescription(/Enter a valid email address/);
    expect(screen.getByLabelText('Fact 1 label')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Fact 1 value')).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveFocus());
  });

  it('sends a clean input and reports the saved customer', async () => {
    const { user, onSaved } = renderForm([
      {
        request: {
          query: CreateCustomerDocument,
          variables: {
            input: {
              idempotencyKey: TEST_IDEMPOTENCY_KEY,
              name: 'Bea Baker',
              company: null,
              email: null,
              phone: null,
              tags: ['vip'],
              notes: null,
              profileFacts: [{ label: 'Dog', value: 'Biscuit' }],
              ownerId: ownerMember.id,
              cadenceDays: 14,
            },
          },
        },
        result: { data: { createCustomer: savedCustomer } },
      },
    ]);
    await user.type(screen.getByLabelText('Name'), '  Bea Baker ');
    await user.type(screen.getByLabelText(/^Tags/), 'VIP{Enter}');
    await user.type(screen.getByLabelText(/^Check-in cadence/), '14');
    // Two fact rows, one left blank: the blank one is not sent.
    await user.click(screen.getByRole('button', { name: '+ Add a fact' }));
    await user.click(screen.getByRole('button', { name: '+ Add a fact' }));
    await user.type(screen.getByLabelText('Fact 2 label'), 'Dog');
    await user.type(screen.getByLabelText('Fact 2 value'), 'Biscuit');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ name: 'Bea Baker' })));
  });

  it('shows API field errors beside the matching field and fact row', async () => {
    const { user } = renderForm([
      {
        request: { query: CreateCustomerDocument, variables: () => true },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Invalid input', {
              name: 'A customer with this name already exists',
              'profileFacts.0.value': 'At most 500 characters',
            }),
          ],
        },
      },
    ]);
    await user.type(screen.getByLabelText('Name'), 'Bea Baker');
    // Row 1 is blank and dropped, so the API's `profileFacts.0` is row 2.
    await user.click(screen.getByRole('button', { name: '+ Add a fact' }));
    await user.click(screen.getByRole('button', { name: '+ Add a fact' }));
    await user.type(screen.getByLabelText('Fact 2 label'), 'Story');
    await user.type(screen.getByLabelText('Fact 2 value'), 'Long');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));

    const name = screen.getByLabelText('Name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/A customer with this name already exists/);
    expect(screen.getByLabelText('Fact 2 value')).toHaveAccessibleDescription(/At most 500 characters/);
    expect(screen.getByLabelText('Fact 1 value')).not.toHaveAttribute('aria-invalid');
  });

  it('shows an error without fields above the form', async () => {
    const { user } = renderForm([
      {
        request: { query: CreateCustomerDocument, variables: () => true },
        result: { errors: [graphqlError('FORBIDDEN', 'Forbidden')] },
      },
    ]);
    await user.type(screen.getByLabelText('Name'), 'Bea Baker');
    await user.click(screen.getByRole('button', { name: 'Create customer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this');
  });

  it('offers the workspace members as owners, the current member first chosen', async () => {
    renderForm();
    const owner = screen.getByLabelText('Relationship owner');
    expect(owner).toHaveValue(ownerMember.id);
    await waitFor(() => expect(within(owner).getAllByRole('option')).toHaveLength(3));
    expect(within(owner).getByRole('option', { name: 'Grace Hopper' })).toBeInTheDocument();
  });

  it('refuses to overwrite a change made meanwhile: says so, reloads the latest, and saves on top of it', async () => {
    const input = (notes: string, version: number) => ({
      name: 'Bea Baker',
      company: null,
      email: null,
      phone: null,
      tags: ['vip'],
      notes,
      profileFacts: [{ label: 'Dog', value: 'Biscuit' }],
      ownerId: ownerMember.id,
      cadenceDays: 14,
      version,
    });
    const stale =
      'Someone else changed this customer since you opened it. Reload to see their change, then edit again.';
    const theirs = { ...savedCustomer, version: 2, notes: 'Moved to Leeds' };
    const onSaved = jest.fn();
    renderRoute(<CustomerForm customer={savedCustomer as never} onSaved={onSaved} onCancel={jest.fn()} />, {
      path: '/customers/x/edit',
      mocks: [
        members,
        {
          request: {
            query: UpdateCustomerDocument,
            variables: { id: savedCustomer.id, input: input('Likes rye', 1) },
          },
          result: { errors: [graphqlError('CONFLICT', stale, { version: stale })] },
        },
        {
          request: { query: CustomerDocument, variables: { id: savedCustomer.id } },
          result: { data: { customer: theirs } },
        },
        {
          request: {
            query: UpdateCustomerDocument,
            variables: { id: savedCustomer.id, input: input('Moved to Leeds; likes rye', 2) },
          },
          result: { data: { updateCustomer: { ...theirs, version: 3, notes: 'Moved to Leeds; likes rye' } } },
        },
      ],
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^Notes/), 'Likes rye');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/since you opened it/);
    await user.click(within(alert).getByRole('button', { name: 'Reload the latest' }));
    await waitFor(() => expect(screen.getByLabelText(/^Notes/)).toHaveValue('Moved to Leeds'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Notes/), '; likes rye');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 3 })));
  });
});
