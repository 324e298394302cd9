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
  mutation InviteMember($email: String!, $name: String!, $role: Role!) {
    inviteMember(email: $email, name: $name, role: $role) {
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
