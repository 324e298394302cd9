import { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { MockLink } from '@apollo/client/testing';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '~/app/apollo-client';
import { SessionProvider } from '~/app/session';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import type { DashboardQuery } from '~/gql/graphql';
import { type RenderRouteOptions, renderRoute, staffMember } from '~/test/render';
import { DASHBOARD_DAYS } from '../components/dashboard-format';
import type { Asking } from '../dashboard-answer';
import { loadDashboard } from '../load-dashboard';
import {
  atRiskCustomer,
  type ContactMixRow,
  customerId,
  type DashboardFixture,
  dashboardErrorMock,
  dashboardMock,
  MEMBERS,
  mockResizeObserver,
  overdueCustomer,
  TREND_POINTS,
} from '../test-fixtures';
import { DashboardPage } from './DashboardPage';

function renderDashboard(
  mocks: RenderRouteOptions['mocks'],
  member: RenderRouteOptions['member'] = MEMBERS.owner,
) {
  return renderRoute(<DashboardPage />, { path: '/', mocks, member });
}

const CONTACT_MIX: ContactMixRow[] = [
  { id: MEMBERS.owner.id, name: 'Ada Lovelace', relationship: 4, total: 10 },
  { id: staffMember.id, name: 'Grace Hopper', relationship: 0, total: 0 },
];

const fullAnswer = (): DashboardFixture => ({
  summary: { healthy: 12, watch: 4, atRisk: 2, averageScore: 68.4, checkInsOverdue: 3 },
  trend: TREND_POINTS,
  overdue: [
    overdueCustomer(1, { days: 12, lastContactDaysAgo: 42 }),
    overdueCustomer(2, { days: 1, ownerName: null }),
  ],
  overdueTotal: 3,
  atRisk: [atRiskCustomer(3, 21, 'Call to apologise for the late delivery')],
  contactMix: CONTACT_MIX,
});

function section(name: string) {
  return screen.getByRole('heading', { level: 2, name }).closest('section') as HTMLElement;
}

describe('DashboardPage', () => {
  let restoreResizeObserver: () => void;
  beforeAll(() => {
    restoreResizeObserver = mockResizeObserver();
  });
  afterAll(() => restoreResizeObserver());

  it('shows an owner every section: stats, charts with their numbers, and both lists', async () => {
    renderDashboard([dashboardMock(fullAnswer())]);

    expect(screen.getByRole('heading', { level: 1, name: 'Hello, Ada' })).toBeInTheDocument();

    // Stats row, once the answer is in.
    await screen.findByRole('list', { name: 'Overdue check-ins' });
    const atRiskStat = screen.getByRole('link', { name: /^2\s*At risk$/ });
    expect(atRiskStat).toHaveAttribute('href', '/customers?band=AT_RISK');
    expect(screen.getByRole('link', { name: /Average health/ })).toHaveTextContent('68');
    expect(screen.getByRole('link', { name: /Overdue check-ins/ })).toHaveTextContent('3');

    // Customers per band: the caption's links carry the numbers and open the band.
    await screen.findByRole('heading', { level: 2, name: 'Customers per band' });
    const bands = section('Customers per band');
    expect(within(bands).getByRole('link', { name: /Healthy\s*12 customers/ })).toHaveAttribute(
      'href',
      '/customers?band=HEALTHY',
    );
    expect(within(bands).getByRole('link', { name: /Watch\s*4 customers/ })).toHaveAttribute(
      'href',
      '/customers?band=WATCH',
    );
    expect(within(bands).getByRole('link', { name: /At risk\s*2 customers/ })).toHaveAttribute(
      'href',
      '/customers?band=AT_RISK',
    );

    // Health trend, in words.
    expect(
      await screen.findByText(
        'Average health went from 62 on Aug 3 to 68 on Nov 1 (up 6 points; lowest 58, highest 68). ' +
          'On Nov 1: 12 healthy, 4 watch, 2 at risk.',
      ),
    ).toBeInTheDocument();

    // Overdue check-ins and at-risk customers.
    const overdue = await screen.findByRole('list', { name: 'Overdue check-ins' });
    expect(within(overdue).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('Showing the 2 longest overdue of 3.')).toBeInTheDocument();
    const atRisk = await screen.findByRole('list', { name: 'At-risk customers' });
    expect(within(atRisk).getByRole('link', { name: 'Customer 3' })).toHaveAttribute(
      'href',
      `/customers/${customerId(3)}`,
    );
    expect(within(atRisk).getByText('Call to apologise for the late delivery')).toBeInTheDocument();
    expect(within(atRisk).getByText('21')).toBeInTheDocument();

    // Contact mix, owners only.
    expect(await screen.findByText('Ada Lovelace: 40% non-sales (4 of 10 contacts)')).toBeInTheDocument();
    expect(screen.getByText('Grace Hopper: no contacts')).toBeInTheDocument();

    // The workspace has customers: no "Get started".
    expect(screen.queryByRole('heading', { name: 'Get started' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // jsdom has no layout (colour contrast) nor canvas (label-content-name-mismatch measures icon
    // fonts on one): those are for a browser. The landmarks (region) come from AppLayout.
    const results = await axe.run(document.body, {
      rules: {
        'color-contrast': { enabled: false },
        'label-content-name-mismatch': { enabled: false },
        region: { enabled: false },
      },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  it('never asks for the contact mix for staff (the API forbids it)', async () => {
    // The mock answers only a query without the contact mix.
    renderDashboard([dashboardMock(fullAnswer(), { isOwner: false })], staffMember);

    expect(await screen.findByRole('list', { name: 'Overdue check-ins' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'At-risk customers' })).toBeInTheDocument();
    expect(screen.getByText(/Average health went from 62/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Non-sales contacts per member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows "Get started" and every empty state in a workspace without customers', async () => {
    renderDashboard([
      dashboardMock({
        summary: { healthy: 0, watch: 0, atRisk: 0, averageScore: null, checkInsOverdue: 0 },
        trend: [],
        overdue: [],
        atRisk: [],
        contactMix: [{ id: MEMBERS.owner.id, name: 'Ada Lovelace', relationship: 0, total: 0 }],
      }),
    ]);

    expect(await screen.findByRole('heading', { name: 'Get started' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Add a customer' })).toHaveAttribute('href', '/customers/new');
    expect(screen.getByText('No overdue check-ins — nice work')).toBeInTheDocument();
    expect(screen.getByText('No customers at risk')).toBeInTheDocument();
    expect(screen.getByText('No history yet')).toBeInTheDocument();
    expect(screen.getByText('No customers yet')).toBeInTheDocument();
    expect(screen.getByText(`No contacts logged in the last ${DASHBOARD_DAYS} days`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Average health/ })).toHaveTextContent('–');
    expect(screen.getByRole('link', { name: /Overdue check-ins/ })).toHaveTextContent('0');
  });

  it('does not offer "Get started" to a workspace whose customers have no health yet', async () => {
    renderDashboard([
      dashboardMock({
        summary: { healthy: 0, watch: 0, atRisk: 0, averageScore: null, checkInsOverdue: 0 },
        customers: 2,
        trend: [],
        overdue: [],
        atRisk: [],
      }),
    ]);
    expect(await screen.findByText('No overdue check-ins — nice work')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Get started' })).not.toBeInTheDocument();
  });

  it('greets at once and shows the dashboard loading until the answer is in', async () => {
    renderDashboard([{ ...dashboardMock(fullAnswer(), { isOwner: false }), delay: 200 }], staffMember);
    expect(screen.getByRole('heading', { level: 1, name: 'Hello, Ada' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /At risk/ })).toHaveTextContent('–');
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toEqual(['Loading the dashboard…']);
    expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();

    // Every section comes with the one answer.
    expect(await screen.findByRole('list', { name: 'Overdue check-ins' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Customers per band' })).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'At-risk customers' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows an error with a working retry when the dashboard cannot load', async () => {
    const user = userEvent.setup();
    renderDashboard(
      [dashboardErrorMock({ isOwner: false }), dashboardMock(fullAnswer(), { isOwner: false })],
      staffMember,
    );

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the dashboard');
    expect(alert).toHaveTextContent('Something went wrong on our side');
    expect(screen.getByRole('link', { name: /At risk/ })).toHaveTextContent('–');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const list = await screen.findByRole('list', { name: 'Overdue check-ins' });
    expect(within(list).getByText('12 days overdue')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^2\s*At risk$/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('DashboardPage with its route loader', () => {
  beforeAll(() => mockResizeObserver());

  /**
   * The app's client on mocked answers, and the dashboard's route with its loader (by default the
   * app's, as in routes.tsx).
   */
  function renderWithLoader(
    mocks: MockLink.MockedResponse[],
    loader: (client: ApolloClient) => unknown = loadDashboard,
  ) {
    const client = new ApolloClient({ cache: createCache(), link: new MockLink(mocks) });
    const router = createMemoryRouter([
      {
        path: '/',
        loader: () => loader(client),
        element: (
          <SessionProvider member={MEMBERS.owner}>
            <DashboardPage />
          </SessionProvider>
        ),
      },
      { path: '/elsewhere', element: <p>Elsewhere</p> },
    ]);
    render(
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>,
    );
    return router;
  }

  it('shows an answer that came between the render and its effect (a fast server)', async () => {
    const { data } = dashboardMock(fullAnswer()).result as { data: DashboardQuery };
    const answer = { data, error: undefined };
    // The render reads no answer yet; by the time the page's effect runs, the answer is in.
    let reads = 0;
    const asking: Asking = {
      promise: Promise.resolve(answer),
      get answer() {
        reads++;
        return reads === 1 ? undefined : answer;
      },
    };
    renderWithLoader([], () => asking);
    expect(await screen.findByText('12 days overdue')).toBeInTheDocument();
    expect(screen.queryByText('Loading the dashboard…')).not.toBeInTheDocument();
  });

  it("shows the loader's answer without asking again, and a fresh one on a later visit", async () => {
    const dashboardAsked = jest.fn(() => true);
    const session = { request: { query: MeDocument }, result: { data: { me: MEMBERS.owner } } };
    const answer = (days: number) => {
      const mock = dashboardMock({ ...fullAnswer(), overdue: [overdueCustomer(1, { days })] });
      return { ...mock, request: { ...mock.request, variables: dashboardAsked } };
    };
    const router = renderWithLoader([session, answer(12), answer(13)]);

    expect(await screen.findByText('12 days overdue')).toBeInTheDocument();
    expect(dashboardAsked).toHaveBeenCalledTimes(1);

    await act(() => router.navigate('/elsewhere'));
    await act(() => router.navigate('/'));
    // The loader waited for the fresh answer: no loading state, the new numbers at once.
    expect(screen.getByText('13 days overdue')).toBeInTheDocument();
    expect(screen.queryByText('Loading the dashboard…')).not.toBeInTheDocument();
    expect(dashboardAsked).toHaveBeenCalledTimes(2);
  });
});
