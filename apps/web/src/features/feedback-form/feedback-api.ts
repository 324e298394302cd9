import {
  type DescribedError,
  describeGraphQLErrors,
  type GraphQLErrorLike,
  NETWORK_ERROR,
  UNEXPECTED_ERROR,
} from '~/app/error-messages';
import { postGraphql } from '~/app/post-graphql';
import type {
  FeedbackFormQuery,
  FeedbackFormQueryVariables,
  SubmitFeedbackMutation,
  SubmitFeedbackMutationVariables,
} from '~/gql/graphql';

// The public feedback form talks to the API with fetch(): a customer opening a link on a phone
// downloads React and this page, not Apollo Client (its own entry, see main.tsx). The operations are
// the ones in graphql/feedback-form.graphql.ts, which codegen checks against the schema and types
// (feedback-api.test.ts keeps the two the same).

export type FeedbackForm = FeedbackFormQuery['feedbackForm'];

export const FEEDBACK_FORM_QUERY = `query FeedbackForm($token: String!) {
  feedbackForm(token: $token) { businessName type question minScore maxScore status }
}`;

export const SUBMIT_FEEDBACK_MUTATION = `mutation SubmitFeedback($token: String!, $input: SubmitFeedbackInput!) {
  submitFeedback(token: $token, input: $input)
}`;

/** The API answered with GraphQL errors (what Apollo calls CombinedGraphQLErrors). */
export class FeedbackApiError extends Error {
  constructor(readonly errors: readonly GraphQLErrorLike[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'FeedbackApiError';
  }
}

/** The server did not answer in GraphQL (a proxy's error page, a 502, a cut connection). */
export class FeedbackServerError extends Error {
  constructor(readonly status: number) {
    super(`The server answered ${status} without a GraphQL result`);
    this.name = 'FeedbackServerError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorLike[];
}

/** One GraphQL request: its data, or the errors it answered (FeedbackApiError, FeedbackServerError). */
async function request<T>(operationName: string, query: string, variables: object): Promise<T> {
  const response = await postGraphql(operationName, query, variables);
  let result: GraphQLResponse<T>;
  try {
    result = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new FeedbackServerError(response.status);
  }
  if (result?.errors?.length) throw new FeedbackApiError(result.errors);
  if (!response.ok || !result?.data) throw new FeedbackServerError(response.status);
  return result.data;
}

export async function fetchFeedbackForm(token: string): Promise<FeedbackForm> {
  const variables: FeedbackFormQueryVariables = { token };
  const data = await request<FeedbackFormQuery>('FeedbackForm', FEEDBACK_FORM_QUERY, variables);
  return data.feedbackForm;
}

export async function submitFeedback(
  token: string,
  input: SubmitFeedbackMutationVariables['input'],
): Promise<void> {
  const variables: SubmitFeedbackMutationVariables = { token, input };
  await request<SubmitFeedbackMutation>('SubmitFeedback', SUBMIT_FEEDBACK_MUTATION, variables);
}

/** What describeError (~/app/errors) says for Apollo's errors, for this page's. */
export function describeFeedbackError(error: unknown): DescribedError {
  if (error instanceof FeedbackApiError) return describeGraphQLErrors(error.errors);
  // fetch() rejects with a TypeError when the network is down.
  if (error instanceof FeedbackServerError || error instanceof TypeError)
    return { ...NETWORK_ERROR, fields: {} };
  return { ...UNEXPECTED_ERROR, fields: {} };
}

/** The first GraphQL error's message as the API wrote it (to tell an expired link from an answered one). */
export function rawErrorMessage(error: unknown): string {
  return error instanceof FeedbackApiError ? (error.errors[0]?.message ?? '') : '';
}
