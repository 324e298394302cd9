import { graphql } from '~/gql';

export const MemberFieldsFragment = graphql(`
  fragment MemberFields on Member {
    id
    name
    email
    role
    workspace {
      id
      name
      defaultCadenceDays
    }
  }
`);

export const MeDocument = graphql(`
  query Me {
    me {
      ...MemberFields
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($workspaceName: String!, $name: String!, $email: String!, $password: String!) {
    signUp(workspaceName: $workspaceName, name: $name, email: $email, password: $password) {
      member {
        ...MemberFields
      }
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      member {
        ...MemberFields
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const InvitationPreviewDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      name
      role
      workspaceName
      expiresAt
    }
  }
`);

export const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($token: String!, $name: String!, $password: String!) {
    acceptInvitation(token: $token, name: $name, password: $password) {
      member {
        ...MemberFields
      }
    }
  }
`);
