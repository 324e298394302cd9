import { render as renderPage, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { FeedbackFormDocument } from '../graphql/feedback-form.graphql';
import { mockFeedbackApi } from '../test-api';
import { PublicFeedbackPage } from './PublicFeedbackPage';

async function violations() {
  // jsdom has no layout (colour contrast): that is for a browser.
  const results = await axe.run(document.body, {
    rules: { 'color-contrast': { enabled: false } },
  });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

const render = (status = 'PENDING') => {
  mockFeedbackApi([
    {
      request: { query: FeedbackFormDocument, variables: { token: 'tok' } },
      result: {
        data: {
          feedbackForm: {
            __typename: 'PublicFeedbackForm',
            businessName: 'Lovelace Bakery',
            type: 'NPS',
            question: 'How likely are you to recommend us?',
            minScore: 0,
            maxScore: 10,
            status,
          },
        },
      },
    },
  ]);
  return renderPage(<PublicFeedbackPage token="tok" />);
};

describe('public feedback form accessibility', () => {
  afterEach(() => jest.restoreAllMocks());

  it('the form passes axe checks, also showing an error', async () => {
    render();
    await screen.findByRole('heading', { name: 'How likely are you to recommend us?' });
    expect(await violations()).toEqual([]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send' }));
    await screen.findByText('Choose a score from 0 to 10');
    expect(await violations()).toEqual([]);
  });

  it('the expired page passes axe checks', async () => {
    render('EXPIRED');
    await screen.findByRole('heading', { name: 'This link has expired' });
    expect(await violations()).toEqual([]);
  });
});
