import { graphql } from '~/gql';

export const AuditSummaryFieldsFragment = graphql(`
  fragment AuditSummaryFields on Audit {
    id
    title
    scenario
    status
    auditorName
    external
    createdAt
    submittedAt
  }
`);

export const ObservationFieldsFragment = graphql(`
  fragment ObservationFields on Observation {
    id
    touchpoint {
      id
      name
    }
    expected
    experienced
    surprise
    friction
    accuracy
    availability
    partnership
    advice
    wouldReturn
    notes
  }
`);

export const AuditsDocument = graphql(`
  query Audits {
    audits {
      ...AuditSummaryFields
      steps {
        id
      }
    }
  }
`);

export const AuditDocument = graphql(`
  query Audit($id: ID!) {
    audit(id: $id) {
      ...AuditSummaryFields
      steps {
        id
        name
        channel
        stage
        momentOfTruth
      }
      observations {
        ...ObservationFields
      }
      scenarioConsistency {
        touchpoint {
          id
          name
        }
        audits
        consistency
      }
    }
  }
`);

export const AuditTouchpointsDocument = graphql(`
  query AuditTouchpoints {
    touchpoints {
      id
      name
      channel
      stage
      momentOfTruth
    }
  }
`);

export const CreateAuditDocument = graphql(`
  mutation CreateAudit($input: CreateAuditInput!) {
    createAudit(input: $input) {
      ...AuditSummaryFields
      inviteUrl
    }
  }
`);

export const RenewAuditLinkDocument = graphql(`
  mutation RenewAuditLink($id: ID!) {
    renewAuditLink(id: $id) {
      id
      inviteUrl
    }
  }
`);

export const RecordObservationDocument = graphql(`
  mutation RecordObservation($auditId: ID!, $input: ObservationInput!) {
    recordObservation(auditId: $auditId, input: $input) {
      ...ObservationFields
    }
  }
`);

export const SubmitAuditDocument = graphql(`
  mutation SubmitAudit($id: ID!) {
    submitAudit(id: $id) {
      id
      status
      submittedAt
    }
  }
`);

export const PublicAuditDocument = graphql(`
  query PublicAudit($token: String!) {
    publicAudit(token: $token) {
      title
      scenario
      businessName
      status
      steps {
        touchpointId
        name
        channel
        observed
      }
    }
  }
`);

export const RecordPublicObservationDocument = graphql(`
  mutation RecordPublicObservation($token: String!, $input: ObservationInput!) {
    recordPublicObservation(token: $token, input: $input)
  }
`);

export const SubmitPublicAuditDocument = graphql(`
  mutation SubmitPublicAudit($token: String!) {
    submitPublicAudit(token: $token)
  }
`);
