import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CustomerCheckInsDocument,
  ScheduleCheckInDocument,
} from '~/features/check-ins/graphql/check-ins.graphql';
import {
  AskForFeedbackDocument,
  AskForFeedbackSurveysDocument,
  CustomerFeedbackRequestsDocument,
} from '~/features/feedback-requests/graphql/feedback-requests.graphql';
import { TIMELINE_PAGE_SIZE } from '~/features/interactions/components/Timeline';
import {
  CustomerTimelineDocument,
  LogInteractionDocument,
  QuickLogDefaultsDocument,
} from '~/features/interactions/graphql/interactions.graphql';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { CustomerDocument } from '../graphql/customers.graphql';
import { CustomerPage } from './CustomerPage';

const id = '00000000-0000-4000-8000-000000000001';
const SURVEY_ID = '00000000-0000-4000-8000-000000000401';
const SURVEY_ID_2 = '00000000-0000-4000-8000-000000000402';
const ANON_SURVEY_ID = '00000000-0000-4000-8000-000000000403';
const INTERACTION_ID = '00000000-0000-4000-8000-000000000501';
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
                frictionSource: 'MANUAL',
                createdAt: '2025-04-20T09:00:00.000Z',
                touchpoint: { __typename: 'Touchpoint', id: 'tp-1', name: 'Billing' },
              },
            },
            {
              __typename: 'TimelineEdge',
              cursor: 'c4',
              node: {
                __typename: 'FeedbackResponse',
                id: '00000000-0000-4000-8000-000000000300',
                score: 3,
                comment: 'The order was late again',
                respondedAt: '2025-04-18T09:00:00.000Z',
                survey: { __typename: 'Survey', id: SURVEY_ID, name: 'After delivery', type: 'NPS' },
              },
            },
            {
              __typename: 'TimelineEdge',
              cursor: 'c5',
              node: {
                __typename: 'FrictionPoint',
                id: '00000000-0000-4000-8000-000000000201',
                description: 'NPS 3/10: The order was late again',
                severity: 2,
                frictionStatus: 'OPEN',
                frictionSource: 'FEEDBACK',
                createdAt: '2025-04-18T09:00:00.000Z',
                touchpoint: null,
              },
            },
            {
              __typename: 'TimelineEdge',
              cursor: 'c6',
              node: {
                __typename: 'FeedbackResponse',
                id: '00000000-0000-4000-8000-000000000301',
                score: 5,
                comment: null,
                respondedAt: '2025-03-18T09:00:00.000Z',
                survey: { __typename: 'Survey', id: SURVEY_ID_2, name: 'Counter service', type: 'CSAT' },
              },
            },
          ],
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c6' },
          totalCount: 6,
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

const feedbackRequest = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'FeedbackRequest',
  id: '00000000-0000-4000-8000-000000000601',
  url: 'http://localhost:3000/f/secret-token',
  status: 'PENDING',
  createdAt: '2025-06-01T09:00:00.000Z',
  expiresAt: '2025-06-15T09:00:00.000Z',
  survey: { __typename: 'Survey', id: SURVEY_ID, name: 'After delivery', type: 'NPS' },
  response: null,
  ...overrides,
});

const answeredRequest = feedbackRequest({
  id: '00000000-0000-4000-8000-000000000602',
  status: 'ANSWERED',
  createdAt: '2025-04-10T09:00:00.000Z',
  response: {
    __typename: 'FeedbackResponse',
    id: '00000000-0000-4000-8000-000000000300',
    score: 3,
    respondedAt: '2025-04-18T09:00:00.000Z',
  },
});

const feedbackRequestsMock = (requests: object[]) => ({
  request: { query: CustomerFeedbackRequestsDocument, variables: { customerId: id } },
  result: { data: { feedbackRequests: requests } },
});

const surveysMock = {
  request: { query: AskForFeedbackSurveysDocument },
  result: {
    data: {
      surveys: [
        {
          __typename: 'Survey',
          id: ANON_SURVEY_ID,
          name: 'At the counter',
          type: 'CSAT',
          question: 'How was your visit?',
          anonymous: true,
        },
        {
          __typename: 'Survey',
          id: SURVEY_ID,
          name: 'After delivery',
          type: 'NPS',
          question: 'How likely are you to recommend us?',
          anonymous: false,
        },
        {
          __typename: 'Survey',
          id: SURVEY_ID_2,
          name: 'Counter service',
          type: 'CSAT',
          question: 'How happy were you with the service?',
          anonymous: false,
        },
      ],
    },
  },
};

function renderPage(url = `/customers/${id}`, mocks: RenderRouteOptions['mocks'] = []) {
  return renderRoute(<CustomerPage />, {
    path: '/customers/:id',
    url,
    mocks: [
      customerMock,
      timelineMock,
      checkInsMock,
      feedbackRequestsMock([answeredRequest]),
      ...(mocks ?? []),
    ],
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
    expect(entries).toHaveLength(6);
    expect(entries[0]).toHaveTextContent('Chatted about the spring market');
    expect(entries[1]).toHaveTextContent('Check-in skipped');
    expect(entries[1]).toHaveTextContent('Reason: On holiday');
    expect(entries[2]).toHaveTextContent('Friction, being fixed');
    expect(entries[2]).toHaveTextContent('Invoice was wrong twice');
    expect(entries[2]).toHaveTextContent('Severity 2 of 3 · at Billing');
    expect(entries[3]).toHaveTextContent('Feedback');
    expect(entries[3]).toHaveTextContent('NPS 3/10 — “The order was late again”');
    expect(entries[3]).toHaveTextContent('After delivery · a low answer: a follow-up was raised');
    expect(entries[4]).toHaveTextContent('Follow-up on feedback, open');
    expect(entries[5]).toHaveTextContent('CSAT 5/5');
    expect(entries[5]).toHaveTextContent('Counter service');
    expect(entries[5]).not.toHaveTextContent('—');
    expect(entries[5]).not.toHaveTextContent('follow-up');

    const requests = await screen.findByRole('list', { name: 'Feedback requests' });
    expect(within(requests).getAllByRole('listitem')).toHaveLength(1);
    expect(requests).toHaveTextContent('After delivery');
    expect(requests).toHaveTextContent('Answered');
    expect(requests).toHaveTextContent('answered NPS 3/10');

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
          variables: {
            input: {
              idempotencyKey: TEST_IDEMPOTENCY_KEY,
              customerId: id,
              dueAt,
              assigneeId: ownerMember.id,
              note: null,
            },
          },
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

  it('asks for feedback: chooses an attributed survey, sends, shows the link to copy or email', async () => {
    const user = userEvent.setup();
    const created = feedbackRequest({
      survey: { __typename: 'Survey', id: SURVEY_ID_2, name: 'Counter service', type: 'CSAT' },
    });
    renderPage(undefined, [
      surveysMock,
      {
        request: {
          query: AskForFeedbackDocument,
          variables: {
            input: {
              idempotencyKey: TEST_IDEMPOTENCY_KEY,
              surveyId: SURVEY_ID_2,
              customerId: id,
              interactionId: null,
              expiresInDays: 7,
            },
          },
        },
        result: { data: { requestFeedback: created } },
      },
      feedbackRequestsMock([created, answeredRequest]),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Ask for feedback' }));
    const form = await screen.findByRole('form', { name: 'Ask for feedback' });
    const survey = await within(form).findByLabelText('Survey');
    // Anonymous surveys are answered through their shared link: not offered here.
    expect(
      within(survey)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['After delivery (NPS)', 'Counter service (CSAT)']);
    await user.selectOptions(survey, SURVEY_ID_2);
    expect(within(form).getByText('“How happy were you with the service?”')).toBeInTheDocument();
    const days = within(form).getByLabelText('Link valid for (days)');
    expect(days).toHaveValue(14);
    await user.clear(days);
    await user.type(days, '7');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));

    expect(await screen.findByLabelText('Feedback link')).toHaveValue('http://localhost:3000/f/secret-token');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    const email = screen.getByRole('link', { name: 'Email it to bea@example.com' });
    const href = email.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:bea@example.com?subject=')).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).toBe('A quick question from Lovelace Bakery');
    expect(params.get('body')).toContain('Hi Bea,');
    expect(params.get('body')).toContain('How happy were you with the service?');
    expect(params.get('body')).toContain('http://localhost:3000/f/secret-token');
    expect(params.get('body')).toContain('Ada Lovelace, Lovelace Bakery');

    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Feedback requests' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    expect(screen.getByRole('list', { name: 'Feedback requests' })).toHaveTextContent('Waiting');
    const panel = screen.getByRole('heading', { level: 2, name: 'Ask for feedback' }).closest('section');
    await user.click(within(panel as HTMLElement).getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('Feedback link')).not.toBeInTheDocument();
  });

  it('shows the waiting-period CONFLICT and a bad expiry beside the field', async () => {
    const user = userEvent.setup();
    const message =
      "This customer was asked for feedback on 2025-06-01; ask again once the workspace's waiting period has passed";
    renderPage(undefined, [
      surveysMock,
      {
        request: {
          query: AskForFeedbackDocument,
          variables: {
            input: {
              idempotencyKey: TEST_IDEMPOTENCY_KEY,
              surveyId: SURVEY_ID,
              customerId: id,
              interactionId: null,
              expiresInDays: 14,
            },
          },
        },
        result: { errors: [graphqlError('CONFLICT', message)] },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Ask for feedback' }));
    const form = await screen.findByRole('form', { name: 'Ask for feedback' });
    const days = await within(form).findByLabelText('Link valid for (days)');
    await user.clear(days);
    await user.type(days, '120');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));
    expect(await within(form).findByText('At most 90 days')).toBeInTheDocument();
    expect(days).toHaveAttribute('aria-invalid', 'true');

    await user.clear(days);
    await user.type(days, '14');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByLabelText('Feedback link')).not.toBeInTheDocument();
  });

  it('offers to ask for feedback about an interaction right after logging it', async () => {
    const user = userEvent.setup();
    const logged = {
      __typename: 'Interaction',
      id: INTERACTION_ID,
      occurredAt: '2025-06-02T10:00:00.000Z',
      channel: 'PHONE',
      direction: 'OUTBOUND',
      purpose: 'RELATIONSHIP',
      sentiment: 1,
      summary: 'Delivered the wedding cake',
      frictionNote: null,
      followUpAt: null,
      member: owner,
      touchpoint: null,
    };
    renderPage(`/customers/${id}?log=check-in`, [
      quickLogDefaultsMock,
      {
        request: { query: LogInteractionDocument, variables: () => true },
        result: { data: { logInteraction: logged } },
      },
      surveysMock,
      {
        request: {
          query: AskForFeedbackDocument,
          variables: {
            input: {
              idempotencyKey: TEST_IDEMPOTENCY_KEY,
              surveyId: SURVEY_ID,
              customerId: id,
              interactionId: INTERACTION_ID,
              expiresInDays: 14,
            },
          },
        },
        result: { data: { requestFeedback: feedbackRequest() } },
      },
      feedbackRequestsMock([feedbackRequest(), answeredRequest]),
    ]);
    const summary = await screen.findByLabelText('Summary');
    fireEvent.change(summary, { target: { value: 'Delivered the wedding cake' } });
    await user.click(screen.getByRole('button', { name: 'Log interaction' }));
    const offer = await screen.findByRole('button', { name: 'Ask for feedback about it' });
    expect(screen.getByText('Interaction logged.')).toBeInTheDocument();
    await user.click(offer);
    const form = await screen.findByRole('form', { name: 'Ask for feedback' });
    expect(within(form).getByText('About the interaction you just logged.')).toBeInTheDocument();
    await within(form).findByLabelText('Survey');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));
    expect(await screen.findByLabelText('Feedback link')).toHaveValue('http://localhost:3000/f/secret-token');
  });
});
