import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TEST_IDEMPOTENCY_KEY } from '~/test/idempotency';
import { ownerMember, renderRoute } from '~/test/render';
import { AuditTouchpointsDocument, CreateAuditDocument } from '../graphql/audits.graphql';
import { NewAuditPage } from './NewAuditPage';

const ids = {
  web: '0b6f3c1e-1c1a-4c1e-9a43-000000000001',
  phone: '0b6f3c1e-1c1a-4c1e-9a43-000000000002',
  counter: '0b6f3c1e-1c1a-4c1e-9a43-000000000003',
};
const auditId = '0b6f3c1e-1c1a-4c1e-9a43-0000000000aa';

const touchpoint = (id: string, name: string, channel: string, stage: string, momentOfTruth: boolean) => ({
  __typename: 'Touchpoint',
  id,
  name,
  channel,
  stage,
  momentOfTruth,
});

const catalogue = {
  request: { query: AuditTouchpointsDocument },
  result: {
    data: {
      touchpoints: [
        touchpoint(ids.web, 'Website', 'WEB', 'DISCOVER', false),
        touchpoint(ids.phone, 'Phone line', 'PHONE', 'BUY', true),
        touchpoint(ids.counter, 'Counter', 'STORE', 'SUPPORT', false),
      ],
    },
  },
};

const created = (external: boolean) => ({
  __typename: 'Audit',
  id: auditId,
  title: 'Book a repair',
  scenario: 'Book by phone, pick up in store',
  status: 'DRAFT',
  auditorName: external ? 'Sam Shopper' : ownerMember.name,
  external,
  createdAt: '2025-11-25T10:00:00.000Z',
  submittedAt: null,
  inviteUrl: external ? 'http://localhost:3000/a/secret-token' : null,
});

const createMock = (external: boolean, auditorName: string) => ({
  request: {
    query: CreateAuditDocument,
    variables: {
      input: {
        idempotencyKey: TEST_IDEMPOTENCY_KEY,
        title: 'Book a repair',
        scenario: 'Book by phone, pick up in store',
        touchpointIds: [ids.counter, ids.phone],
        auditorName,
        external,
      },
    },
  },
  result: { data: { createAudit: created(external) } },
});

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Title'), 'Book a repair');
  await user.type(screen.getByLabelText('Scenario'), 'Book by phone, pick up in store');
  await user.click(screen.getByRole('checkbox', { name: /Phone line/ }));
  await user.click(screen.getByRole('checkbox', { name: /Counter/ }));
  // Counter first: a customer starts at the counter in this scenario.
  await user.click(screen.getByRole('button', { name: 'Move Counter up' }));
}

describe('NewAuditPage', () => {
  it('lists moments of truth first, marked as suggested', async () => {
    renderRoute(<NewAuditPage />, { path: '/audits/new', mocks: [catalogue] });
    await screen.findByRole('checkbox', { name: /Phone line/ });
    const names = screen.getAllByRole('checkbox').map((c) => c.closest('li')?.textContent ?? '');
    expect(names[0]).toMatch(/Phone line.*Moment of truth/);
    expect(screen.getByRole('heading', { name: 'Suggested: moments of truth' })).toBeInTheDocument();
  });

  it('validates with the domain schema and shows errors beside the fields', async () => {
    const user = userEvent.setup();
    renderRoute(<NewAuditPage />, { path: '/audits/new', mocks: [catalogue] });
    await screen.findByRole('checkbox', { name: /Phone line/ });
    await user.click(screen.getByRole('button', { name: 'Create audit' }));
    expect(screen.getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title')).toHaveFocus();
    expect(screen.getByText('Choose at least one touchpoint')).toBeInTheDocument();
    expect(screen.getByText('Say whether an outsider runs it')).toBeInTheDocument();
    expect(screen.getByLabelText("Auditor's name")).toHaveAttribute('aria-invalid', 'true');
  });

  it('creates a member-run audit in the chosen order and opens it to run', async () => {
    const user = userEvent.setup();
    const { router } = renderRoute(<NewAuditPage />, {
      path: '/audits/new',
      mocks: [catalogue, createMock(false, ownerMember.name)],
      routes: [{ path: '/audits/:id/run', element: <p>Running</p> }],
    });
    await screen.findByRole('checkbox', { name: /Phone line/ });
    await fillForm(user);
    const steps = within(screen.getByRole('list', { name: 'Steps, in order' })).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringMatching(/^1\. Counter/),
      expect.stringMatching(/^2\. Phone line/),
    ]);
    await user.click(screen.getByRole('radio', { name: /Me/ }));
    expect(screen.getByLabelText("Auditor's name")).toHaveValue(ownerMember.name);
    await user.click(screen.getByRole('button', { name: 'Create audit' }));
    expect(await screen.findByText('Running')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/audits/${auditId}/run`);
  });

  it('shows the link with Copy and a QR code after creating an outsider audit', async () => {
    const user = userEvent.setup();
    renderRoute(<NewAuditPage />, {
      path: '/audits/new',
      mocks: [catalogue, createMock(true, 'Sam Shopper')],
    });
    await screen.findByRole('checkbox', { name: /Phone line/ });
    await fillForm(user);
    await user.click(screen.getByRole('radio', { name: /An outsider/ }));
    await user.type(screen.getByLabelText("Auditor's name"), 'Sam Shopper');
    await user.click(screen.getByRole('button', { name: 'Create audit' }));
    expect(await screen.findByLabelText('Audit link')).toHaveValue('http://localhost:3000/a/secret-token');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    const qr = await screen.findByRole('img', { name: /QR code of the audit link/ });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByRole('link', { name: 'Open audit' })).toHaveAttribute('href', `/audits/${auditId}`);
  });
});
