import { Injectable } from '@nestjs/common';
import {
  INVITATION_TTL_DAYS,
  idempotencyKeyArgSchema,
  inviteMemberSchema,
  keepsAnOwner,
  type Role,
} from '@rapport/domain';
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import { AccessTokensService } from '../../auth/access-tokens.service';
import type { Actor } from '../../auth/actor';
import { LinkTokens } from '../../auth/link-tokens';
import { SecurityLog } from '../../auth/security-log';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { conflict, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';

const DAY_MS = 86_400_000;
const LAST_OWNER = 'A workspace needs an owner: make someone else an owner first';

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    private readonly log: SecurityLog,
    private readonly links: LinkTokens,
  ) {}

  list(actor: Actor, includeRemoved = false): Promise<MemberEntity[]> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) =>
      em.find(MemberEntity, {
        where: includeRemoved ? { workspaceId } : { workspaceId, removedAt: IsNull() },
        order: { name: 'ASC', id: 'ASC' },
      }),
    );
  }

  /** Makes a member an OWNER or STAFF; refuses to leave the workspace without an owner. */
  async changeRole(actor: Actor, id: string, role: Role, requestId: string): Promise<MemberEntity> {
    const { workspaceId } = actor;
    const member = await this.db.asMember(actor, async (em) => {
      const current = await this.lockForChange(em, workspaceId, id, role);
      if (current.role !== role) await em.update(MemberEntity, { workspaceId, id }, { role });
      return { ...current, role };
    });
    this.log.memberChanged(actor, requestId, id, { role });
    return member;
  }

  /**
   * Removes a member at once: their sessions end and their credentials go (they cannot sign in, and
   * the email is free for another workspace). The row stays, marked removed, because interactions,
   * audits, check-ins and friction points keep pointing at it and history must keep their name.
   * Work still waiting on them is unassigned, for an owner to hand on: the customers they look
   * after, planned check-ins, unresolved friction points. Closed work keeps them.
   */
  async remove(actor: Actor, id: string, requestId: string): Promise<MemberEntity> {
    const { workspaceId } = actor;
    const member = await this.db.asMember(actor, async (em) => {
      const current = await this.lockForChange(em, workspaceId, id, null);
      const removedAt = new Date();
      // Ends their sessions too (the members_session_role trigger).
      await em.update(MemberEntity, { workspaceId, id }, { removedAt });
      await em.query(`delete from credentials where workspace_id = $1 and member_id = $2`, [workspaceId, id]);
      const params = [workspaceId, id];
      await em.query(
        `update customers set owner_id = null, updated_at = now() where workspace_id = $1 and owner_id = $2`,
        params,
      );
      await em.query(
        `update check_ins set assignee_id = null
          where workspace_id = $1 and assignee_id = $2 and status = 'PLANNED'`,
        params,
      );
      await em.query(
        `update friction_points set owner_id = null, updated_at = now()
          where workspace_id = $1 and owner_id = $2 and status <> 'RESOLVED'`,
        params,
      );
      return { ...current, removedAt };
    });
    this.log.memberChanged(actor, requestId, id, { removed: true });
    return member;
  }

  /**
   * The current member `id`, locked for a change to `role` (null: removal), or NOT_FOUND; CONFLICT
   * when the change would leave no owner. The workspace's owners are locked first, always in one
   * order, so two owners demoting or removing each other at once are serialised: the second sees
   * the first's change (a row that no longer matches is dropped as the lock is granted) and is refused.
   */
  private async lockForChange(
    em: EntityManager,
    workspaceId: string,
    id: string,
    role: Role | null,
  ): Promise<MemberEntity> {
    const owners: { id: string }[] = await em.query(
      `select id from members where workspace_id = $1 and role = 'OWNER' and removed_at is null
        order by id for no key update`,
      [workspaceId],
    );
    const member = isUuid(id)
      ? await em.findOne(MemberEntity, {
          where: { workspaceId, id, removedAt: IsNull() },
          lock: { mode: 'for_no_key_update' },
        })
      : null;
    if (!member) throw notFound('No such member');
    const ownerIds = owners.map((owner) => owner.id);
    if (!keepsAnOwner(ownerIds, id, role)) throw conflict(LAST_OWNER);
    return member;
  }

  /** Issues a single-use link (expiring in 7 days) for a new member; only the token's hash is kept. */
  async invite(actor: Actor, args: unknown, keyArgs: unknown): Promise<InvitationEntity & { url: string }> {
    const input = parseInput(inviteMemberSchema, args);
    const { idempotencyKey } = parseInput(idempotencyKeyArgSchema, keyArgs);
    const { workspaceId } = actor;
    const request = { operation: 'inviteMember', key: idempotencyKey, args };
    const invitation = await this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, InvitationEntity, async (id) => {
        if (await em.existsBy(MemberEntity, { workspaceId, email: input.email, removedAt: IsNull() })) {
          const message = 'This person is already a member';
          throw conflict(message, { email: message });
        }
        const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS);
        const invitation = em.create(InvitationEntity, {
          workspaceId,
          id,
          ...input,
          invitedBy: actor.memberId,
          expiresAt,
          acceptedAt: null,
        });
        await em.insert(InvitationEntity, invitation);
        await this.tokens.issue(
          em,
          'invitation',
          workspaceId,
          id,
          expiresAt,
          this.links.token('invitation', id),
        );
        return invitation;
      }),
    );
    return { ...invitation, url: this.links.url('invitation', invitation.id) };
  }

  pendingInvitations(actor: Actor): Promise<InvitationEntity[]> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) =>
      em.find(InvitationEntity, {
        where: { workspaceId, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
      }),
    );
  }

  /** What an invitee sees before accepting: NOT_FOUND for a used, expired or unknown link. */
  async preview(token: string) {
    const link = await this.tokens.find('invitation', token);
    if (!link) throw notFound('This invitation link is invalid, already used or expired');
    const { workspaceId, subjectId } = link;
    return this.db.inWorkspace(
      workspaceId,
      async (em) => {
        const invitation = await em.findOneByOrFail(InvitationEntity, { workspaceId, id: subjectId });
        const workspace = await em.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
        return { ...invitation, workspaceName: workspace.name };
      },
      'system',
    );
  }
}
