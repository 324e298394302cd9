import { graphql } from '~/gql';

export const DashboardDocument = graphql(`
  query Dashboard {
    customers(first: 1) {
      totalCount
    }
    touchpoints {
      id
      momentOfTruth
    }
  }
`);
