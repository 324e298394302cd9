import { graphql } from '~/gql';

export const InteractionFieldsFragment = graphql(`
  fragment InteractionFields on Interaction {
    id
    occurredAt
    channel
    direction
    purpose
    sentiment
    summary
    frictionNote
    followUpAt
    member {
      id
      name
    }
    touchpoint {
      id
      name
    }
  }
`);

export const CustomerTimelineDocument = graphql(`
  query CustomerTimeline($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      timeline(first: $first, after: $after) {
        edges {
          cursor
          node {
            __typename
            ... on Interaction {
              ...InteractionFields
            }
            ... on CheckIn {
              id
              status
              dueAt
              closedAt
              skipReason
              note
              assignee {
                id
                name
              }
            }
            ... on FrictionPoint {
              id
              description
              severity
              frictionStatus: status
              frictionSource: source
              createdAt
              touchpoint {
                id
                name
              }
            }
            ... on FeedbackResponse {
              id
              score
              comment
              respondedAt
              survey {
                id
                name
                type
              }
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  }
`);

/** What the quick log prefills from: the customer's newest interaction. */
export const QuickLogDefaultsDocument = graphql(`
  query QuickLogDefaults($id: ID!) {
    customer(id: $id) {
      id
      interactions(first: 1) {
        edges {
          node {
            id
            channel
          }
        }
      }
    }
  }
`);

export const LogInteractionDocument = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      ...InteractionFields
    }
  }
`);
