import { screen, within } from '@testing-library/react';
import { graphqlError, renderRoute, staffMember } from '~/test/render';
import { TouchpointsDocument } from '../graphql/touchpoints.graphql';
import { TouchpointsPage } from './TouchpointsPage';

const touchpoint = (id: string, name: string, stage: string, momentOfTruth = false) => ({
  __typename: 'Touchpoint',
  id,
  name,
  channel: 'PHONE',
  stage,
  description: null,
  momentOfTruth,
});

const catalogue = {
  request: { query: TouchpointsDocument },
  result: {
    data: {
      touchpoints: [
        touchpoint('t1', 'Invoice email', 'BILLING'),
        touchpoint('t2', 'Phone enquiries', 'DISCOVER'),
        touchpoint('t3', 'Booking', 'BUY', true),
      ],
    },
  },
};

describe('TouchpointsPage', () => {
  it('groups touchpoints by journey stage, in journey order, editable by owners', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue] });
    await screen.findByText('Phone enquiries');
    const stages = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(stages).toEqual(['Discover', 'Buy', 'Billing']);
    expect(screen.getByText('Moment of truth')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add touchpoint' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Booking' })).toBeInTheDocument();
  });

  it('is read-only for staff', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue], member: staffMember });
    await screen.findByText('Phone enquiries');
    expect(screen.queryByRole('button', { name: /Add touchpoint|Edit/ })).not.toBeInTheDocument();
    expect(screen.getByText('Only workspace owners can add or change touchpoints.')).toBeInTheDocument();
  });

  it('shows empty and error states', async () => {
    const { unmount } = renderRoute(<TouchpointsPage />, {
      path: '/touchpoints',
      mocks: [{ request: { query: TouchpointsDocument }, result: { data: { touchpoints: [] } } }],
    });
    expect(await screen.findByText('Map your first touchpoint')).toBeInTheDocument();
    unmount();
    renderRoute(<TouchpointsPage />, {
      path: '/touchpoints',
      mocks: [
        { request: { query: TouchpointsDocument }, result: { errors: [graphqlError('FORBIDDEN', 'no')] } },
      ],
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Could not load touchpoints')).toBeInTheDocument();
  });
});
