import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { selectsField } from '../../graphql/selection';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomerModel } from '../customers/customer.model';
import { MemberModel } from '../members/member.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import type { InteractionEntity } from './interaction.entity';
import { InteractionConnection, InteractionModel, LogInteractionInput } from './interaction.model';
import { InteractionsService } from './interactions.service';

@Resolver(() => InteractionModel)
export class InteractionsResolver {
  constructor(private readonly service: InteractionsService) {}

  @Query(() => InteractionModel, { nullable: true })
  interaction(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => InteractionModel, { description: 'Staff log as themselves.' })
  async logInteraction(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => LogInteractionInput }) input: LogInteractionInput,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // An answer showing the customer (its health just changed) gets it from the write's own
    // transaction, not from a transaction of its own afterwards.
    const { interaction, customer } = await this.service.log(actor, input, {
      withCustomer: selectsField(info, 'customer'),
    });
    if (customer)
      ctx.loaders.customer.prime({ workspaceId: customer.workspaceId, id: customer.id }, customer);
    return interaction;
  }

  @ResolveField(() => CustomerModel)
  customer(@Parent() interaction: InteractionEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.customer.load({ workspaceId: interaction.workspaceId, id: interaction.customerId });
  }

  @ResolveField(() => TouchpointModel, { nullable: true })
  touchpoint(@Parent() interaction: InteractionEntity, @Context() ctx: RequestContext) {
    const { workspaceId, touchpointId } = interaction;
    return touchpointId ? ctx.loaders.touchpoint.load({ workspaceId, id: touchpointId }) : null;
  }

  @ResolveField(() => MemberModel, { nullable: true, description: 'Who logged it.' })
  member(@Parent() interaction: InteractionEntity, @Context() ctx: RequestContext) {
    const { workspaceId, memberId } = interaction;
    return memberId ? ctx.loaders.member.load({ workspaceId, id: memberId }) : null;
  }
}

/** A customer's interactions, newest first. */
@Resolver(() => CustomerModel)
export class CustomerInteractionsResolver {
  constructor(private readonly service: InteractionsService) {}

  @ResolveField(() => InteractionConnection)
  interactions(
    @CurrentActor() actor: Actor,
    @Parent() customer: CustomerEntity,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.listForCustomer(actor, customer, { first, after });
  }
}
