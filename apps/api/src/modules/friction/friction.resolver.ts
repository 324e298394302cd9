import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { AuditModel } from '../audits/audit.model';
import { CustomerModel } from '../customers/customer.model';
import { InteractionModel } from '../interactions/interaction.model';
import { MemberModel } from '../members/member.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import {
  FrictionPointModel,
  FrictionStatusEnum,
  RaiseFrictionPointInput,
  UpdateFrictionPointInput,
} from './friction.model';
import { FrictionService } from './friction.service';
import type { FrictionPointEntity } from './friction-point.entity';

/** The friction register. Staff may raise, assign and resolve: they are empowered to act. */
@Resolver(() => FrictionPointModel)
export class FrictionResolver {
  constructor(private readonly service: FrictionService) {}

  @Query(() => [FrictionPointModel], { description: 'Unresolved first, then by severity, newest first.' })
  frictionPoints(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => FrictionStatusEnum, nullable: true }) status: string | null,
    @Args('touchpointId', { type: () => ID, nullable: true }) touchpointId: string | null,
    @Args('customerId', { type: () => ID, nullable: true }) customerId: string | null,
  ) {
    return this.service.list(actor, { status, touchpointId, customerId });
  }

  @Query(() => FrictionPointModel, { nullable: true })
  frictionPoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => FrictionPointModel)
  raiseFrictionPoint(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => RaiseFrictionPointInput }) input: RaiseFrictionPointInput,
  ) {
    return this.service.raise(actor, input);
  }

  @Mutation(() => FrictionPointModel)
  updateFrictionPoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateFrictionPointInput }) input: UpdateFrictionPointInput,
  ) {
    return this.service.update(actor, id, input);
  }

  @ResolveField(() => TouchpointModel, { nullable: true })
  touchpoint(@Parent() point: FrictionPointEntity, @Context() ctx: RequestContext) {
    const { workspaceId, touchpointId } = point;
    return touchpointId ? ctx.loaders.touchpoint.load({ workspaceId, id: touchpointId }) : null;
  }

  @ResolveField(() => CustomerModel, { nullable: true })
  customer(@Parent() point: FrictionPointEntity, @Context() ctx: RequestContext) {
    const { workspaceId, customerId } = point;
    return customerId ? ctx.loaders.customer.load({ workspaceId, id: customerId }) : null;
  }

  @ResolveField(() => MemberModel, { nullable: true })
  owner(@Parent() point: FrictionPointEntity, @Context() ctx: RequestContext) {
    const { workspaceId, ownerId } = point;
    return ownerId ? ctx.loaders.member.load({ workspaceId, id: ownerId }) : null;
  }

  @ResolveField(() => InteractionModel, {
    nullable: true,
    description: 'The interaction it was raised from.',
  })
  interaction(@Parent() point: FrictionPointEntity, @Context() ctx: RequestContext) {
    const { workspaceId, interactionId } = point;
    return interactionId ? ctx.loaders.interaction.load({ workspaceId, id: interactionId }) : null;
  }

  @ResolveField(() => AuditModel, { nullable: true, description: 'The audit whose observation raised it.' })
  async audit(@Parent() point: FrictionPointEntity, @Context() ctx: RequestContext) {
    const { workspaceId, observationId } = point;
    if (!observationId) return null;
    const observation = await ctx.loaders.observation.load({ workspaceId, id: observationId });
    return observation ? ctx.loaders.audit.load({ workspaceId, id: observation.auditId }) : null;
  }
}
