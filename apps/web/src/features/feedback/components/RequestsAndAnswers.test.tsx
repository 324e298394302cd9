import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderRoute } from '~/test/render';
import { FeedbackRequestsDocument, FeedbackResponsesDocument } from '../graphql/feedback.graphql';
import {
  errorMock,
  ids,
  REQUESTS,
  requestsMock,
  response,
  responsesMock,
  SURVEYS,
  survey,
} from '../test-fixtures';
import { FeedbackRequestsCard } from './FeedbackRequestsCard';
import { HIDDEN_COMMENT_MESSAGE, RecentAnswersCard } from './RecentAnswersCard';

const items = (listName: string) =>
  within(screen.getByRole('list', { name: listName })).getAllByRole('listitem');

describe('FeedbackRequestsCard', () => {
  it('shows a loading state, then each request with its status, customer, survey and answer', async () => {
    renderRoute(<FeedbackRequestsCard />, { mocks: [requestsMock()] });
    expect(screen.getByText('Loading feedback requests…')).toBeInTheDocument();
    await screen.findByRole('list', { name: 'Feedback requests' });
    const [pending, answered, expired] = items('Feedback requests') as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];

    expect(within(pending).getByText('Pending')).toBeInTheDocument();
    expect(within(pending).getByRole('link', { name: 'Grace Hopper' })).toHaveAttribute(
      'href',
      `/customers/${ids.grace}`,
    );
    expect(
      within(pending).getByText(/After-visit NPS · Sent Nov 1, 2025 · Expires Nov 15, 2025/),
    ).toBeInTheDocument();

    expect(within(answered).getByText('Answered')).toBeInTheDocument();
    expect(within(answered).getByText('3')).toBeInTheDocument();
    expect(within(answered).getByText('The bread was stale')).toBeInTheDocument();

    expect(within(expired).getByText('Expired')).toBeInTheDocument();
    expect(within(expired).getByText(/Expired Nov 15, 2025/)).toBeInTheDocument();
    expect(screen.getByText('1 pending, 1 answered, 1 expired')).toBeInTheDocument();
    expect(REQUESTS).toHaveLength(3);
  });

  it('has an empty state', async () => {
    renderRoute(<FeedbackRequestsCard />, { mocks: [requestsMock([])] });
    expect(await screen.findByText('No requests yet')).toBeInTheDocument();
  });

  it('has an error state with a retry', async () => {
    renderRoute(<FeedbackRequestsCard />, { mocks: [errorMock(FeedbackRequestsDocument), requestsMock()] });
    expect(await screen.findByText('Could not load feedback requests')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Feedback requests' })).toBeInTheDocument();
  });
});

describe('RecentAnswersCard', () => {
  const attributed = SURVEYS[0] as (typeof SURVEYS)[number];
  const smallAnonymous = SURVEYS[1] as (typeof SURVEYS)[number];
  const bigAnonymous = survey(5, { name: 'Till CES', type: 'CES', anonymous: true });

  it('shows comments, names attributed answers, and hides anonymous comments until 5 answers', async () => {
    renderRoute(<RecentAnswersCard />, {
      mocks: [
        responsesMock([
          response(1, attributed, {
            score: 9,
            comment: 'Lovely',
            customer: { id: ids.grace, name: 'Grace Hopper' },
          }),
          response(2, smallAnonymous, { score: 2, comment: null }),
          ...[3, 4, 5, 6, 7].map((n) =>
            response(n, bigAnonymous, { score: 6, comment: n === 3 ? 'Quick' : null }),
          ),
        ]),
      ],
    });
    await screen.findByRole('list', { name: 'Recent answers' });
    const rows = items('Recent answers');
    expect(rows).toHaveLength(7);
    const [named, small, big, bigNoComment] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(named).getByRole('link', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(within(named).getByText('Lovely')).toBeInTheDocument();
    expect(named).toHaveTextContent('Score 9 on 0–10');

    expect(within(small).getByText('Anonymous')).toBeInTheDocument();
    expect(within(small).getByText(HIDDEN_COMMENT_MESSAGE)).toBeInTheDocument();

    expect(within(big).getByText('Quick')).toBeInTheDocument();
    expect(within(bigNoComment).queryByText(HIDDEN_COMMENT_MESSAGE)).not.toBeInTheDocument();
    expect(
      screen.getByText(/Comments on anonymous surveys appear once the survey has 5 answers/),
    ).toBeInTheDocument();
  });

  it('has empty and error states', async () => {
    const { unmount } = renderRoute(<RecentAnswersCard />, { mocks: [responsesMock([])] });
    expect(await screen.findByText('No answers yet')).toBeInTheDocument();
    unmount();
    renderRoute(<RecentAnswersCard />, { mocks: [errorMock(FeedbackResponsesDocument)] });
    expect(await screen.findByText('Could not load answers')).toBeInTheDocument();
  });
});
