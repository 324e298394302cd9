import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { renderRoute } from '~/test/render';
import { AuditDocument, PublicAuditDocument } from '../graphql/audits.graphql';
import { AUDIT_ID, auditData, TP1, TP2 } from '../test-fixtures';
import { AuditPage } from './AuditPage';
import { PublicAuditPage } from './PublicAuditPage';

async function violations() {
  // jsdom has no layout (colour contrast): that is for a browser. Landmarks come from AppLayout.
  const results = await axe.run(document.body, {
    rules: {
      'color-contrast': { enabled: false },
      'label-content-name-mismatch': { enabled: false },
      region: { enabled: false },
    },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

describe('audit pages accessibility', () => {
  it('a step screen passes axe checks', async () => {
    renderRoute(<PublicAuditPage />, {
      path: '/a/:token',
      url: '/a/tok',
      member: null,
      mocks: [
        {
          request: { query: PublicAuditDocument, variables: { token: 'tok' } },
          result: {
            data: {
              publicAudit: {
                __typename: 'PublicAudit',
                title: 'Book a repair',
                scenario: 'Book by phone',
                businessName: 'Lovelace Bakery',
                status: 'IN_PROGRESS',
                steps: [
                  {
                    __typename: 'PublicAuditStep',
                    touchpointId: TP1,
                    name: 'Phone line',
                    channel: 'PHONE',
                    observed: false,
                  },
                  {
                    __typename: 'PublicAuditStep',
                    touchpointId: TP2,
                    name: 'Counter',
                    channel: 'STORE',
                    observed: false,
                  },
                ],
              },
            },
          },
        },
      ],
    });
    await screen.findByRole('heading', { name: 'Phone line' });
    expect(await violations()).toEqual([]);
  });

  it('the report passes axe checks', async () => {
    renderRoute(<AuditPage />, {
      path: '/audits/:id',
      url: `/audits/${AUDIT_ID}`,
      mocks: [
        {
          request: { query: AuditDocument, variables: { id: AUDIT_ID } },
          result: { data: { audit: auditData() } },
        },
      ],
    });
    await screen.findByRole('table');
    expect(await violations()).toEqual([]);
  });
});
