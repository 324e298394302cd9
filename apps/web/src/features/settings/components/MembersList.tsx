import { useQuery } from '@apollo/client/react';
import { Avatar, Badge, Card, EmptyState, ErrorState, LoadingState } from '@rapport/ui';
import type { ReactNode } from 'react';
import { describeError } from '~/app/errors';
import { ROLE_LABELS } from '~/app/labels';
import { useMember } from '~/app/session';
import { MembersDocument } from '../graphql/settings.graphql';

export function MembersList() {
  const me = useMember();
  const { data, loading, error, refetch } = useQuery(MembersDocument, { fetchPolicy: 'cache-and-network' });
  const members = data?.members;

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
          <li key={m.id} className="person">
            <Avatar name={m.name} />
            <div className="person__text">
              <span className="person__name">
                {m.name}
                {m.id === me.id && <span className="muted"> (you)</span>}
              </span>
              <span className="person__email">{m.email}</span>
            </div>
            <Badge tone={m.role === 'OWNER' ? 'brand' : 'neutral'}>{ROLE_LABELS[m.role]}</Badge>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <Card title="Members" description="Everyone who can sign in to this workspace." flush>
      {body}
    </Card>
  );
}
