import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { acceptInvitationSchema, DEFAULT_CADENCE_DAYS, signInSchema, signUpSchema } from '@rapport/domain';
import { GraphQLError } from 'graphql';
import { IsNull } from 'typeorm';
import { Db } from '../database/db.service';
import { clientIp, type RequestContext } from '../graphql/context';
import { notFound } from '../graphql/errors';
import { parseInput } from '../graphql/parse-input';
import { InvitationEntity } from '../modules/members/invitation.entity';
import { MemberEntity } from '../modules/members/member.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';
import { AccessTokensService } from './access-tokens.service';
import { createAccount } from './accounts';
import { hashPassword, verifyPassword } from './passwords';
import { FAILED_SIGN_IN, RateLimitService, SIGN_UP } from './rate-limit.service';
import { SecurityLog, type SessionStart } from './security-log';
import { SessionsService } from './sessions.service';

const badCredentials = () =>
  new GraphQLError('The email or password is wrong', { extensions: { code: 'UNAUTHENTICATED' } });

@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionsService,
    private readonly limits: RateLimitService,
    private readonly tokens: AccessTokensService,
    private readonly log: SecurityLog,
  ) {}

  async signUp(args: unknown, ctx: RequestContext): Promise<MemberEntity> {
    const input = parseInput(signUpSchema, args);
    const ip = [`ip:${clientIp(ctx)}`];
    // Counted in its own transaction so a failed sign-up still counts.
    await this.db.global((em) => this.limits.take(em, SIGN_UP, ip));
    const passwordHash = await hashPassword(input.password);
    const workspaceId = randomUUID();
    const memberId = randomUUID();
    // The new owner creates the workspace and themselves: history names them, session or not.
    const member = await this.db.inWorkspace(
      workspaceId,
      async (em) => {
        await em.insert(WorkspaceEntity, {
          id: workspaceId,
          name: input.workspaceName,
          defaultCadenceDays: DEFAULT_CADENCE_DAYS,
        });
        // Listed for scheduled work that visits every workspace (ids only).
        await em.query(`insert into workspace_directory (id) values ($1)`, [workspaceId]);
        const owner = await createAccount(em, {
          workspaceId,
          memberId,
          ...input,
          role: 'OWNER',
          passwordHash,
        });
        await this.sessions.open(em, ctx, workspaceId, memberId);
        return owner;
      },
      { memberId },
    );
    this.signedIn(ctx, 'sign-up', member);
    return member;
  }

  /** Every attempt is logged, with its outcome. */
  async signIn(args: unknown, ctx: RequestContext): Promise<MemberEntity> {
    try {
      const member = await this.authenticate(args, ctx);
      this.signedIn(ctx, 'sign-in', member);
      return member;
    } catch (error) {
      this.log.signInFailed(ctx, (args as { email?: unknown } | null)?.email, error);
      throw error;
    }
  }

  private async authenticate(args: unknown, ctx: RequestContext): Promise<MemberEntity> {
    const input = parseInput(signInSchema, args);
    const keys = [`email:${input.email}`, `ip:${clientIp(ctx)}`];
    // Counted as a failure up front, so concurrent guesses cannot outrun the limit; refunded on success.
    await this.db.global((em) => this.limits.take(em, FAILED_SIGN_IN, keys));
    const [credential] = (await this.db.global((em) =>
      em.query(`select workspace_id, member_id, password_hash from credentials where email = $1`, [
        input.email,
      ]),
    )) as { workspace_id: string; member_id: string; password_hash: string }[];
    if (!(await verifyPassword(credential?.password_hash, input.password)) || !credential) {
      throw badCredentials();
    }
    const { workspace_id: workspaceId, member_id: memberId } = credential;
    const member = await this.db.inWorkspace(
      workspaceId,
      async (em) => {
        // Removal deletes the credentials; this also refuses a sign-in that raced with a removal.
        const current = await em.findOneBy(MemberEntity, { workspaceId, id: memberId, removedAt: IsNull() });
        if (!current) throw badCredentials();
        await this.sessions.open(em, ctx, workspaceId, memberId);
        return current;
      },
      { memberId },
    );
    await this.db.global((em) => this.limits.refund(em, FAILED_SIGN_IN, keys));
    return member;
  }

  async signOut(ctx: RequestContext): Promise<boolean> {
    await this.sessions.close(ctx);
    ctx.actor = undefined;
    return true;
  }

  /** Creates the invited member and signs them in. The link works once, within its expiry. */
  async acceptInvitation(args: unknown, ctx: RequestContext): Promise<MemberEntity> {
    const input = parseInput(acceptInvitationSchema, args);
    const link = await this.tokens.find('invitation', input.token);
    if (!link) throw notFound('This invitation link is invalid, already used or expired');
    const passwordHash = await hashPassword(input.password);
    const { workspaceId } = link;
    const memberId = randomUUID();
    // The invitee creates their own member: history names them.
    const member = await this.db.inWorkspace(
      workspaceId,
      async (em) => {
        // Claiming the token is the single-use guard: of two racing requests, one claims it.
        const invitationId = await this.tokens.claim(em, 'invitation', input.token);
        if (!invitationId) throw notFound('This invitation link is invalid, already used or expired');
        const invitation = await em.findOneByOrFail(InvitationEntity, { workspaceId, id: invitationId });
        const created = await createAccount(em, {
          workspaceId,
          memberId,
          name: input.name,
          email: invitation.email,
          role: invitation.role,
          passwordHash,
        });
        await em.update(InvitationEntity, { workspaceId, id: invitationId }, { acceptedAt: new Date() });
        await this.sessions.open(em, ctx, workspaceId, memberId);
        return created;
      },
      { memberId },
    );
    this.signedIn(ctx, 'invitation', member);
    return member;
  }

  /** The request goes on as the new session's member. */
  private signedIn(ctx: RequestContext, via: SessionStart, member: MemberEntity) {
    ctx.actor = { workspaceId: member.workspaceId, memberId: member.id, role: member.role };
    this.log.sessionStarted(ctx, via, member.email, ctx.actor);
  }
}
