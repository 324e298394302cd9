import { graphql } from '~/gql';

export const CheckInFieldsFragment = graphql(`
  fragment CheckInFields on CheckIn {
    id
    status
    dueAt
    note
    closedAt
    skipReason
    assignee {
      id
      name
    }
    customer {
      id
      name
    }
  }
`);

export const CustomerCheckInsDocument = graphql(`
  query CustomerCheckIns($id: ID!) {
    customer(id: $id) {
      id
      checkIns(status: PLANNED, first: 20) {
        edges {
          node {
            ...CheckInFields
          }
        }
        totalCount
      }
    }
  }
`);

export const MyCheckInsDocument = graphql(`
  query MyCheckIns($assigneeId: ID!, $dueBefore: DateTime!, $first: Int!, $after: String) {
    checkIns(assigneeId: $assigneeId, dueBefore: $dueBefore, status: PLANNED, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...CheckInFields
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

export const CompleteCheckInDocument = graphql(`
  mutation CompleteCheckIn($id: ID!, $input: CompleteCheckInInput!) {
    completeCheckIn(id: $id, input: $input) {
      ...CheckInFields
    }
  }
`);

export const SkipCheckInDocument = graphql(`
  mutation SkipCheckIn($id: ID!, $reason: String!) {
    skipCheckIn(id: $id, reason: $reason) {
      ...CheckInFields
    }
  }
`);

export const ScheduleCheckInDocument = graphql(`
  mutation ScheduleCheckIn($input: ScheduleCheckInInput!) {
    scheduleCheckIn(input: $input) {
      ...CheckInFields
    }
  }
`);
