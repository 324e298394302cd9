import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { INVITATION_TTL_DAYS, inviteMemberSchema } from '@rapport/domain';
import { IsNull, MoreThan } from 'typeorm';
import { AccessTokensService } from '../../auth/access-tokens.service';
import type { Actor } from '../../auth/actor';
import type { AppConfig } from '../../config/config';
import { InjectConfig } from '../../config/config.module';
import { Db } from '../../database/db.service';
import { conflict, notFound } from '../../graphql/errors';
import { parseInput } from '../../graphql/parse-input';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { InvitationEntity } from './invitation.entity';
import { MemberEntity } from './member.entity';

const DAY_MS = 86_400_000;

@Injectable()
export class MembersService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  list(actor: Actor): Promise<MemberEntity[]> {
    return this.db.inWorkspace(actor.workspaceId, (em) =>
      em.find(MemberEntity, { where: { workspaceId: actor.workspaceId }, order: { name: 'ASC', id: 'ASC' } }),
    );
  }

  /** Issues a single-use link (expiring in 7 days) for a new member; only the token's hash is kept. */
  async invite(actor: Actor, args: unknown): Promise<InvitationEntity & { url: string }> {
    const input = parseInput(inviteMemberSchema, args);
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, async (em) => {
      if (await em.existsBy(MemberEntity, { workspaceId, email: input.email })) {
        const message = 'This person is already a member';
        throw conflict(message, { email: message });
      }
      const invitation = em.create(InvitationEntity, {
        workspaceId,
        id: randomUUID(),
        ...input,
        invitedBy: actor.memberId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * DAY_MS),
        acceptedAt: null,
      });
      await em.insert(InvitationEntity, invitation);
      const token = await this.tokens.issue(
        em,
        'invitation',
        workspaceId,
        invitation.id,
        invitation.expiresAt,
      );
      return { ...invitation, url: `${this.config.publicUrl}/invite/${token}` };
    });
  }

  pendingInvitations(actor: Actor): Promise<InvitationEntity[]> {
    const { workspaceId } = actor;
    return this.db.inWorkspace(workspaceId, (em) =>
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
    return this.db.inWorkspace(workspaceId, async (em) => {
      const invitation = await em.findOneByOrFail(InvitationEntity, { workspaceId, id: subjectId });
      const workspace = await em.findOneByOrFail(WorkspaceEntity, { id: workspaceId });
      return { ...invitation, workspaceName: workspace.name };
    });
  }
}
