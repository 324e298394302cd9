import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { renderRoute } from '~/test/render';
import {
  blindSpot,
  blindSpotsMock,
  ids,
  mockResizeObserver,
  NOW,
  requestsMock,
  response,
  responsesMock,
  SURVEYS,
  scoresMock,
  surveysMock,
  touchpointSummaryMock,
  touchpointsMock,
} from '../test-fixtures';
import { FeedbackPage } from './FeedbackPage';

jest.mock('qrcode', () => ({
  __esModule: true,
  default: { toDataURL: jest.fn(async () => 'data:image/png;base64,AAAA') },
}));

describe('FeedbackPage', () => {
  // axe-core over the whole page takes seconds on a busy machine: more than jest's default 5 s.
  it('shows every section, and passes axe-core checks', async () => {
    const restore = mockResizeObserver();
    const { container } = renderRoute(<FeedbackPage now={NOW} />, {
      path: '/feedback',
      mocks: [
        surveysMock(),
        scoresMock([
          { responses: 0 },
          { responses: 4, nps: 50 },
          { responses: 2 },
          { responses: 6, csat: 0.5 },
          { responses: 7, ces: 5 },
          { responses: 9, nps: 10, csat: 0.8, ces: 4.2 },
        ]),
        touchpointsMock,
        touchpointSummaryMock(ids.counter, { responses: 1 }),
        touchpointSummaryMock(ids.delivery, { responses: 6, nps: 0 }),
        requestsMock(),
        responsesMock([response(1, SURVEYS[1] as (typeof SURVEYS)[number], { score: 4, comment: null })]),
        blindSpotsMock([blindSpot(ids.counter, 'Shop counter', { auditScore: 0.9, customerScore: 0.5 })]),
      ],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Feedback' })).toBeInTheDocument();
    for (const title of [
      'Surveys',
      'Scores over time',
      'Per touchpoint',
      'Blind spots',
      'Requests',
      'Recent answers',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
    }
    await screen.findByRole('article', { name: 'Counter CSAT' });
    await screen.findByText('Customers feel worse than your audits say');
    await screen.findByText(/1 answer: scores fewer than 5 anonymous answers/);
    await screen.findByRole('list', { name: 'Feedback requests' });
    await screen.findByRole('list', { name: 'Recent answers' });
    await screen.findByRole('img', { name: /QR code of the Counter CSAT survey/ });

    const results = await axe.run(container, { rules: { region: { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
    restore();
  }, 20_000);
});
