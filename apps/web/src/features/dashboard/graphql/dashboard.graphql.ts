import { graphql } from '~/gql';

/** The stats row, the band chart and whether the workspace has customers yet. */
export const DashboardSummaryDocument = graphql(`
  query DashboardSummary {
    customers(first: 1) {
      totalCount
    }
    healthSummary {
      healthy
      watch
      atRisk
      averageScore
      checkInsOverdue
    }
  }
`);

export const HealthTrendDocument = graphql(`
  query HealthTrend($days: Int!) {
    healthTrend(days: $days) {
      day
      averageScore
      healthy
      watch
      atRisk
    }
  }
`);

/** OWNER only: staff get FORBIDDEN, so the page never sends it for them. */
export const ContactMixDocument = graphql(`
  query ContactMix($days: Int!) {
    contactMix(days: $days) {
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

export const OverdueCheckInsDocument = graphql(`
  query OverdueCheckIns($first: Int!) {
    customers(filter: { checkInOverdue: true }, orderBy: NEXT_CHECK_IN_DUE, first: $first) {
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
          # The same health fields as AtRiskCustomers: the cache replaces a customer's health whole.
          health {
            score
            band
            nextBestAction
          }
        }
      }
    }
  }
`);

export const AtRiskCustomersDocument = graphql(`
  query AtRiskCustomers($first: Int!) {
    customers(filter: { band: AT_RISK }, orderBy: HEALTH_ASC, first: $first) {
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
  }
`);
