import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import { selectedFields, selectsField, selectsPath } from '../../graphql/selection';
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
    // Counting costs more than the page itself: only when asked. A page showing each customer's next
    // best action (the dashboard's lists) reads it with the page rather than their health documents.
    const countTotal = selectsField(info, 'totalCount');
    const nextBestAction = selectsPath(info, ['edges', 'node', 'health', 'nextBestAction']);
    const shown = {
      customer: selectedFields(info, ['edges', 'node']),
      owner: selectedFields(info, ['edges', 'node', 'owner']),
    };
    return this.service.list(actor, { first, after, filter, orderBy }, { countTotal, nextBestAction, shown });
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
}
