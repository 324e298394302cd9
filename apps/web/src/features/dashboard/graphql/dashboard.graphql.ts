import { graphql } from '~/gql';

/**
 * The whole dashboard in one query: each operation costs the browser more than its data does (Apollo
 * prepares its document, sends it, writes its answer to the cache and reads it back, cold code on a
 * page's first load), and the API answers all of it in one request. The contact mix is OWNER only
 * (staff get FORBIDDEN): `withContactMix` leaves it out for them.
 */
export const DashboardDocument = graphql(`
  query Dashboard($first: Int!, $days: Int!, $withContactMix: Boolean!) {
    healthSummary {
      activeCustomers
      healthy
      watch
      atRisk
      averageScore
      checkInsOverdue
    }
    overdueCustomers: customers(
      filter: { checkInOverdue: true }
      orderBy: NEXT_CHECK_IN_DUE
      first: $first
    ) {
      totalCount
      edges {
        node {
          id
          name
          nextCheckInDueAt
          lastRelationshipContactAt
          owner {
            id
            name
          }
          health {
            score
            band
          }
        }
      }
    }
    healthTrend(days: $days) {
      day
      averageScore
      healthy
      watch
      atRisk
    }
    atRiskCustomers: customers(filter: { band: AT_RISK }, orderBy: HEALTH_ASC, first: $first) {
      totalCount
      edges {
        node {
          id
          name
          owner {
            id
            name
          }
          health {
            score
            band
            nextBestAction
          }
        }
      }
    }
    contactMix(days: $days) @include(if: $withContactMix) {
      member {
        id
        name
      }
      relationship
      total
      relationshipShare
    }
  }
`);
