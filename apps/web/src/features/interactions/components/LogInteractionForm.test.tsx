import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TouchpointsDocument } from '~/features/touchpoints/graphql/touchpoints.graphql';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { LogInteractionDocument, QuickLogDefaultsDocument } from '../graphql/interactions.graphql';
import { LogInteractionForm } from './LogInteractionForm';

const customerId = '00000000-0000-4000-8000-000000000001';
const key = TEST_IDEMPOTENCY_KEY;

function defaults(channel: string | null) {
  return {
    request: { query: QuickLogDefaultsDocument, variables: { id: customerId } },
    result: {
      data: {
        customer: {
          __typename: 'Customer',
          id: customerId,
          interactions: {
            __typename: 'InteractionConnection',
            edges: channel
              ? [{ __typename: 'InteractionEdge', node: { __typename: 'Interaction', id: 'i-0', channel } }]
              : [],
          },
        },
      },
    },
  };
}

const quickInput = {
  customerId,
  touchpointId: null,
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: 'Asked how the new shop is going',
  frictionNote: null,
  occurredAt: null,
  followUpAt: null,
  idempotencyKey: key,
};

const logged = {
  __typename: 'Interaction',
  id: 'i-1',
  occurredAt: '2025-06-01T10:00:00.000Z',
  channel: 'PHONE',
  direction: 'OUTBOUND',
  purpose: 'RELATIONSHIP',
  sentiment: 1,
  summary: quickInput.summary,
  frictionNote: null,
  followUpAt: null,
  member: { __typename: 'Member', id: ownerMember.id, name: ownerMember.name },
  touchpoint: null,
};

function renderForm(mocks: RenderRouteOptions['mocks'] = [], channel: string | null = 'PHONE') {
  const onLogged = jest.fn();
  renderRoute(<LogInteractionForm customerId={customerId} onLogged={onLogged} onCancel={jest.fn()} />, {
    mocks: [defaults(channel), ...(mocks ?? [])],
  });
  return { onLogged, user: userEvent.setup() };
}

describe('LogInteractionForm', () => {
  it('logs a relationship check-in on the last channel with a summary and a tap', async () => {
    const { user, onLogged } = renderForm([
      {
        request: { query: LogInteractionDocument, variables: { input: quickInput } },
        result: { data: { logInteraction: logged } },
      },
    ]);
    expect(await screen.findByText(/by Phone \(their last channel\)/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '0 Neutral' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '+1 Positive' }));
    await user.type(screen.getByLabelText('Summary'), `  ${quickInput.summary} `);
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));

    await waitFor(() => expect(onLogged).toHaveBeenCalledWith(expect.objectContaining({ id: 'i-1' })));
    expect(crypto.randomUUID).toHaveBeenCalledTimes(1);
  });

  it('asks for a summary, and for a channel when there is no last one, before sending', async () => {
    const { user, onLogged } = renderForm([], null);
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));

    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription(/Required/);
    expect(screen.getByLabelText('Channel')).toHaveAccessibleDescription(/Choose a channel or a touchpoint/);
    await waitFor(() => expect(screen.getByLabelText('Channel')).toHaveFocus());
    expect(onLogged).not.toHaveBeenCalled();
  });

  it('shows the API field errors beside their fields, opening the full form', async () => {
    const { user, onLogged } = renderForm([
      {
        request: {
          query: LogInteractionDocument,
          variables: { input: { ...quickInput, sentiment: 0, summary: 'Hi' } },
        },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', {
              occurredAt: 'Cannot be before the customer was added',
              summary: 'Too short to be useful',
            }),
          ],
        },
      },
    ]);
    await screen.findByText(/their last channel/);
    await user.type(screen.getByLabelText('Summary'), 'Hi');
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));

    expect(await screen.findByLabelText(/^When/)).toHaveAccessibleDescription(
      /Cannot be before the customer was added/,
    );
    expect(screen.getByLabelText('Summary')).toHaveAccessibleDescription(/Too short to be useful/);
    expect(onLogged).not.toHaveBeenCalled();
  });

  it('reuses the idempotency key when a failed submit is retried', async () => {
    const request = { query: LogInteractionDocument, variables: { input: { ...quickInput, sentiment: 0 } } };
    const { user, onLogged } = renderForm([
      { request, error: new TypeError('Failed to fetch') },
      { request, result: { data: { logInteraction: logged } } },
    ]);
    await screen.findByText(/their last channel/);
    await user.type(screen.getByLabelText('Summary'), quickInput.summary);
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not reach Rapport/);
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));

    await waitFor(() => expect(onLogged).toHaveBeenCalled());
    expect(crypto.randomUUID).toHaveBeenCalledTimes(1);
  });

  it('offers every field one tap away', async () => {
    const { user } = renderForm([
      { request: { query: TouchpointsDocument }, result: { data: { touchpoints: [] } }, maxUsageCount: 5 },
    ]);
    await screen.findByText(/their last channel/);
    await user.click(screen.getByRole('button', { name: 'More details' }));
    for (const label of [
      'Touchpoint',
      'Purpose',
      'Direction',
      'Channel',
      'Friction note',
      'When',
      'Follow up on',
    ]) {
      expect(screen.getByLabelText(new RegExp(`^${label}`))).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Purpose')).toHaveValue('RELATIONSHIP');
    expect(screen.getByLabelText('Channel')).toHaveValue('PHONE');
    await waitFor(() =>
      expect(screen.getByLabelText(/^Touchpoint/)).not.toHaveAccessibleDescription(/Loading/),
    );
  });
});
