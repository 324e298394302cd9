import { render as renderPage, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlError } from '~/test/render';
import type { FeedbackForm } from '../feedback-api';
import { FeedbackFormDocument, SubmitFeedbackDocument } from '../graphql/feedback-form.graphql';
import { type ApiMock, mockFeedbackApi } from '../test-api';
import { PublicFeedbackPage } from './PublicFeedbackPage';

const token = 'tok-feedback-123';

const feedbackFormMock = (
  overrides: Partial<{ type: string; minScore: number; maxScore: number; status: string }> = {},
) => ({
  request: { query: FeedbackFormDocument, variables: { token } },
  result: {
    data: {
      feedbackForm: {
        __typename: 'PublicFeedbackForm',
        businessName: 'Lovelace Bakery',
        type: 'NPS',
        question: 'How likely are you to recommend us to a friend?',
        minScore: 0,
        maxScore: 10,
        status: 'PENDING',
        ...overrides,
      },
    },
  },
});

const submitMock = (input: { score: number; comment: string | null }, result: object) => ({
  request: { query: SubmitFeedbackDocument, variables: { token, input } },
  result,
});

const render = (mocks: readonly ApiMock[]) => {
  const fetch = mockFeedbackApi(mocks);
  return { ...renderPage(<PublicFeedbackPage token={token} />), fetch };
};

describe('PublicFeedbackPage', () => {
  afterEach(() => jest.restoreAllMocks());

  it('shows the business, the question and an NPS scale of 0 to 10 with its ends named', async () => {
    render([feedbackFormMock()]);
    expect(screen.getByRole('status')).toHaveTextContent('Opening the form…');
    const question = await screen.findByRole('heading', {
      level: 1,
      name: 'How likely are you to recommend us to a friend?',
    });
    expect(question).toBeInTheDocument();
    expect(screen.getByText('Lovelace Bakery')).toBeInTheDocument();
    const group = screen.getByRole('group', { name: 'How likely are you to recommend us to a friend?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(group).toHaveAccessibleDescription('0 = Not likely 10 = Very likely');
    expect(document.title).toBe('Feedback for Lovelace Bakery · Rapport');
  });

  it('answers in two taps: a score, then Send — and says thank you', async () => {
    const user = userEvent.setup();
    render([feedbackFormMock(), submitMock({ score: 9, comment: null }, { data: { submitFeedback: true } })]);
    await user.click(await screen.findByRole('radio', { name: '9' }));
    expect(screen.getByRole('radio', { name: '9' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    const thanks = await screen.findByRole('heading', { name: 'Thank you!' });
    expect(thanks).toHaveFocus();
    expect(screen.getByText(/Your answer has reached Lovelace Bakery/)).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('sends the comment with the score, and acknowledges a low answer', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock({ type: 'CSAT', minScore: 1, maxScore: 5 }),
      submitMock({ score: 2, comment: 'The bread was stale' }, { data: { submitFeedback: true } }),
    ]);
    const group = await screen.findByRole('group');
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    expect(group).toHaveAccessibleDescription('1 = Very unhappy 5 = Very happy');
    await user.click(screen.getByRole('radio', { name: '2' }));
    await user.type(screen.getByLabelText(/Anything you would like to add/), '  The bread was stale ');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toBeInTheDocument();
    expect(screen.getByText(/sorry it was not better/)).toBeInTheDocument();
  });

  it('offers CES 1 to 7', async () => {
    render([feedbackFormMock({ type: 'CES', minScore: 1, maxScore: 7 })]);
    const group = await screen.findByRole('group');
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(group).toHaveAccessibleDescription('1 = Very hard 7 = Very easy');
  });

  it('selects a score from the keyboard', async () => {
    const user = userEvent.setup();
    render([feedbackFormMock()]);
    const zero = await screen.findByRole('radio', { name: '0' });
    zero.focus();
    await user.keyboard(' ');
    expect(zero).toBeChecked();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(screen.getByRole('radio', { name: '3' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '3' })).toHaveFocus();
  });

  it('asks for a score before sending, beside the scale', async () => {
    const user = userEvent.setup();
    render([feedbackFormMock()]);
    await user.click(await screen.findByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Choose a score from 0 to 10')).toBeInTheDocument();
    const group = screen.getByRole('group');
    expect(group).toHaveAccessibleDescription(/Choose a score from 0 to 10/);
    expect(screen.getByRole('radio', { name: '0' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('radio', { name: '0' })).toHaveFocus();
  });

  it('shows the API field errors beside their fields', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock(),
      submitMock(
        { score: 4, comment: 'Too long' },
        {
          errors: [
            graphqlError('BAD_USER_INPUT', 'Some details need fixing.', {
              comment: 'At most 2000 characters',
            }),
          ],
        },
      ),
    ]);
    await user.click(await screen.findByRole('radio', { name: '4' }));
    await user.type(screen.getByLabelText(/Anything you would like to add/), 'Too long');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('At most 2000 characters')).toBeInTheDocument();
    expect(screen.getByLabelText(/Anything you would like to add/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('says the link was already answered', async () => {
    render([feedbackFormMock({ status: 'ANSWERED' })]);
    expect(await screen.findByRole('heading', { name: 'You have already answered' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('says the link has expired', async () => {
    render([feedbackFormMock({ status: 'EXPIRED' })]);
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
    expect(screen.getByText(/ask them for a new link/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send' })).not.toBeInTheDocument();
  });

  it('says when the link is not valid', async () => {
    render([
      {
        request: { query: FeedbackFormDocument, variables: { token } },
        result: { errors: [graphqlError('NOT_FOUND', 'This feedback link is not valid')] },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'This is not a valid link' })).toBeInTheDocument();
  });

  it('offers a retry when the form cannot be loaded', async () => {
    render([
      {
        request: { query: FeedbackFormDocument, variables: { token } },
        result: { errors: [graphqlError('INTERNAL_SERVER_ERROR', 'boom')] },
      },
    ]);
    expect(await screen.findByText('Could not open the form')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Try again|Retry/ })).toBeInTheDocument();
  });

  it('turns a CONFLICT on sending into the matching page', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock(),
      submitMock(
        { score: 10, comment: null },
        { errors: [graphqlError('CONFLICT', 'This feedback link has already been answered')] },
      ),
    ]);
    await user.click(await screen.findByRole('radio', { name: '10' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'You have already answered' })).toHaveFocus();
  });

  it('turns an expiry on sending into the expired page', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock(),
      submitMock(
        { score: 7, comment: null },
        { errors: [graphqlError('CONFLICT', 'This feedback link has expired')] },
      ),
    ]);
    await user.click(await screen.findByRole('radio', { name: '7' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'This link has expired' })).toBeInTheDocument();
  });

  it('says a shared link was already answered today from this device', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock(),
      submitMock(
        { score: 8, comment: null },
        { errors: [graphqlError('RATE_LIMITED', 'You have already answered this survey today. Thank you!')] },
      ),
    ]);
    await user.click(await screen.findByRole('radio', { name: '8' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'You already answered today' })).toBeInTheDocument();
  });

  it('keeps the form with a message when the network is busy', async () => {
    const user = userEvent.setup();
    render([
      feedbackFormMock(),
      submitMock(
        { score: 8, comment: null },
        { errors: [graphqlError('RATE_LIMITED', 'Too many requests')] },
      ),
    ]);
    await user.click(await screen.findByRole('radio', { name: '8' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts');
    expect(screen.getByRole('radio', { name: '8' })).toBeChecked();
  });

  it('renders the form from the request started before the page (main.tsx), without asking again', async () => {
    const fetch = mockFeedbackApi([]);
    const form: FeedbackForm = {
      businessName: 'Lovelace Bakery',
      type: 'NPS',
      question: 'How likely are you to recommend us to a friend?',
      minScore: 0,
      maxScore: 10,
      status: 'PENDING',
    };
    renderPage(<PublicFeedbackPage token={token} request={Promise.resolve(form)} />);
    expect(await screen.findByRole('heading', { level: 1, name: form.question })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('opens the form once the network is back, after a retry', async () => {
    const user = userEvent.setup();
    render([
      { request: { query: FeedbackFormDocument, variables: { token } }, result: 'network' },
      feedbackFormMock(),
    ]);
    expect(await screen.findByText('Could not open the form')).toBeInTheDocument();
    expect(screen.getByText(/We could not reach Rapport/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radio', { name: '9' })).toBeInTheDocument();
  });

  it('keeps the answer when sending fails offline, and sends it again', async () => {
    const user = userEvent.setup();
    const { fetch } = render([
      feedbackFormMock(),
      {
        request: { query: SubmitFeedbackDocument, variables: { token, input: { score: 6, comment: null } } },
        result: 'network',
      },
      submitMock({ score: 6, comment: null }, { data: { submitFeedback: true } }),
    ]);
    await user.click(await screen.findByRole('radio', { name: '6' }));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Rapport');
    expect(screen.getByRole('radio', { name: '6' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'Thank you!' })).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('treats an answer that is not GraphQL (a proxy error page) as the network failing', async () => {
    const user = userEvent.setup();
    jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    renderPage(<PublicFeedbackPage token={token} />);
    expect(await screen.findByText(/We could not reach Rapport/)).toBeInTheDocument();
    mockFeedbackApi([feedbackFormMock()]);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('radio', { name: '0' })).toBeInTheDocument();
  });
});
