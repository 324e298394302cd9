import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { CompleteCheckInDocument } from '../graphql/check-ins.graphql';
import { CompleteCheckInForm } from './CompleteCheckInForm';

const checkInId = '00000000-0000-4000-8000-000000000101';
const summary = 'Talked about their holiday; all well';

function renderForm(mocks: RenderRouteOptions['mocks'] = []) {
  const onDone = jest.fn();
  const onCancel = jest.fn();
  renderRoute(<CompleteCheckInForm checkInId={checkInId} onDone={onDone} onCancel={onCancel} />, { mocks });
  return { onDone, onCancel, user: userEvent.setup() };
}

const request = {
  query: CompleteCheckInDocument,
  variables: { id: checkInId, input: { summary, sentiment: 2 } },
};

describe('CompleteCheckInForm', () => {
  it('completes the check-in with the summary and sentiment', async () => {
    const { user, onDone } = renderForm([
      {
        request,
        result: {
          data: {
            completeCheckIn: {
              __typename: 'CheckIn',
              id: checkInId,
              status: 'DONE',
              dueAt: '2025-06-01T09:00:00.000Z',
              note: null,
              closedAt: '2025-06-02T10:00:00.000Z',
              skipReason: null,
              assignee: { __typename: 'Member', id: ownerMember.id, name: ownerMember.name },
              customer: { __typename: 'Customer', id: 'c-1', name: 'Bea Baker' },
            },
          },
        },
      },
    ]);
    await user.click(screen.getByRole('radio', { name: '+2 Very positive' }));
    await user.type(screen.getByLabelText('How did it go?'), `  ${summary} `);
    await user.click(screen.getByRole('button', { name: 'Mark done' }));

    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });

  it('asks for a summary before sending', async () => {
    const { user, onDone } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Mark done' }));
    const field = screen.getByLabelText('How did it go?');
    expect(field).toHaveAccessibleDescription(/Required/);
    await waitFor(() => expect(field).toHaveFocus());
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows a CONFLICT (already closed) above the form', async () => {
    const { user, onDone } = renderForm([
      {
        request,
        result: { errors: [graphqlError('CONFLICT', 'This check-in is already done.')] },
      },
    ]);
    await user.click(screen.getByRole('radio', { name: '+2 Very positive' }));
    await user.type(screen.getByLabelText('How did it go?'), summary);
    await user.click(screen.getByRole('button', { name: 'Mark done' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This check-in is already done.');
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Mark done' })).toBeEnabled();
  });

  it('cancels', async () => {
    const { user, onCancel } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
