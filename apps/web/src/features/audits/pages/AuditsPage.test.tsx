import { screen, within } from '@testing-library/react';
import { graphqlError, renderRoute } from '~/test/render';
import { AuditsDocument } from '../graphql/audits.graphql';
import { auditData } from '../test-fixtures';
import { AuditsPage } from './AuditsPage';

const listed = (overrides: Record<string, unknown> = {}) => {
  const { observations: _o, scenarioConsistency: _c, ...audit } = auditData(overrides);
  return { ...audit, steps: audit.steps.map((s) => ({ __typename: 'Touchpoint', id: s.id })) };
};

describe('AuditsPage', () => {
  it('lists audits with status, auditor and dates', async () => {
    renderRoute(<AuditsPage />, {
      path: '/audits',
      mocks: [
        {
          request: { query: AuditsDocument },
          result: {
            data: {
              audits: [
                listed(),
                listed({
                  id: 'a2',
                  title: 'Return a gift',
                  external: true,
                  auditorName: 'Sam Shopper',
                  status: 'SUBMITTED',
                  submittedAt: '2025-11-22T10:00:00.000Z',
                }),
              ],
            },
          },
        },
      ],
    });
    const rows = await screen.findAllByRole('listitem');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Book a repair' })).toBeInTheDocument();
    expect(within(rows[0] as HTMLElement).getByText('In progress')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText(/Sam Shopper \(by link\)/)).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText('Submitted')).toBeInTheDocument();
    expect(within(rows[1] as HTMLElement).getByText(/Submitted Nov 22, 2025/)).toBeInTheDocument();
  });

  it('invites the first audit when there are none, and shows errors', async () => {
    const { unmount } = renderRoute(<AuditsPage />, {
      path: '/audits',
      mocks: [{ request: { query: AuditsDocument }, result: { data: { audits: [] } } }],
    });
    expect(await screen.findByText('Run your first audit')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'New audit' })).toHaveAttribute('href', '/audits/new');
    unmount();
    renderRoute(<AuditsPage />, {
      path: '/audits',
      mocks: [{ request: { query: AuditsDocument }, result: { errors: [graphqlError('FORBIDDEN', 'no')] } }],
    });
    expect(await screen.findByText('Could not load audits')).toBeInTheDocument();
  });
});
