import { useQuery } from '@apollo/client/react';
import { Badge, Card, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import type { ReactNode } from 'react';
import { describeError } from '~/app/errors';
import { formatDate, ROLE_LABELS } from '~/app/labels';
import { InvitationsDocument } from '../graphql/settings.graphql';

export function PendingInvitations() {
  const { data, loading, error, refetch } = useQuery(InvitationsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const invitations = data?.invitations;

  let body: ReactNode;
  if (!invitations && loading) body = <LoadingState compact label="Loading invitations…" />;
  else if (!invitations) {
    body = (
      <ErrorState
        compact
        title="Could not load invitations"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (invitations.length === 0) {
    body = (
      <EmptyState compact icon="✉" title="No pending invitations" description="Invite your team above." />
    );
  } else {
    body = (
      <ul className="people-list">
        {invitations.map((inv) => (
          <li key={inv.id} className="person">
            <div className="person__text">
              <span className="person__name">{inv.name}</span>
              <span className="person__email">{inv.email}</span>
            </div>
            <span className="muted person__expiry">Expires {formatDate(inv.expiresAt)}</span>
            <Badge tone={inv.role === 'OWNER' ? 'brand' : 'neutral'}>{ROLE_LABELS[inv.role]}</Badge>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Card title="Pending invitations" description="Links sent that nobody has used yet." flush>
      {body}
    </Card>
  );
}
