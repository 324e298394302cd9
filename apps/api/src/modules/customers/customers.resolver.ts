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
import { effectiveCadenceDays } from '@rapport/domain';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { notFound } from '../../graphql/errors';
import { selectsField } from '../../graphql/selection';
import { MemberModel } from '../members/member.model';
import type { CustomerEntity } from './customer.entity';
import { CustomerConnection, CustomerModel, CustomerOrderEnum } from './customer.model';
import { CustomersService } from './customers.service';
import { CreateCustomerInput, CustomerFilterInput, UpdateCustomerInput } from './dto/customer.inputs';

@Resolver(() => CustomerModel)
export class CustomersResolver {
  constructor(private readonly service: CustomersService) {}

  @Query(() => CustomerModel, { nullable: true })
  customer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Query(() => CustomerConnection)
  customers(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('filter', { type: () => CustomerFilterInput, nullable: true }) filter: CustomerFilterInput | null,
    @Args('orderBy', { type: () => CustomerOrderEnum, nullable: true, defaultValue: 'NAME' }) orderBy: string,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Counting a large workspace's customers costs more than the page itself: only when asked.
    const countTotal = selectsField(info, 'totalCount');
    return this.service.list(actor, { first, after, filter, orderBy }, { countTotal });
  }

  @Mutation(() => CustomerModel)
  createCustomer(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateCustomerInput }) input: CreateCustomerInput,
  ) {
    return this.service.create(actor, input);
  }

  @Mutation(() => CustomerModel)
  updateCustomer(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => UpdateCustomerInput }) input: UpdateCustomerInput,
  ) {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CustomerModel)
  archiveCustomer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.archive(actor, id);
  }

  @ResolveField(() => MemberModel, { nullable: true })
  owner(@Parent() customer: CustomerEntity, @Context() ctx: RequestContext) {
    if (!customer.ownerId) return null;
    return (
      customer.owner ?? ctx.loaders.member.load({ workspaceId: customer.workspaceId, id: customer.ownerId })
    );
  }

  @ResolveField(() => Int)
  async cadenceDays(@Parent() customer: CustomerEntity, @Context() ctx: RequestContext) {
    if (customer.ownCadenceDays !== null) return customer.ownCadenceDays;
    const workspace = customer.workspace ?? (await ctx.loaders.workspace.load(customer.workspaceId));
    if (!workspace) throw notFound();
    return effectiveCadenceDays(customer.ownCadenceDays, workspace.defaultCadenceDays);
  }
}
