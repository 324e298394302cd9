import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute } from '~/test/render';
import { AuditDocument, RecordObservationDocument, SubmitAuditDocument } from '../graphql/audits.graphql';
import { AUDIT_ID, auditData, observation, TP1 } from '../test-fixtures';
import { RunAuditPage } from './RunAuditPage';

const auditMock = (overrides: Record<string, unknown> = {}) => ({
  request: { query: AuditDocument, variables: { id: AUDIT_ID } },
  result: { data: { audit: auditData(overrides) } },
});

describe('RunAuditPage', () => {
  it('records with the member operations, starting from what was recorded, and submits', async () => {
    const user = userEvent.setup();
    const input = {
      touchpointId: TP1,
      expected: 'A quick answer',
      experienced: 'Waited five minutes on hold',
      surprise: 'LETDOWN',
      friction: 2,
      accuracy: 5,
      availability: 2,
      partnership: 3,
      advice: 5,
      wouldReturn: false,
      notes: 'Hold music was loud',
    };
    renderRoute(<RunAuditPage />, {
      path: '/audits/:id/run',
      url: `/audits/${AUDIT_ID}/run`,
      mocks: [
        auditMock(),
        {
          request: { query: RecordObservationDocument, variables: { auditId: AUDIT_ID, input } },
          result: { data: { recordObservation: { ...observation, accuracy: 5 } } },
        },
        {
          request: { query: SubmitAuditDocument, variables: { id: AUDIT_ID } },
          result: {
            data: {
              submitAudit: {
                __typename: 'Audit',
                id: AUDIT_ID,
                status: 'SUBMITTED',
                submittedAt: '2025-11-21T10:00:00.000Z',
              },
            },
          },
        },
      ],
    });
    // Resumes at the counter; back to the phone line, prefilled.
    await screen.findByRole('heading', { name: 'Counter' });
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByLabelText('What happened?')).toHaveValue('Waited five minutes on hold');
    await user.click(
      within(screen.getByRole('group', { name: /Accuracy/ })).getByRole('radio', { name: '5 Excellent' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save & next' }));
    await screen.findByRole('heading', { name: 'Counter' });
    await user.click(screen.getByRole('button', { name: 'Skip to review' }));
    await user.click(await screen.findByRole('button', { name: 'Submit audit' }));
    expect(await screen.findByRole('heading', { name: 'This audit is closed' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the report' })).toHaveAttribute(
      'href',
      `/audits/${AUDIT_ID}`,
    );
  });

  it('shows a submitted audit as closed', async () => {
    renderRoute(<RunAuditPage />, {
      path: '/audits/:id/run',
      url: `/audits/${AUDIT_ID}/run`,
      mocks: [auditMock({ status: 'SUBMITTED' })],
    });
    expect(await screen.findByRole('heading', { name: 'This audit is closed' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
  });
});
