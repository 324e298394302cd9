import { graphql } from '~/gql';

export const TouchpointFieldsFragment = graphql(`
  fragment TouchpointFields on Touchpoint {
    id
    name
    channel
    stage
    description
    momentOfTruth
    ...TouchpointScores
  }
`);

/** Heat-map figures: mean audit ratings 1..5, consistency 0..1 (null without enough audits), open friction. */
export const TouchpointScoresFragment = graphql(`
  fragment TouchpointScores on Touchpoint {
    id
    accuracy
    availability
    partnership
    advice
    consistency
    openFrictionCount
  }
`);

export const TouchpointsDocument = graphql(`
  query Touchpoints {
    touchpoints {
      ...TouchpointFields
    }
  }
`);

export const CreateTouchpointDocument = graphql(`
  mutation CreateTouchpoint($input: TouchpointInput!, $idempotencyKey: String) {
    createTouchpoint(input: $input, idempotencyKey: $idempotencyKey) {
      ...TouchpointFields
    }
  }
`);

export const UpdateTouchpointDocument = graphql(`
  mutation UpdateTouchpoint($id: ID!, $input: TouchpointInput!) {
    updateTouchpoint(id: $id, input: $input) {
      ...TouchpointFields
    }
  }
`);
