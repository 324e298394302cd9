import { graphql } from '~/gql';

export const MembersDocument = graphql(`
  query Members {
    members {
      id
      name
      email
      role
    }
  }
`);

/** Answers the member's new role, which the cache puts everywhere they appear (and in `me`). */
export const ChangeMemberRoleDocument = graphql(`
  mutation ChangeMemberRole($id: ID!, $role: Role!) {
    changeMemberRole(id: $id, role: $role) {
      id
      role
    }
  }
`);

export const RemoveMemberDocument = graphql(`
  mutation RemoveMember($id: ID!) {
    removeMember(id: $id) {
      id
      removedAt
    }
  }
`);

export const InvitationsDocument = graphql(`
  query Invitations {
    invitations {
      id
      email
      name
      role
      expiresAt
    }
  }
`);

export const InviteMemberDocument = graphql(`
  mutation InviteMember($email: String!, $name: String!, $role: Role!, $idempotencyKey: String) {
    inviteMember(email: $email, name: $name, role: $role, idempotencyKey: $idempotencyKey) {
      id
      email
      name
      role
      url
      expiresAt
    }
  }
`);

export const UpdateWorkspaceDocument = graphql(`
  mutation UpdateWorkspace($name: String, $defaultCadenceDays: Int) {
    updateWorkspace(name: $name, defaultCadenceDays: $defaultCadenceDays) {
      id
      name
      defaultCadenceDays
    }
  }
`);

/** The workspace's ask-early rules, with the surveys and touchpoints they can name. */
export const FeedbackSettingsDocument = graphql(`
  query FeedbackSettings {
    me {
      id
      workspace {
        id
        feedbackCapDays
        autoFeedbackTrigger
        autoFeedbackSurvey {
          id
          name
        }
        autoFeedbackTouchpoint {
          id
          name
        }
      }
    }
    surveys {
      id
      name
      anonymous
    }
    touchpoints {
      id
      name
    }
  }
`);

export const UpdateFeedbackCapDocument = graphql(`
  mutation UpdateFeedbackCap($feedbackCapDays: Int!) {
    updateWorkspace(feedbackCapDays: $feedbackCapDays) {
      id
      feedbackCapDays
    }
  }
`);

export const SetFeedbackAutoRequestDocument = graphql(`
  mutation SetFeedbackAutoRequest($surveyId: ID, $trigger: FeedbackTrigger, $touchpointId: ID) {
    setFeedbackAutoRequest(surveyId: $surveyId, trigger: $trigger, touchpointId: $touchpointId) {
      id
      autoFeedbackTrigger
      autoFeedbackSurvey {
        id
        name
      }
      autoFeedbackTouchpoint {
        id
        name
      }
    }
  }
`);
