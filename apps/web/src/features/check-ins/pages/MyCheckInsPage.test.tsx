import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ownerMember, renderRoute } from '~/test/render';
import { MyCheckInsDocument, SkipCheckInDocument } from '../graphql/check-ins.graphql';
import { endOfWeek } from './end-of-week';
import { MY_CHECK_INS_PAGE_SIZE, MyCheckInsPage } from './MyCheckInsPage';

const now = new Date('2025-06-04T12:00:00'); // a Wednesday
const request = {
  query: MyCheckInsDocument,
  variables: {
    assigneeId: ownerMember.id,
    dueBefore: endOfWeek(now).toISOString(),
    first: MY_CHECK_INS_PAGE_SIZE,
  },
};

function checkIn(n: number, dueAt: string, status = 'PLANNED') {
  return {
    __typename: 'CheckIn',
    id: `00000000-0000-4000-8000-00000000010${n}`,
    status,
    dueAt,
    note: null,
    closedAt: null,
    skipReason: null,
    assignee: { __typename: 'Member', id: ownerMember.id, name: ownerMember.name },
    customer: { __typename: 'Customer', id: `c-${n}`, name: `Customer ${n}` },
  };
}

function result(nodes: ReturnType<typeof checkIn>[]) {
  return {
    data: {
      checkIns: {
        __typename: 'CheckInConnection',
        edges: nodes.map((node) => ({ __typename: 'CheckInEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        totalCount: nodes.length,
      },
    },
  };
}

describe('endOfWeek', () => {
  it('is the next Monday at midnight', () => {
    expect(endOfWeek(now)).toEqual(new Date('2025-06-09T00:00:00'));
    expect(endOfWeek(new Date('2025-06-08T23:00:00'))).toEqual(new Date('2025-06-09T00:00:00'));
    expect(endOfWeek(new Date('2025-06-09T08:00:00'))).toEqual(new Date('2025-06-16T00:00:00'));
  });
});

describe('MyCheckInsPage', () => {
  it('says when nothing is due', async () => {
    renderRoute(<MyCheckInsPage now={now} />, { mocks: [{ request, result: result([]) }] });
    expect(screen.getByRole('status')).toHaveTextContent('Loading your check-ins…');
    expect(await screen.findByText('Nothing due this week')).toBeInTheDocument();
  });

  it('lists my check-ins, marks overdue ones and skips one with a reason', async () => {
    const user = userEvent.setup();
    const overdue = checkIn(1, '2025-06-01T09:00:00.000Z');
    const later = checkIn(2, '2025-06-06T09:00:00.000Z');
    renderRoute(<MyCheckInsPage now={now} />, {
      mocks: [
        { request, result: result([overdue, later]) },
        {
          request: { query: SkipCheckInDocument, variables: { id: overdue.id, reason: 'On holiday' } },
          result: {
            data: {
              skipCheckIn: {
                ...overdue,
                status: 'SKIPPED',
                skipReason: 'On holiday',
                closedAt: now.toISOString(),
              },
            },
          },
        },
        { request, result: result([later]) },
      ],
    });
    const [first, second] = await screen.findAllByRole('listitem');
    expect(first).toHaveTextContent('Customer 1');
    expect(first).toHaveTextContent('Overdue');
    expect(second).not.toHaveTextContent('Overdue');

    await user.click(screen.getAllByRole('button', { name: 'Skip' })[0] as HTMLElement);
    await user.click(screen.getByRole('button', { name: 'Skip check-in' }));
    expect(screen.getByLabelText('Why skip it?')).toHaveAccessibleDescription(/Required/);
    await user.type(screen.getByLabelText('Why skip it?'), 'On holiday');
    await user.click(screen.getByRole('button', { name: 'Skip check-in' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Customer 1' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Customer 2' })).toBeInTheDocument();
  });
});
