import { graphql } from '~/gql';

/** The surveys a request can be sent with (attributed ones; anonymous surveys have a shared link). */
export const AskForFeedbackSurveysDocument = graphql(`
  query AskForFeedbackSurveys {
    surveys {
      id
      name
      type
      question
      anonymous
    }
  }
`);

export const CustomerFeedbackRequestFieldsFragment = graphql(`
  fragment CustomerFeedbackRequestFields on FeedbackRequest {
    id
    url
    status
    createdAt
    expiresAt
    survey {
      id
      name
      type
    }
    response {
      id
      score
      respondedAt
    }
  }
`);

export const CustomerFeedbackRequestsDocument = graphql(`
  query CustomerFeedbackRequests($customerId: ID!) {
    feedbackRequests(customerId: $customerId) {
      ...CustomerFeedbackRequestFields
    }
  }
`);

export const AskForFeedbackDocument = graphql(`
  mutation AskForFeedback($input: RequestFeedbackInput!) {
    requestFeedback(input: $input) {
      ...CustomerFeedbackRequestFields
    }
  }
`);
