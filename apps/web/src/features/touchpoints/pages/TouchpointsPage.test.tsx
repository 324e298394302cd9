import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { graphqlError, renderRoute, staffMember } from '~/test/render';
import { TouchpointsDocument } from '../graphql/touchpoints.graphql';
import { TouchpointsPage } from './TouchpointsPage';

const noScores: {
  accuracy: number | null;
  availability: number | null;
  partnership: number | null;
  advice: number | null;
  consistency: number | null;
  openFrictionCount: number;
} = {
  accuracy: null,
  availability: null,
  partnership: null,
  advice: null,
  consistency: null,
  openFrictionCount: 0,
};

const touchpoint = (
  id: string,
  name: string,
  stage: string,
  momentOfTruth = false,
  scores: Partial<typeof noScores> = {},
) => ({
  __typename: 'Touchpoint',
  id,
  name,
  channel: 'PHONE',
  stage,
  description: null,
  momentOfTruth,
  ...noScores,
  ...scores,
});

const catalogue = {
  request: { query: TouchpointsDocument },
  result: {
    data: {
      touchpoints: [
        touchpoint('t1', 'Invoice email', 'BILLING'),
        touchpoint('t2', 'Phone enquiries', 'DISCOVER'),
        touchpoint('t3', 'Booking', 'BUY', true, {
          accuracy: 4.25,
          availability: 1.2,
          partnership: 3,
          advice: 5,
          consistency: 0.8,
          openFrictionCount: 2,
        }),
      ],
    },
  },
};

describe('TouchpointsPage', () => {
  it('groups touchpoints by journey stage, in journey order, editable by owners', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue] });
    await screen.findByRole('heading', { level: 3, name: 'Phone enquiries' });
    const stages = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(stages).toEqual(['Heat map', 'Discover', 'Buy', 'Billing']);
    expect(screen.getByText('Moment of truth')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add touchpoint' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit Booking' })).toBeInTheDocument();
  });

  it('shows a heat map of the four factors, consistency and open friction, by stage', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue] });
    const table = await screen.findByRole('table', { name: /Touchpoint heat map/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.querySelector('.heat-table__col-label')?.textContent ?? th.textContent);
    expect(headers).toEqual([
      'Touchpoint',
      'Accuracy',
      'Availability',
      'Partnership',
      'Advice',
      'Consistency',
      'Open friction',
    ]);
    // One row group per stage, in journey order, each headed by its stage.
    const groups = table.querySelectorAll('tbody');
    expect([...groups].map((g) => g.querySelector('th[scope="rowgroup"]')?.textContent)).toEqual([
      'Discover',
      'Buy',
      'Billing',
    ]);
    const booking = within(table)
      .getByRole('rowheader', { name: /Booking/ })
      .closest('tr') as HTMLElement;
    const cells = within(booking).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['4.3', '1.2', '3.0', '5.0', '0.8', '2']);
    expect(cells.map((c) => c.className.replace('heat-cell ', ''))).toEqual([
      'heat-cell--4',
      'heat-cell--1',
      'heat-cell--3',
      'heat-cell--5',
      'heat-cell--4',
      'heat-cell--3',
    ]);
    // Without audits: a dash in a neutral cell, said as "No audits yet"; no friction is green.
    const phone = within(table)
      .getByRole('rowheader', { name: 'Phone enquiries' })
      .closest('tr') as HTMLElement;
    const empty = within(phone).getAllByRole('cell');
    expect(empty.slice(0, 5).every((c) => c.classList.contains('heat-cell--none'))).toBe(true);
    expect(within(empty[0] as HTMLElement).getByText('No audits yet')).toBeInTheDocument();
    expect(empty[0]).toHaveAttribute('title', 'No audits yet');
    expect(empty[5]).toHaveTextContent('0');
    expect(empty[5]).toHaveClass('heat-cell--5');
  });

  it('passes axe checks with the heat map', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue] });
    await screen.findByRole('table', { name: /Touchpoint heat map/ });
    // jsdom has no layout (colour contrast) nor canvas: those are for a browser. Landmarks come from AppLayout.
    const results = await axe.run(document.body, {
      rules: {
        'color-contrast': { enabled: false },
        'label-content-name-mismatch': { enabled: false },
        region: { enabled: false },
      },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
  });

  it('is read-only for staff', async () => {
    renderRoute(<TouchpointsPage />, { path: '/touchpoints', mocks: [catalogue], member: staffMember });
    await screen.findByRole('heading', { level: 3, name: 'Phone enquiries' });
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
