import { graphql } from '~/gql';

export const ChangeEntryFieldsFragment = graphql(`
  fragment ChangeEntryFields on ChangeEntry {
    id
    action
    entity
    entityId
    entityLabel
    changedAt
    origin
    member {
      id
      name
    }
    customer {
      id
      name
    }
    changes {
      field
      before
      after
      beforeLabel
      afterLabel
    }
  }
`);

export const CustomerHistoryDocument = graphql(`
  query CustomerHistory($id: ID!, $first: Int!, $after: String) {
    customer(id: $id) {
      id
      history(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...ChangeEntryFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export const WorkspaceHistoryDocument = graphql(`
  query WorkspaceHistory($first: Int!, $after: String, $entity: ChangedEntity) {
    history(first: $first, after: $after, entity: $entity) {
      edges {
        cursor
        node {
          ...ChangeEntryFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
