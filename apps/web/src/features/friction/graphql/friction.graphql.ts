import { graphql } from '~/gql';

export const FrictionPointFieldsFragment = graphql(`
  fragment FrictionPointFields on FrictionPoint {
    id
    version
    description
    severity
    status
    source
    resolution
    createdAt
    updatedAt
    resolvedAt
    touchpoint {
      id
      name
    }
    customer {
      id
      name
    }
    owner {
      id
      name
    }
    audit {
      id
      title
    }
    interaction {
      id
      summary
    }
  }
`);

/** Unresolved first, then by severity, newest first. */
export const FrictionPointsDocument = graphql(`
  query FrictionPoints($status: FrictionStatus, $touchpointId: ID) {
    frictionPoints(status: $status, touchpointId: $touchpointId) {
      ...FrictionPointFields
    }
  }
`);

export const RaiseFrictionPointDocument = graphql(`
  mutation RaiseFrictionPoint($input: RaiseFrictionPointInput!) {
    raiseFrictionPoint(input: $input) {
      ...FrictionPointFields
    }
  }
`);

export const UpdateFrictionPointDocument = graphql(`
  mutation UpdateFrictionPoint($id: ID!, $input: UpdateFrictionPointInput!) {
    updateFrictionPoint(id: $id, input: $input) {
      ...FrictionPointFields
    }
  }
`);

/** Names for the board's selects. */
export const FrictionOptionsDocument = graphql(`
  query FrictionOptions {
    members {
      id
      name
    }
    touchpoints {
      id
      name
    }
  }
`);

export const FrictionCustomerSearchDocument = graphql(`
  query FrictionCustomerSearch($first: Int!, $filter: CustomerFilter) {
    customers(first: $first, filter: $filter) {
      edges {
        cursor
        node {
          id
          name
          company
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
