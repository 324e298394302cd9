import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MembersDocument } from '~/features/settings/graphql/settings.graphql';
import type { CustomerFilter } from '~/gql/graphql';
import { graphqlError, ownerMember, type RenderRouteOptions, renderRoute } from '~/test/render';
import { CustomersDocument } from '../graphql/customers.graphql';
import { CUSTOMERS_PAGE_SIZE, CustomersPage } from './CustomersPage';

function customer(n: number, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Customer' as const,
    id: `00000000-0000-4000-8000-00000000000${n}`,
    name: `Customer ${n}`,
    company: n === 1 ? 'Acme Ltd' : null,
    email: `c${n}@example.com`,
    phone: null,
    tags: n === 1 ? ['vip'] : [],
    status: 'ACTIVE' as const,
    cadenceDays: 30,
    ownCadenceDays: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    owner: { __typename: 'Member' as const, id: ownerMember.id, name: ownerMember.name },
    health: { __typename: 'RelationshipHealth' as const, score: 72, band: 'HEALTHY' as const },
    lastRelationshipContactAt: '2025-05-20T10:00:00.000Z' as string | null,
    nextCheckInDueAt: '2025-06-19T10:00:00.000Z',
    checkInOverdue: false,
    ...overrides,
  };
}

function page(nodes: ReturnType<typeof customer>[], totalCount: number, hasNextPage = false) {
  return {
    data: {
      customers: {
        __typename: 'CustomerConnection',
        edges: nodes.map((node) => ({ __typename: 'CustomerEdge', cursor: `cursor-${node.id}`, node })),
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage,
          endCursor: nodes.length ? `cursor-${nodes[nodes.length - 1]?.id}` : null,
        },
        totalCount,
      },
    },
  };
}

function customersRequest(filter: CustomerFilter = {}, after?: string, orderBy = 'NAME') {
  return {
    query: CustomersDocument,
    variables: {
      first: CUSTOMERS_PAGE_SIZE,
      filter: { status: 'ACTIVE', ...filter },
      orderBy,
      ...(after ? { after } : {}),
    },
  };
}

const membersMock = {
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
  maxUsageCount: 10,
};

function renderPage(mocks: RenderRouteOptions['mocks']) {
  return renderRoute(<CustomersPage />, {
    path: '/customers',
    mocks: [membersMock, ...(mocks ?? [])],
    routes: [{ path: '/customers/new', element: <p>New customer form</p> }],
  });
}

describe('CustomersPage', () => {
  it('shows a loading state first', () => {
    renderPage([{ request: customersRequest(), result: page([], 0), delay: 10_000 }]);
    expect(screen.getByRole('status')).toHaveTextContent('Loading customers…');
  });

  it('invites creating the first customer when there are none', async () => {
    const user = userEvent.setup();
    renderPage([{ request: customersRequest(), result: page([], 0) }]);
    expect(await screen.findByText('Add your first customer')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Add a customer' }));
    expect(await screen.findByText('New customer form')).toBeInTheDocument();
  });

  it('shows an error state with a working retry', async () => {
    const user = userEvent.setup();
    renderPage([
      { request: customersRequest(), result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'boom')] } },
      { request: customersRequest(), result: page([customer(1)], 1) },
    ]);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load customers');
    expect(alert).toHaveTextContent('Something went wrong on our side');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
  });

  it('lists customers with the total, one page at a time, next and previous by cursor', async () => {
    const user = userEvent.setup();
    renderPage([
      { request: customersRequest(), result: page([customer(1), customer(2)], 3, true), maxUsageCount: 2 },
      {
        request: customersRequest({}, `cursor-${customer(2).id}`),
        result: page([customer(3)], 3, false),
      },
    ]);
    const list = await screen.findByRole('list', { name: 'Customers' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Customer 1', 'Customer 2']);
    expect(within(list).getByRole('link', { name: 'Customer 1' })).toHaveAttribute(
      'href',
      `/customers/${customer(1).id}`,
    );
    expect(screen.getByText('Acme Ltd')).toBeInTheDocument();
    expect(screen.getByText('Showing 1–2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(screen.getByText('3 customers')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Previous' })).not.toBeInTheDocument();

    // The next page replaces this one: the list never holds more than a page.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('link', { name: 'Customer 3' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Customers' })).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('Showing 3–3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Next' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Customer 3' })).not.toBeInTheDocument();
    expect(screen.getByText('Showing 1–2 of 3')).toBeInTheDocument();
  });

  it('searches as you type, once typing pauses', async () => {
    const user = userEvent.setup();
    const searchMatcher = jest.fn(
      (variables: { filter?: CustomerFilter }) => variables.filter?.search === 'acme',
    );
    renderPage([
      { request: customersRequest(), result: page([customer(1), customer(2)], 2) },
      {
        request: { query: CustomersDocument, variables: searchMatcher },
        result: page([customer(1)], 1),
      },
    ]);
    await screen.findByRole('link', { name: 'Customer 2' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'acme');

    await waitFor(() => expect(screen.queryByRole('link', { name: 'Customer 2' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.getByText('1 customer match')).toBeInTheDocument();
    // One request for the whole word, not one per keystroke.
    const searches = searchMatcher.mock.calls.filter(([v]) => v.filter?.search);
    expect(searches.map(([v]) => v.filter?.search)).toEqual(['acme']);
  });

  it('says when nothing matches and clears the filters', async () => {
    const user = userEvent.setup();
    renderPage([
      { request: customersRequest(), result: page([customer(1)], 1) },
      { request: customersRequest({ tag: 'wholesale' }), result: page([], 0) },
      { request: customersRequest(), result: page([customer(1)], 1) },
    ]);
    await screen.findByRole('link', { name: 'Customer 1' });
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'Wholesale');
    expect(await screen.findByText('No customers match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Tag' })).toHaveValue('');
  });

  it('says a refused search under the search field, keeping the last answer', async () => {
    const user = userEvent.setup();
    const long = 'x'.repeat(201);
    renderPage([
      { request: customersRequest(), result: page([customer(1)], 1) },
      {
        request: customersRequest({ search: long }),
        result: {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some fields are invalid', {
              'filter.search': 'At most 200 characters',
            }),
          ],
        },
      },
    ]);
    await screen.findByRole('link', { name: 'Customer 1' });
    const searchBox = screen.getByRole('searchbox', { name: 'Search' });
    await user.click(searchBox);
    await user.paste(long);

    await waitFor(() => expect(searchBox).toHaveAccessibleDescription('At most 200 characters'));
    expect(searchBox).toHaveAttribute('aria-invalid', 'true');
    // The field names the problem; no page-level alert repeats it vaguely.
    expect(screen.queryByText('Some fields are invalid')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Customer 1' })).toBeInTheDocument();
  });

  it('shows health, the last non-sales contact and the next check-in, overdue marked', async () => {
    renderPage([
      {
        request: customersRequest(),
        result: page(
          [
            customer(1),
            customer(2, {
              health: { __typename: 'RelationshipHealth', score: 31, band: 'AT_RISK' },
              lastRelationshipContactAt: null,
              nextCheckInDueAt: '2025-01-31T10:00:00.000Z',
              checkInOverdue: true,
            }),
          ],
          2,
        ),
      },
    ]);
    const list = await screen.findByRole('list', { name: 'Customers' });
    const [first, second] = list.querySelectorAll(':scope > li');
    expect(first).toHaveTextContent('Health 72 of 100, Healthy');
    expect(first).toHaveTextContent('Last non-sales contact: May 20, 2025');
    expect(first).toHaveTextContent('Next check-in: Jun 19, 2025');
    expect(first).not.toHaveTextContent('Overdue');
    expect(second).toHaveTextContent('Health 31 of 100, At risk');
    expect(second).toHaveTextContent('Last non-sales contact: never');
    expect(second).toHaveTextContent('Next check-in: Jan 31, 2025Overdue');
  });

  it('filters by band and overdue check-ins, and orders by health', async () => {
    const user = userEvent.setup();
    const atRisk = customer(2, { health: { __typename: 'RelationshipHealth', score: 31, band: 'AT_RISK' } });
    renderPage([
      { request: customersRequest(), result: page([customer(1), atRisk], 2) },
      { request: customersRequest({ band: 'AT_RISK' }), result: page([atRisk], 1) },
      { request: customersRequest({ band: 'AT_RISK', checkInOverdue: true }), result: page([atRisk], 1) },
      {
        request: customersRequest({ band: 'AT_RISK', checkInOverdue: true }, undefined, 'HEALTH_ASC'),
        result: page([atRisk], 1),
      },
    ]);
    await screen.findByRole('link', { name: 'Customer 1' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Health' }), 'AT_RISK');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Customer 1' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('checkbox', { name: 'Overdue check-ins only' }));
    expect(await screen.findByText('1 customer match')).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'HEALTH_ASC');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('HEALTH_ASC');
    expect(screen.getByRole('checkbox', { name: 'Overdue check-ins only' })).toBeChecked();
    expect(await screen.findByRole('link', { name: 'Customer 2' })).toBeInTheDocument();
  });
});
