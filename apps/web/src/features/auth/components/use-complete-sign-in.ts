import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '~/app/session';
import type { MemberFieldsFragment } from '~/gql/graphql';
import { MeDocument } from '../graphql/auth.graphql';

/**
 * After sign-up, sign-in or accepting an invitation: forget anything cached from an earlier
 * session, remember the new member and go where the user was heading (`?next=`).
 */
export function useCompleteSignIn() {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  return useCallback(
    async (member: MemberFieldsFragment) => {
      await client.clearStore();
      client.writeQuery({ query: MeDocument, data: { me: member } });
      await navigate(next, { replace: true });
    },
    [client, navigate, next],
  );
}
