import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomerModel } from '../customers/customer.model';
import { InteractionModel } from '../interactions/interaction.model';
import { MemberModel } from '../members/member.model';
import type { CheckInEntity } from './check-in.entity';
import {
  CheckInConnection,
  CheckInModel,
  CheckInStatusEnum,
  CompleteCheckInInput,
  ScheduleCheckInInput,
} from './check-in.model';
import { CheckInsService } from './check-ins.service';

@Resolver(() => CheckInModel)
export class CheckInsResolver {
  constructor(private readonly service: CheckInsService) {}

  @Query(() => CheckInModel, { nullable: true })
  checkIn(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Query(() => CheckInConnection, {
    description: 'Check-ins by due date, soonest first (PLANNED unless a status is given).',
  })
  checkIns(
    @CurrentActor() actor: Actor,
    @Args('assigneeId', { type: () => ID, nullable: true }) assigneeId: string | null,
    @Args('customerId', { type: () => ID, nullable: true }) customerId: string | null,
    @Args('status', { type: () => CheckInStatusEnum, nullable: true }) status: string | null,
    @Args('dueBefore', { type: () => Date, nullable: true }) dueBefore: Date | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.list(actor, { assigneeId, customerId, status, dueBefore, first, after });
  }

  @Mutation(() => CheckInModel)
  scheduleCheckIn(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => ScheduleCheckInInput }) input: ScheduleCheckInInput,
  ) {
    return this.service.schedule(actor, input);
  }

  @Mutation(() => CheckInModel, { description: 'Logs the relationship contact and marks the check-in DONE.' })
  completeCheckIn(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => CompleteCheckInInput }) input: CompleteCheckInInput,
  ) {
    return this.service.complete(actor, id, input);
  }

  @Mutation(() => CheckInModel)
  skipCheckIn(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
  ) {
    return this.service.skip(actor, id, { reason });
  }

  @ResolveField(() => CustomerModel)
  customer(@Parent() checkIn: CheckInEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.customer.load({ workspaceId: checkIn.workspaceId, id: checkIn.customerId });
  }

  @ResolveField(() => MemberModel, { nullable: true })
  assignee(@Parent() checkIn: CheckInEntity, @Context() ctx: RequestContext) {
    const { workspaceId, assigneeId } = checkIn;
    return assigneeId ? ctx.loaders.member.load({ workspaceId, id: assigneeId }) : null;
  }

  @ResolveField(() => InteractionModel, { nullable: true, description: 'The contact that completed it.' })
  interaction(@Parent() checkIn: CheckInEntity, @Context() ctx: RequestContext) {
    const { workspaceId, interactionId } = checkIn;
    return interactionId ? ctx.loaders.interaction.load({ workspaceId, id: interactionId }) : null;
  }
}

/** A customer's planned check-ins, soonest first. */
@Resolver(() => CustomerModel)
export class CustomerCheckInsResolver {
  constructor(private readonly service: CheckInsService) {}

  @ResolveField(() => CheckInConnection)
  checkIns(
    @CurrentActor() actor: Actor,
    @Parent() customer: CustomerEntity,
    @Args('status', { type: () => CheckInStatusEnum, nullable: true }) status: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ) {
    return this.service.list(actor, { customerId: customer.id, status, first });
  }
}
