import { graphql } from '~/gql';

export const CustomerListItemFragment = graphql(`
  fragment CustomerListItem on Customer {
    id
    name
    company
    email
    phone
    tags
    status
    cadenceDays
    ownCadenceDays
    createdAt
    owner {
      id
      name
    }
    health {
      score
      band
    }
    lastRelationshipContactAt
    nextCheckInDueAt
    checkInOverdue
  }
`);

export const CustomerDetailFragment = graphql(`
  fragment CustomerDetail on Customer {
    ...CustomerListItem
    version
    notes
    profileFacts {
      label
      value
    }
    health {
      score
      band
      trend
      nextBestAction
      factors {
        key
        value
        points
        explanation
      }
    }
  }
`);

export const CustomersDocument = graphql(`
  query Customers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      edges {
        cursor
        node {
          ...CustomerListItem
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export const CustomerDocument = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      ...CustomerDetail
    }
  }
`);

export const CreateCustomerDocument = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      ...CustomerDetail
    }
  }
`);

export const UpdateCustomerDocument = graphql(`
  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...CustomerDetail
    }
  }
`);

export const ArchiveCustomerDocument = graphql(`
  mutation ArchiveCustomer($id: ID!) {
    archiveCustomer(id: $id) {
      id
      status
    }
  }
`);
