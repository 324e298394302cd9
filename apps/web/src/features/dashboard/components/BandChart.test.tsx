import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute } from '~/test/render';
import { mockResizeObserver } from '../test-fixtures';
import { BandChart } from './BandChart';

describe('BandChart', () => {
  let restore: () => void;
  beforeAll(() => {
    restore = mockResizeObserver();
  });
  afterAll(() => restore());

  it('gives the numbers in its caption, each band a link to those customers', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(<BandChart counts={{ healthy: 5, watch: 1, atRisk: 0 }} />, {
      routes: [{ path: '/customers', element: <p>Customer list</p> }],
    });
    expect(screen.getByRole('figure')).toHaveTextContent(
      'Active customers per health band, 6 customers in all:Healthy5 customersWatch1 customerAt risk0 customers',
    );
    expect(screen.getByRole('link', { name: /Healthy\s*5 customers/ })).toHaveAttribute(
      'href',
      '/customers?band=HEALTHY',
    );
    await user.click(screen.getByRole('link', { name: /Watch\s*1 customer/ }));
    expect(await screen.findByText('Customer list')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?band=WATCH');
  });

  it('says so when there are no customers', () => {
    renderRoute(<BandChart counts={{ healthy: 0, watch: 0, atRisk: 0 }} />);
    expect(screen.getByText('No customers yet')).toBeInTheDocument();
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
  });
});
