import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CustomerCheckInsDocument,
  ScheduleCheckInDocument,
} from '~/features/check-ins/graphql/check-ins.graphql';
import { TIMELINE_PAGE_SIZE } from '~/features/interactions/components/Timeline';
import {
  CustomerTimelineDocument,
  QuickLogDefaultsDocument,
} from '~/features/interactions/graphql/interactions.graphql';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import { ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { CustomerDocument } from '../graphql/customers.graphql';
import { CustomerPage } from './CustomerPage';

const id = '00000000-0000-4000-8000-000000000001';
const owner = { __typename: 'Member', id: ownerMember.id, name: ownerMember.name };

const customer = {
  __typename: 'Customer',
  id,
  name: 'Bea Baker',
  company: 'Baker & Daughters',
  email: 'bea@example.com',
  phone: null,
  tags: ['vip'],
  status: 'ACTIVE',
  cadenceDays: 14,
  ownCadenceDays: 14,
  createdAt: '2025-01-01T00:00:00.000Z',
  owner,
  notes: 'Prefers calls in the morning.',
  profileFacts: [{ __typename: 'ProfileFact', label: 'Dog', value: 'Biscuit' }],
  lastRelationshipContactAt: '2025-05-20T10:00:00.000Z',
  nextCheckInDueAt: '2099-06-03T09:00:00.000Z',
  checkInOverdue: false,
  health: {
    __typename: 'RelationshipHealth',
    score: 72,
    band: 'HEALTHY',
    trend: 4,
    nextBestAction: 'Send a thank-you note',
    factors: [
      {
        __typename: 'HealthFactor',
        key: 'recency',
        value: 12,
        points: 20,
        explanation: 'Contacted 12 days ago',
      },
    ],
  },
};

const plannedCheckIn: { id: string; dueAt: string; note: string | null; [field: string]: unknown } = {
  __typename: 'CheckIn',
  id: '00000000-0000-4000-8000-000000000101',
  status: 'PLANNED',
  dueAt: '2099-06-03T09:00:00.000Z',
  note: 'Ask about the second shop',
  closedAt: null,
  skipReason: null,
  assignee: owner,
  customer: { __typename: 'Customer', id, name: customer.name },
};

function checkInsResult(nodes: { id: string }[]) {
  return {
    data: {
      customer: {
        __typename: 'Customer',
        id,
        checkIns: {
          __typename: 'CheckInConnection',
          edges: nodes.map((node) => ({ __typename: 'CheckInEdge', node })),
          totalCount: nodes.length,
        },
      },
    },
  };
}

const customerMock = {
  request: { query: CustomerDocument, variables: { id } },
  result: { data: { customer } },
  maxUsageCount: 5,
};

const timelineMock = {
  request: { query: CustomerTimelineDocument, variables: { id, first: TIMELINE_PAGE_SIZE } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id,
        timeline: {
          __typename: 'TimelineConnection',
          edges: [
            {
              __typename: 'TimelineEdge',
              cursor: 'c1',
              node: {
                __typename: 'Interaction',
                id: 'i-1',
                occurredAt: '2025-05-20T10:00:00.000Z',
                channel: 'PHONE',
                direction: 'OUTBOUND',
                purpose: 'RELATIONSHIP',
                sentiment: 1,
                summary: 'Chatted about the spring market',
                frictionNote: null,
                followUpAt: null,
                member: owner,
                touchpoint: null,
              },
            },
            {
              __typename: 'TimelineEdge',
              cursor: 'c2',
              node: {
                __typename: 'CheckIn',
                id: '00000000-0000-4000-8000-000000000100',
                status: 'SKIPPED',
                dueAt: '2025-05-01T09:00:00.000Z',
                closedAt: '2025-05-02T09:00:00.000Z',
                skipReason: 'On holiday',
                note: null,
                assignee: owner,
              },
            },
            {
              __typename: 'TimelineEdge',
              cursor: 'c3',
              node: {
                __typename: 'FrictionPoint',
                id: '00000000-0000-4000-8000-000000000200',
                description: 'Invoice was wrong twice',
                severity: 2,
                frictionStatus: 'IN_PROGRESS',
                createdAt: '2025-04-20T09:00:00.000Z',
                touchpoint: { __typename: 'Touchpoint', id: 'tp-1', name: 'Billing' },
              },
            },
          ],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c3' },
          totalCount: 3,
        },
      },
    },
  },
  maxUsageCount: 5,
};

const checkInsMock = {
  request: { query: CustomerCheckInsDocument, variables: { id } },
  result: checkInsResult([plannedCheckIn]),
};

const quickLogDefaultsMock = {
  request: { query: QuickLogDefaultsDocument, variables: { id } },
  result: {
    data: {
      customer: {
        __typename: 'Customer',
        id,
        interactions: {
          __typename: 'InteractionConnection',
          edges: [
            {
              __typename: 'InteractionEdge',
              node: { __typename: 'Interaction', id: 'i-1', channel: 'PHONE' },
            },
          ],
        },
      },
    },
  },
};

function renderPage(url = `/customers/${id}`, mocks: RenderRouteOptions['mocks'] = []) {
  return renderRoute(<CustomerPage />, {
    path: '/customers/:id',
    url,
    mocks: [customerMock, timelineMock, checkInsMock, ...(mocks ?? [])],
  });
}

describe('CustomerPage', () => {
  it('shows the health, the history and the planned check-ins', async () => {
    renderPage();
    expect(screen.getByRole('status')).toHaveTextContent('Loading customer…');

    expect(await screen.findByRole('heading', { level: 1, name: /Bea Baker/ })).toBeInTheDocument();
    const health = screen
      .getByRole('heading', { name: 'Relationship health' })
      .closest('section') as HTMLElement;
    expect(health).toHaveTextContent('Health 72 of 100, Healthy');
    expect(health).toHaveTextContent('Send a thank-you note');
    expect(within(health).getByRole('list', { name: 'What makes up the score' })).toHaveTextContent(
      'Contacted 12 days ago',
    );

    const history = await screen.findByRole('list', { name: 'History' });
    const entries = within(history).getAllByRole('listitem');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toHaveTextContent('Chatted about the spring market');
    expect(entries[1]).toHaveTextContent('Check-in skipped');
    expect(entries[1]).toHaveTextContent('Reason: On holiday');
    expect(entries[2]).toHaveTextContent('Friction, being fixed');
    expect(entries[2]).toHaveTextContent('Invoice was wrong twice');
    expect(entries[2]).toHaveTextContent('Severity 2 of 3 · at Billing');

    const planned = await screen.findByRole('list', { name: 'Planned check-ins' });
    expect(within(planned).getAllByRole('listitem')).toHaveLength(1);
    expect(planned).toHaveTextContent('Ada Lovelace · Ask about the second shop');
    expect(screen.getByRole('button', { name: 'Plan a check-in' })).toBeInTheDocument();
    // No quick log unless asked for.
    expect(screen.queryByLabelText('Summary')).not.toBeInTheDocument();
  });

  it('opens the quick log with the summary focused from ?log=check-in', async () => {
    renderPage(`/customers/${id}?log=check-in`, [quickLogDefaultsMock]);
    const summary = await screen.findByLabelText('Summary');
    expect(summary).toHaveFocus();
    expect(screen.getByRole('heading', { level: 2, name: 'Log interaction' })).toBeInTheDocument();
    // The form's own submit is the only "Log interaction" button: the header's is hidden while it is open.
    expect(screen.getAllByRole('button', { name: 'Log interaction' })).toHaveLength(1);
    expect(await screen.findByText(/by Phone \(their last channel\)/)).toBeInTheDocument();
  });

  it('plans a check-in: the list reloads and the form closes', async () => {
    const user = userEvent.setup();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const day = [
      inAWeek.getFullYear(),
      String(inAWeek.getMonth() + 1).padStart(2, '0'),
      String(inAWeek.getDate()).padStart(2, '0'),
    ].join('-');
    const dueAt = new Date(`${day}T09:00`).toISOString();
    const created = { ...plannedCheckIn, id: '00000000-0000-4000-8000-000000000102', dueAt, note: null };
    renderPage(undefined, [
      {
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
            ],
          },
        },
      },
      {
        request: {
          query: ScheduleCheckInDocument,
          variables: { input: { customerId: id, dueAt, assigneeId: ownerMember.id, note: null } },
        },
        result: { data: { scheduleCheckIn: created } },
      },
      {
        request: { query: CustomerCheckInsDocument, variables: { id } },
        result: checkInsResult([plannedCheckIn, created]),
        maxUsageCount: 5,
      },
    ]);
    const open = await screen.findByRole('button', { name: 'Plan a check-in' });
    await user.click(open);
    const form = screen.getByRole('form', { name: 'Plan a check-in' });
    expect(within(form).getByLabelText('Due date')).toHaveFocus();
    await user.type(within(form).getByLabelText('Due date'), day);
    await user.click(within(form).getByRole('button', { name: 'Plan check-in' }));

    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Planned check-ins' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    expect(screen.queryByRole('form', { name: 'Plan a check-in' })).not.toBeInTheDocument();
    expect(screen.getByText(/^Check-in planned for/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Plan a check-in' })).toHaveFocus());
  });
});
