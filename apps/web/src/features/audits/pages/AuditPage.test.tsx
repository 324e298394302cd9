import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type RenderRouteOptions, renderRoute } from '~/test/render';
import { AuditDocument, RenewAuditLinkDocument } from '../graphql/audits.graphql';
import { AUDIT_ID, auditData } from '../test-fixtures';
import { AuditPage } from './AuditPage';

const auditMock = (overrides: Record<string, unknown> = {}) => ({
  request: { query: AuditDocument, variables: { id: AUDIT_ID } },
  result: { data: { audit: auditData(overrides) } },
});

const render = (mocks: RenderRouteOptions['mocks']) =>
  renderRoute(<AuditPage />, { path: '/audits/:id', url: `/audits/${AUDIT_ID}`, mocks });

describe('AuditPage', () => {
  it('reports each step: expected vs what happened, surprise, friction, ratings, would-return and notes', async () => {
    render([auditMock()]);
    const phone = (await screen.findByRole('heading', { name: '1. Phone line' })).closest(
      'section',
    ) as HTMLElement;
    const step = within(phone);
    expect(step.getByText('A quick answer')).toBeInTheDocument();
    expect(step.getByText('Waited five minutes on hold')).toBeInTheDocument();
    expect(step.getByText('Surprise: Letdown')).toBeInTheDocument();
    expect(step.getByText('Friction: Obstacle')).toBeInTheDocument();
    expect(step.getByText('Would not return')).toBeInTheDocument();
    expect(step.getByText('4/5')).toBeInTheDocument();
    expect(step.getByText('Hold music was loud')).toBeInTheDocument();
    expect(step.getByText('Moment of truth')).toBeInTheDocument();
    const counter = screen.getByRole('heading', { name: '2. Counter' }).closest('section') as HTMLElement;
    expect(within(counter).getByText('Not recorded yet.')).toBeInTheDocument();
  });

  it('shows consistency per touchpoint as a percentage with words, and "needs 2+ audits" when unknown', async () => {
    render([auditMock()]);
    const table = await screen.findByRole('table');
    const [, phoneRow, counterRow] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(phoneRow as HTMLElement).getByText('80%')).toBeInTheDocument();
    expect(within(phoneRow as HTMLElement).getByText('Mostly consistent')).toBeInTheDocument();
    expect(within(counterRow as HTMLElement).getByText('Needs 2+ audits')).toBeInTheDocument();
  });

  it('offers "Run it" for an open member-run audit', async () => {
    render([auditMock()]);
    expect(await screen.findByRole('link', { name: 'Run it' })).toHaveAttribute(
      'href',
      `/audits/${AUDIT_ID}/run`,
    );
    expect(screen.queryByRole('button', { name: 'Get a new link' })).not.toBeInTheDocument();
  });

  it('offers nothing to run once submitted', async () => {
    render([auditMock({ status: 'SUBMITTED', submittedAt: '2025-11-21T10:00:00.000Z' })]);
    await screen.findByRole('heading', { name: '1. Phone line' });
    expect(screen.queryByRole('link', { name: 'Run it' })).not.toBeInTheDocument();
    expect(screen.getByText('Submitted', { selector: '.rp-badge' })).toBeInTheDocument();
    expect(screen.getByText('Not recorded.')).toBeInTheDocument();
  });

  it('gets a new link for an open outsider audit, warning that the old one stops working', async () => {
    const user = userEvent.setup();
    render([
      auditMock({ external: true, auditorName: 'Sam Shopper' }),
      {
        request: { query: RenewAuditLinkDocument, variables: { id: AUDIT_ID } },
        result: {
          data: {
            renewAuditLink: {
              __typename: 'Audit',
              id: AUDIT_ID,
              inviteUrl: 'http://localhost:3000/a/new-token',
            },
          },
        },
      },
    ]);
    await user.click(await screen.findByRole('button', { name: 'Get a new link' }));
    expect(screen.getByText(/The old link stops working/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Run it' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Replace the link' }));
    expect(await screen.findByLabelText('Audit link')).toHaveValue('http://localhost:3000/a/new-token');
    expect(await screen.findByRole('img', { name: /QR code/ })).toBeInTheDocument();
  });
});
