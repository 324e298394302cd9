import { print } from 'graphql';
import { parse } from 'graphql/language/parser';
import {
  describeFeedbackError,
  FEEDBACK_FORM_QUERY,
  fetchFeedbackForm,
  SUBMIT_FEEDBACK_MUTATION,
  submitFeedback,
} from './feedback-api';
import { FeedbackFormDocument, SubmitFeedbackDocument } from './graphql/feedback-form.graphql';

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/graphql-response+json' },
  });

describe('feedback-api (the public form without Apollo Client)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('sends the same operations as the documents codegen checks against the schema', () => {
    expect(print(parse(FEEDBACK_FORM_QUERY))).toBe(print(FeedbackFormDocument));
    expect(print(parse(SUBMIT_FEEDBACK_MUTATION))).toBe(print(SubmitFeedbackDocument));
  });

  it('posts JSON to /graphql with the cookie, as Apollo does (which the API CSRF prevention accepts)', async () => {
    const form = {
      businessName: 'B',
      type: 'NPS',
      question: 'Q?',
      minScore: 0,
      maxScore: 10,
      status: 'PENDING',
    };
    const fetch = jest
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(jsonResponse({ data: { feedbackForm: form } }));
    await expect(fetchFeedbackForm('tok')).resolves.toEqual(form);
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/graphql');
    expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin' });
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init?.body))).toEqual({
      operationName: 'FeedbackForm',
      query: FEEDBACK_FORM_QUERY,
      variables: { token: 'tok' },
    });
  });

  it('describes GraphQL errors (also with a 4xx/5xx status), bad answers and the network failing', async () => {
    const fetch = jest.spyOn(globalThis, 'fetch');
    const failure = (promise: Promise<unknown>) => promise.then(() => null, describeFeedbackError);

    fetch.mockResolvedValueOnce(
      jsonResponse({
        errors: [{ message: 'This feedback link is not valid', extensions: { code: 'NOT_FOUND' } }],
      }),
    );
    expect(await failure(fetchFeedbackForm('x'))).toEqual({
      code: 'NOT_FOUND',
      message: 'This feedback link is not valid',
      fields: {},
    });

    fetch.mockResolvedValueOnce(
      jsonResponse({ errors: [{ message: 'Busy', extensions: { code: 'UNAVAILABLE' } }] }, 503),
    );
    expect(await failure(submitFeedback('x', { score: 1 }))).toMatchObject({ code: 'UNAVAILABLE' });

    fetch.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }));
    expect(await failure(fetchFeedbackForm('x'))).toMatchObject({ code: null, message: /could not reach/ });

    fetch.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await failure(submitFeedback('x', { score: 1 }))).toMatchObject({
      code: null,
      message: /could not reach/,
    });
  });
});
