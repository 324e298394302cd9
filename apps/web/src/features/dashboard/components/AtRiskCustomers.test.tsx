import { screen, within } from '@testing-library/react';
import { renderRoute } from '~/test/render';
import { AtRiskCustomersDocument } from '../graphql/dashboard.graphql';
import { atRiskCustomer, atRiskMock, customerId, errorMock } from '../test-fixtures';
import { AtRiskCustomersCard } from './AtRiskCustomers';

describe('AtRiskCustomersCard', () => {
  it('lists at-risk customers with score and next best action, and links to all of them', async () => {
    renderRoute(<AtRiskCustomersCard />, {
      mocks: [
        atRiskMock(
          [
            atRiskCustomer(1, 18, 'Call about the missed order'),
            atRiskCustomer(2, 33, 'Send a thank-you note'),
          ],
          14,
        ),
      ],
    });
    const list = await screen.findByRole('list', { name: 'At-risk customers' });
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

  it('says when nobody is at risk', async () => {
    renderRoute(<AtRiskCustomersCard />, { mocks: [atRiskMock([])] });
    expect(await screen.findByText('No customers at risk')).toBeInTheDocument();
  });

  it('shows an error state', async () => {
    renderRoute(<AtRiskCustomersCard />, { mocks: [errorMock(AtRiskCustomersDocument, { first: 10 })] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load at-risk customers');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
