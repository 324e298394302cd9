import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { ScheduleCheckInDocument } from '../graphql/check-ins.graphql';
import { PlanCheckInForm } from './PlanCheckInForm';

const now = new Date('2025-06-04T12:00:00');
const customerId = '00000000-0000-4000-8000-000000000001';
const grace = { id: '7b0e0f54-3c2a-4b1e-9d43-0a9e4f1f0009', name: 'Grace Hopper' };

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
        { __typename: 'Member', id: grace.id, name: grace.name, email: 'grace@example.com', role: 'STAFF' },
      ],
    },
  },
  maxUsageCount: 5,
};

function planned(input: { dueAt: string; note: string | null; assigneeId: string }) {
  const assignee = input.assigneeId === grace.id ? grace : ownerMember;
  return {
    __typename: 'CheckIn',
    id: '00000000-0000-4000-8000-000000000101',
    status: 'PLANNED',
    dueAt: input.dueAt,
    note: input.note,
    closedAt: null,
    skipReason: null,
    assignee: { __typename: 'Member', id: assignee.id, name: assignee.name },
    customer: { __typename: 'Customer', id: customerId, name: 'Bea Baker' },
  };
}

function renderForm(mocks: RenderRouteOptions['mocks'] = [], owner: typeof grace | null = grace) {
  const onPlanned = jest.fn();
  const onCancel = jest.fn();
  renderRoute(
    <PlanCheckInForm
      customerId={customerId}
      owner={owner}
      onPlanned={onPlanned}
      onCancel={onCancel}
      now={now}
    />,
    { mocks: [members, ...(mocks ?? [])] },
  );
  return { onPlanned, onCancel, user: userEvent.setup() };
}

describe('PlanCheckInForm', () => {
  it("plans a check-in at 09:00 local on the chosen day, for the customer's owner", async () => {
    const input = {
      customerId,
      dueAt: new Date('2025-07-01T09:00').toISOString(),
      assigneeId: grace.id,
      note: 'Ask about the new shop',
    };
    const { user, onPlanned } = renderForm([
      {
        request: {
          query: ScheduleCheckInDocument,
          variables: { input: { ...input, idempotencyKey: TEST_IDEMPOTENCY_KEY } },
        },
        result: { data: { scheduleCheckIn: planned(input) } },
      },
    ]);
    const date = screen.getByLabelText('Due date');
    expect(date).toHaveFocus();
    expect(screen.getByLabelText(/^Time/)).toHaveValue('09:00');
    expect(await screen.findByRole('option', { name: 'Ada Lovelace (you)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Who checks in')).toHaveValue(grace.id);
    expect(screen.getByRole('option', { name: 'Grace Hopper (owner)' })).toBeInTheDocument();

    await user.type(date, '2025-07-01');
    await user.type(screen.getByLabelText(/^Note/), '  Ask about the new shop ');
    await user.click(screen.getByRole('button', { name: 'Plan check-in' }));

    await waitFor(() =>
      expect(onPlanned).toHaveBeenCalledWith(expect.objectContaining({ dueAt: input.dueAt })),
    );
  });

  it('takes a time, and assigns me when the customer has no owner', async () => {
    const input = {
      customerId,
      dueAt: new Date('2025-06-10T14:30').toISOString(),
      assigneeId: ownerMember.id,
      note: null,
    };
    const { user, onPlanned } = renderForm(
      [
        {
          request: {
            query: ScheduleCheckInDocument,
            variables: { input: { ...input, idempotencyKey: TEST_IDEMPOTENCY_KEY } },
          },
          result: { data: { scheduleCheckIn: planned(input) } },
        },
      ],
      null,
    );
    expect(screen.getByLabelText('Who checks in')).toHaveValue(ownerMember.id);
    await user.type(screen.getByLabelText('Due date'), '2025-06-10');
    const time = screen.getByLabelText(/^Time/);
    await user.clear(time);
    await user.type(time, '14:30');
    await user.click(screen.getByRole('button', { name: 'Plan check-in' }));

    await waitFor(() => expect(onPlanned).toHaveBeenCalled());
  });

  it('asks for a date, and refuses one more than a year ahead, before sending anything', async () => {
    const { user, onPlanned } = renderForm();
    const date = screen.getByLabelText('Due date');
    await user.click(screen.getByRole('button', { name: 'Plan check-in' }));
    expect(date).toHaveAttribute('aria-invalid', 'true');
    expect(date).toHaveAccessibleDescription(/Choose a date/);
    await waitFor(() => expect(date).toHaveFocus());

    await user.type(date, '2026-07-01');
    expect(date).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Plan check-in' }));
    expect(date).toHaveAccessibleDescription(/At most a year ahead/);
    expect(onPlanned).not.toHaveBeenCalled();
  });

  it("shows the API's field error beside the assignee select", async () => {
    const input = {
      customerId,
      dueAt: new Date('2025-06-20T09:00').toISOString(),
      assigneeId: grace.id,
      note: null,
    };
    const { user, onPlanned } = renderForm([
      {
        request: {
          query: ScheduleCheckInDocument,
          variables: { input: { ...input, idempotencyKey: TEST_IDEMPOTENCY_KEY } },
        },
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', {
              assigneeId: 'Not a member of this workspace',
            }),
          ],
        },
      },
    ]);
    await user.type(screen.getByLabelText('Due date'), '2025-06-20');
    await user.click(screen.getByRole('button', { name: 'Plan check-in' }));

    const select = screen.getByLabelText('Who checks in');
    await waitFor(() => expect(select).toHaveAccessibleDescription(/Not a member of this workspace/));
    expect(select).toHaveAttribute('aria-invalid', 'true');
    await waitFor(() => expect(select).toHaveFocus());
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onPlanned).not.toHaveBeenCalled();
  });

  it('cancels', async () => {
    const { user, onCancel } = renderForm();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
  });
});
