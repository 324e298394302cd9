import { graphql } from '~/gql';

/** PUBLIC: what a customer sees on a feedback link. */
export const FeedbackFormDocument = graphql(`
  query FeedbackForm($token: String!) {
    feedbackForm(token: $token) {
      businessName
      type
      question
      minScore
      maxScore
      status
    }
  }
`);

/** PUBLIC: the customer's answer. */
export const SubmitFeedbackDocument = graphql(`
  mutation SubmitFeedback($token: String!, $input: SubmitFeedbackInput!) {
    submitFeedback(token: $token, input: $input)
  }
`);
