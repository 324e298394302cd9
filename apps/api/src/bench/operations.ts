import { randomUUID } from 'node:crypto';

/**
 * What the benchmark sends: the web client's own selections (customers list, customer page,
 * dashboard), written out here because the client's documents live in the web workspace.
 */

const LIST_ITEM = `id name company email phone tags status cadenceDays ownCadenceDays createdAt
  owner { id name } health { score band } lastRelationshipContactAt nextCheckInDueAt checkInOverdue`;

/** A page as the web's customers page asks for it, with the total it shows ("Showing 1–50 of N"). */
const LIST_PAGE = `edges { cursor node { ${LIST_ITEM} } } pageInfo { hasNextPage endCursor } totalCount`;

/** The customers page: 50 rows, lowest health first. */
export const CUSTOMER_LIST = `query Customers { customers(first: 50, orderBy: HEALTH_ASC) { ${LIST_PAGE} } }`;

/** The customers page filtered to overdue check-ins, soonest due first. */
export const OVERDUE_LIST = `query Overdue {
  customers(first: 50, filter: { checkInOverdue: true }, orderBy: NEXT_CHECK_IN_DUE) { ${LIST_PAGE} }
}`;

/** A customer's page: profile, health with factors, the newest 20 timeline entries. */
export const CUSTOMER_PAGE = `query CustomerPage($id: ID!) {
  customer(id: $id) {
    ${LIST_ITEM} version notes profileFacts { label value }
    health { score band trend nextBestAction factors { key value points explanation } }
    timeline(first: 20) {
      edges { cursor node {
        __typename
        ... on Interaction { id occurredAt channel direction purpose sentiment summary frictionNote followUpAt
                             member { id name } touchpoint { id name } }
        ... on CheckIn { id status dueAt closedAt skipReason note assignee { id name } }
        ... on FrictionPoint { id description severity frictionStatus: status frictionSource: source createdAt
                               touchpoint { id name } }
        ... on FeedbackResponse { id score comment respondedAt survey { id name type } }
      } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}`;

/**
 * Everything the owner's dashboard shows, in one document as the web asks it (its `Dashboard` query),
 * with the 20 rows per list where the page shows 10.
 */
export const DASHBOARD = `query Dashboard {
  healthSummary { activeCustomers healthy watch atRisk averageScore checkInsOverdue }
  overdueCustomers: customers(filter: { checkInOverdue: true }, orderBy: NEXT_CHECK_IN_DUE, first: 20) {
    totalCount
    edges { node { id name nextCheckInDueAt lastRelationshipContactAt owner { id name } health { score band } } }
  }
  healthTrend(days: 90) { day averageScore healthy watch atRisk }
  atRiskCustomers: customers(filter: { band: AT_RISK }, orderBy: HEALTH_ASC, first: 20) {
    totalCount
    edges { node { id name owner { id name } health { score band nextBestAction } } }
  }
  contactMix(days: 90) { member { id name } relationship total relationshipShare }
}`;

export const HEALTH_SUMMARY = `query HealthSummary { healthSummary { healthy watch atRisk averageScore checkInsOverdue } }`;

export const LOG_INTERACTION = `mutation Log($input: LogInteractionInput!) {
  logInteraction(input: $input) { id occurredAt purpose sentiment customer { id health { score band } } }
}`;

/** The `n`th contact of a load: a relationship call to `customerId`, with a key of its own. */
export const logInteractionVariables = (customerId: string, n: number) => ({
  input: {
    customerId,
    channel: 'PHONE',
    direction: 'OUTBOUND',
    purpose: 'RELATIONSHIP',
    sentiment: 1,
    summary: `Benchmark check-in ${n}`,
    idempotencyKey: randomUUID(),
  },
});

export const SUBMIT_FEEDBACK = `mutation Answer($token: String!, $input: SubmitFeedbackInput!) {
  submitFeedback(token: $token, input: $input)
}`;
