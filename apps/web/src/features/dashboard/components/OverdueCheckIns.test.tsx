import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute } from '~/test/render';
import { connection, customerId, overdueCustomer } from '../test-fixtures';
import { logCheckInPath, OverdueCheckInsCard } from './OverdueCheckIns';

function renderCard(customers: ReturnType<typeof overdueCustomer>[], totalCount = customers.length) {
  return renderRoute(<OverdueCheckInsCard connection={connection(customers, totalCount)} />, {
    path: '/',
    routes: [
      { path: '/customers/:id', element: <p>Customer page</p> },
      { path: '/customers', element: <p>Customer list</p> },
    ],
  });
}

describe('OverdueCheckInsCard', () => {
  it('lists overdue customers oldest first, with owner, days overdue and last contact', async () => {
    renderCard([
      overdueCustomer(1, { days: 12, ownerName: 'Grace Hopper', lastContactDaysAgo: 42 }),
      overdueCustomer(2, { days: 1, ownerName: null }),
      overdueCustomer(3, { days: 0 }),
    ]);
    const list = await screen.findByRole('list', { name: 'Overdue check-ins' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((row) => within(row).getAllByRole('link')[0]?.textContent)).toEqual([
      'Customer 1',
      'Customer 2',
      'Customer 3',
    ]);
    const [first, second, third] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(first).toHaveTextContent('12 days overdue');
    expect(first).toHaveTextContent('Owner: Grace Hopper');
    expect(first).toHaveTextContent(/Last contact \w{3} \d{1,2}, \d{4}/);
    expect(second).toHaveTextContent('1 day overdue');
    expect(second).toHaveTextContent('No owner');
    expect(second).toHaveTextContent('No relationship contact yet');
    expect(third).toHaveTextContent('Due today');
  });

  it('gives each row a link to the customer and a one-tap "Log check-in" link', async () => {
    const user = userEvent.setup();
    const { router } = renderCard([overdueCustomer(1, { days: 3 }), overdueCustomer(2)]);
    const list = await screen.findByRole('list', { name: 'Overdue check-ins' });

    expect(within(list).getByRole('link', { name: 'Customer 1' })).toHaveAttribute(
      'href',
      `/customers/${customerId(1)}`,
    );
    const logLinks = within(list).getAllByRole('link', { name: /^Log check-in/ });
    expect(logLinks.map((a) => a.getAttribute('href'))).toEqual([
      `/customers/${customerId(1)}?log=check-in`,
      `/customers/${customerId(2)}?log=check-in`,
    ]);
    expect(logLinks[0]).toHaveAccessibleName('Log check-in with Customer 1');

    await user.click(within(list).getByRole('link', { name: 'Log check-in with Customer 2' }));
    expect(await screen.findByText('Customer page')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/customers/${customerId(2)}`);
    expect(router.state.location.search).toBe('?log=check-in');
  });

  it('says when nobody is overdue', async () => {
    renderCard([]);
    expect(await screen.findByText('No overdue check-ins — nice work')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Overdue check-ins' })).not.toBeInTheDocument();
  });

  it('says how many more are overdue, with a link to all of them', async () => {
    const user = userEvent.setup();
    const { router } = renderCard([overdueCustomer(1)], 7);
    expect(screen.getByText(/Showing the 1 longest overdue of 7\./)).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'See them all' }));
    expect(await screen.findByText('Customer list')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?overdue=1&sort=NEXT_CHECK_IN_DUE');
  });

  it('builds the quick-log path', () => {
    expect(logCheckInPath('abc')).toBe('/customers/abc?log=check-in');
  });
});
