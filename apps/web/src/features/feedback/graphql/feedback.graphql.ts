import { graphql } from '~/gql';

/** Surveys, newest first, with the touchpoints the "New survey" form offers. */
export const FeedbackSurveysDocument = graphql(`
  query FeedbackSurveys {
    surveys {
      id
      name
      type
      question
      anonymous
      publicUrl
      createdAt
      touchpoint {
        id
        name
      }
    }
    touchpoints {
      id
      name
    }
  }
`);

export const CreateSurveyDocument = graphql(`
  mutation CreateSurvey($input: CreateSurveyInput!) {
    createSurvey(input: $input) {
      id
      name
      type
      question
      anonymous
      publicUrl
      createdAt
      touchpoint {
        id
        name
      }
    }
  }
`);

export const FeedbackSummaryFieldsFragment = graphql(`
  fragment FeedbackSummaryFields on FeedbackSummary {
    responses
    nps
    csat
    ces
  }
`);

/** Six monthly summaries in one round trip: m0 is the oldest month, m5 the current one. */
export const FeedbackScoresOverTimeDocument = graphql(`
  query FeedbackScoresOverTime(
    $from0: DateTime!
    $to0: DateTime!
    $from1: DateTime!
    $to1: DateTime!
    $from2: DateTime!
    $to2: DateTime!
    $from3: DateTime!
    $to3: DateTime!
    $from4: DateTime!
    $to4: DateTime!
    $from5: DateTime!
    $to5: DateTime!
  ) {
    m0: feedbackSummary(from: $from0, to: $to0) {
      ...FeedbackSummaryFields
    }
    m1: feedbackSummary(from: $from1, to: $to1) {
      ...FeedbackSummaryFields
    }
    m2: feedbackSummary(from: $from2, to: $to2) {
      ...FeedbackSummaryFields
    }
    m3: feedbackSummary(from: $from3, to: $to3) {
      ...FeedbackSummaryFields
    }
    m4: feedbackSummary(from: $from4, to: $to4) {
      ...FeedbackSummaryFields
    }
    m5: feedbackSummary(from: $from5, to: $to5) {
      ...FeedbackSummaryFields
    }
  }
`);

export const FeedbackTouchpointsDocument = graphql(`
  query FeedbackTouchpoints {
    touchpoints {
      id
      name
    }
  }
`);

/** One touchpoint's answers over a period. */
export const TouchpointFeedbackSummaryDocument = graphql(`
  query TouchpointFeedbackSummary($touchpointId: ID!, $from: DateTime!, $to: DateTime!) {
    feedbackSummary(touchpointId: $touchpointId, from: $from, to: $to) {
      ...FeedbackSummaryFields
    }
  }
`);

export const FeedbackRequestsDocument = graphql(`
  query FeedbackRequests {
    feedbackRequests {
      id
      status
      expiresAt
      createdAt
      survey {
        id
        name
      }
      customer {
        id
        name
      }
      response {
        id
        score
        comment
        respondedAt
      }
    }
  }
`);

export const FeedbackResponsesDocument = graphql(`
  query FeedbackResponses {
    feedbackResponses {
      id
      score
      comment
      respondedAt
      survey {
        id
        name
        type
        anonymous
      }
      customer {
        id
        name
      }
    }
  }
`);

export const BlindSpotsDocument = graphql(`
  query BlindSpots {
    blindSpots {
      touchpoint {
        id
        name
        stage
      }
      audits
      answers
      auditScore
      customerScore
      gap
    }
  }
`);
