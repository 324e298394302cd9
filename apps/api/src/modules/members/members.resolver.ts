import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Role } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Public, Roles } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { IdempotencyKeyArg } from '../../graphql/idempotency-key.field';
import { WorkspaceModel } from '../workspaces/workspace.model';
import type { MemberEntity } from './member.entity';
import {
  InvitationModel,
  InvitationPreviewModel,
  MemberModel,
  PendingInvitationModel,
  RoleEnum,
} from './member.model';
import { MembersService } from './members.service';

@Resolver(() => MemberModel)
export class MembersResolver {
  constructor(private readonly service: MembersService) {}

  @Query(() => [MemberModel], {
    description: "The workspace's members; removed ones too when `includeRemoved` (they stay in history).",
  })
  members(
    @CurrentActor() actor: Actor,
    @Args('includeRemoved', { type: () => Boolean, nullable: true, defaultValue: false })
    includeRemoved: boolean | null,
  ): Promise<MemberEntity[]> {
    return this.service.list(actor, includeRemoved === true);
  }

  @Roles('OWNER')
  @Mutation(() => MemberModel, {
    description:
      'OWNER only: takes effect on their next request. CONFLICT when it would leave the workspace without an owner.',
  })
  changeMemberRole(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
    @Context() ctx: RequestContext,
  ): Promise<MemberEntity> {
    return this.service.changeRole(actor, id, role, ctx.requestId);
  }

  @Roles('OWNER')
  @Mutation(() => MemberModel, {
    description:
      'OWNER only: ends their sessions at once and stops their sign-in; their history stays. Answers the member with removedAt. CONFLICT for the last owner.',
  })
  removeMember(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Context() ctx: RequestContext,
  ): Promise<MemberEntity> {
    return this.service.remove(actor, id, ctx.requestId);
  }

  @Roles('OWNER')
  @Mutation(() => InvitationModel, { description: 'OWNER only' })
  inviteMember(
    @CurrentActor() actor: Actor,
    @Args('email', { type: () => String }) email: string,
    @Args('name', { type: () => String }) name: string,
    @Args('role', { type: () => RoleEnum }) role: string,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return this.service.invite(actor, { email, name, role }, { idempotencyKey });
  }

  @Roles('OWNER')
  @Query(() => [PendingInvitationModel], {
    description: 'OWNER only: invitations not yet accepted or expired.',
  })
  invitations(@CurrentActor() actor: Actor) {
    return this.service.pendingInvitations(actor);
  }

  @Public()
  @Query(() => InvitationPreviewModel, {
    description: 'PUBLIC: NOT_FOUND for an unknown, used or expired token',
  })
  invitationPreview(@Args('token', { type: () => String }) token: string) {
    return this.service.preview(token);
  }

  @ResolveField(() => WorkspaceModel)
  async workspace(@Parent() member: MemberEntity, @Context() ctx: RequestContext) {
    const workspace = await ctx.loaders.workspace.load(member.workspaceId);
    if (!workspace) throw notFound();
    return workspace;
  }
}
