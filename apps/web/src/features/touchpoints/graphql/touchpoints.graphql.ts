import { graphql } from '~/gql';

export const TouchpointFieldsFragment = graphql(`
  fragment TouchpointFields on Touchpoint {
    id
    name
    channel
    stage
    description
    momentOfTruth
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
  mutation CreateTouchpoint($input: TouchpointInput!) {
    createTouchpoint(input: $input) {
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
