import { screen, within } from '@testing-library/react';
import { renderRoute } from '~/test/render';
import { atRiskCustomer, connection, customerId } from '../test-fixtures';
import { AtRiskCustomersCard } from './AtRiskCustomers';

describe('AtRiskCustomersCard', () => {
  it('lists at-risk customers with score and next best action, and links to all of them', async () => {
    const customers = [
      atRiskCustomer(1, 18, 'Call about the missed order'),
      atRiskCustomer(2, 33, 'Send a thank-you note'),
    ];
    renderRoute(<AtRiskCustomersCard connection={connection(customers, 14)} />);
    const list = screen.getByRole('list', { name: 'At-risk customers' });
    const [first, second] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: 'Customer 1' })).toHaveAttribute(
      'href',
      `/customers/${customerId(1)}`,
    );
    expect(first).toHaveTextContent('Health 18 of 100, At risk');
    expect(first).toHaveTextContent('Next: Call about the missed order');
    expect(second).toHaveTextContent('Send a thank-you note');
    expect(screen.getByRole('link', { name: 'See all 14 at-risk customers' })).toHaveAttribute(
      'href',
      '/customers?band=AT_RISK',
    );
  });

  it('says when nobody is at risk, and links to no one', () => {
    renderRoute(<AtRiskCustomersCard connection={connection([])} />);
    expect(screen.getByText('No customers at risk')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /See all/ })).not.toBeInTheDocument();
  });
});
