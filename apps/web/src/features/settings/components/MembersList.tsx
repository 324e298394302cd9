import { useQuery } from '@apollo/client/react';
import { Alert, Card, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import { type ReactNode, useState } from 'react';
import { describeError } from '~/app/errors';
import { reloadAtSignIn } from '~/app/reload-at-sign-in';
import { useIsOwner, useMember } from '~/app/session';
import { MembersDocument } from '../graphql/settings.graphql';
import { type Member, MemberItem } from './MemberItem';

export function MembersList() {
  const me = useMember();
  const isOwner = useIsOwner();
  const [removed, setRemoved] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(MembersDocument, { fetchPolicy: 'cache-and-network' });
  const members = data?.members;

  const onRemoved = (member: Member) => {
    // Removing yourself ends your own session.
    if (member.id === me.id) reloadAtSignIn();
    else setRemoved(member.name);
  };

  let body: ReactNode;
  if (!members && loading) body = <LoadingState compact label="Loading members…" />;
  else if (!members) {
    body = (
      <ErrorState
        compact
        title="Could not load members"
        message={error ? describeError(error).message : undefined}
        onRetry={() => void refetch()}
      />
    );
  } else if (members.length === 0) {
    body = <EmptyState compact title="No members yet" />;
  } else {
    body = (
      <ul className="people-list">
        {members.map((m) => (
          <MemberItem key={m.id} member={m} isMe={m.id === me.id} canManage={isOwner} onRemoved={onRemoved} />
        ))}
      </ul>
    );
  }

  return (
    <Card title="Members" description="Everyone who can sign in to this workspace." flush>
      {removed && (
        <Alert tone="success" className="people-list__notice" onDismiss={() => setRemoved(null)}>
          {removed} was removed and signed out. Their history stays.
        </Alert>
      )}
      {body}
    </Card>
  );
}
