import { useQuery } from '@apollo/client/react';
import { ErrorState, LoadingState } from '@rapport/ui';
import { createContext, type ReactNode, useContext } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeDocument } from '~/features/auth/graphql/auth.graphql';
import type { MemberFieldsFragment } from '~/gql/graphql';

export type SessionMember = MemberFieldsFragment;

const SessionContext = createContext<SessionMember | null>(null);

/** Provides the signed-in member (RequireAuth does it; tests may do it directly). */
export function SessionProvider({ member, children }: { member: SessionMember; children: ReactNode }) {
  return <SessionContext.Provider value={member}>{children}</SessionContext.Provider>;
}

/** The signed-in member. Only inside the routes wrapped by `RequireAuth`. */
export function useMember(): SessionMember {
  const member = useContext(SessionContext);
  if (!member) throw new Error('useMember() needs a signed-in member (render it inside <RequireAuth>).');
  return member;
}

export function useIsOwner(): boolean {
  return useMember().role === 'OWNER';
}

/** Where to go after signing in: only a path on this site, never another origin. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

export function signInPath(next: string): string {
  return next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
}

function FullPage({ children }: { children: ReactNode }) {
  return <div className="app-fullpage">{children}</div>;
}

/** Renders its children for a signed-in member; sends anyone else to sign in, then back here. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  // The route's loader has asked for the session just before.
  const { data, loading, error, refetch } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });

  if (data?.me) return <SessionProvider member={data.me}>{children}</SessionProvider>;
  if (loading) {
    return (
      <FullPage>
        <LoadingState label="Loading your workspace…" />
      </FullPage>
    );
  }
  if (error) {
    return (
      <FullPage>
        <ErrorState title="Rapport is not responding" onRetry={() => void refetch()} />
      </FullPage>
    );
  }
  return <Navigate to={signInPath(location.pathname + location.search)} replace />;
}

/** For the sign-in and sign-up pages: a signed-in member goes straight on. */
export function RedirectIfSignedIn({ children, to = '/' }: { children: ReactNode; to?: string }) {
  const { data } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  if (data?.me) return <Navigate to={to} replace />;
  return <>{children}</>;
}
