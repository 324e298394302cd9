import { useMutation } from '@apollo/client/react';
import { ROLES, type Role } from '@rapport/domain';
import { Avatar, Badge, Button, FormError } from '@rapport/ui';
import { useEffect, useRef, useState } from 'react';
import { describeError } from '~/app/errors';
import { ROLE_LABELS } from '~/app/labels';
import type { MembersQuery } from '~/gql/graphql';
import { ChangeMemberRoleDocument, RemoveMemberDocument } from '../graphql/settings.graphql';

export type Member = MembersQuery['members'][number];

interface MemberItemProps {
  member: Member;
  isMe: boolean;
  /** Owners change roles and remove members; everyone else sees the role. */
  canManage: boolean;
  onRemoved: (member: Member) => void;
}

/** One member of the workspace: who they are, their role and, for owners, what can be done about them. */
export function MemberItem({ member, isMe, canManage, onRemoved }: MemberItemProps) {
  return (
    <li className="person">
      <Avatar name={member.name} />
      <div className="person__text">
        <span className="person__name">
          {member.name}
          {isMe && <span className="muted"> (you)</span>}
        </span>
        <span className="person__email">{member.email}</span>
      </div>
      {canManage ? (
        <ManageMember member={member} isMe={isMe} onRemoved={onRemoved} />
      ) : (
        <Badge tone={member.role === 'OWNER' ? 'brand' : 'neutral'}>{ROLE_LABELS[member.role]}</Badge>
      )}
    </li>
  );
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

function ManageMember({ member, isMe, onRemoved }: Omit<MemberItemProps, 'canManage'>) {
  const [confirming, setConfirming] = useState(false);
  const [changeRole, changing] = useMutation(ChangeMemberRoleDocument);
  const [remove, removing] = useMutation(RemoveMemberDocument, {
    // The list shows current members only: the removed one leaves it.
    update(cache, { data }) {
      if (!data) return;
      cache.modify({
        fields: {
          members: (refs: readonly { __ref: string }[], { readField }) =>
            refs.filter((ref) => readField('id', ref) !== data.removeMember.id),
        },
      });
    },
  });
  const cancelRef = useRef<HTMLButtonElement>(null);
  const error = changing.error ?? removing.error;

  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const onRole = (role: Role) => {
    removing.reset();
    void changeRole({ variables: { id: member.id, role } }).catch(() => undefined);
  };

  const onRemove = async () => {
    changing.reset();
    try {
      await remove({ variables: { id: member.id } });
    } catch {
      setConfirming(false);
      return;
    }
    onRemoved(member);
  };

  return (
    <>
      <div className="person__actions">
        <select
          className="rp-select person__role"
          aria-label={`Role of ${member.name}`}
          value={member.role}
          disabled={changing.loading}
          onChange={(event) => onRole(event.target.value as Role)}
        >
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(true)} disabled={confirming}>
          Remove
        </Button>
      </div>
      {confirming && (
        <div className="confirm person__confirm">
          <p>
            Remove <strong>{member.name}</strong>
            {isMe && ' (you)'}? They are signed out at once and can no longer sign in. What they logged stays,
            under their name; their customers, planned check-ins and open friction points become unassigned.
          </p>
          <div className="confirm__actions">
            <Button ref={cancelRef} variant="secondary" size="sm" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button variant="danger" size="sm" loading={removing.loading} onClick={() => void onRemove()}>
              Remove {member.name}
            </Button>
          </div>
        </div>
      )}
      <FormError className="person__error" message={error ? describeError(error).message : null} />
    </>
  );
}
