import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { IdempotencyKeyArg } from '../../graphql/idempotency-key.field';
import { TouchpointInput, TouchpointModel } from './touchpoint.model';
import { TouchpointsService } from './touchpoints.service';

@Resolver(() => TouchpointModel)
export class TouchpointsResolver {
  constructor(private readonly service: TouchpointsService) {}

  @Query(() => [TouchpointModel], { description: 'The catalogue, in journey order.' })
  touchpoints(@CurrentActor() actor: Actor) {
    return this.service.list(actor);
  }

  @Query(() => TouchpointModel, { nullable: true })
  touchpoint(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Roles('OWNER')
  @Mutation(() => TouchpointModel, { description: 'OWNER only' })
  createTouchpoint(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => TouchpointInput }) input: TouchpointInput,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ) {
    return this.service.create(actor, input, { idempotencyKey });
  }

  @Roles('OWNER')
  @Mutation(() => TouchpointModel, { description: 'OWNER only' })
  updateTouchpoint(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', { type: () => TouchpointInput }) input: TouchpointInput,
  ) {
    return this.service.update(actor, id, input);
  }
}
