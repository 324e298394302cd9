import { Args, createUnionType, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/decorators';
import { connectionTypes } from '../../graphql/connection';
import { CheckInEntity } from '../check-ins/check-in.entity';
import { CheckInModel } from '../check-ins/check-in.model';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomerModel } from '../customers/customer.model';
import { FeedbackResponseModel } from '../feedback/feedback.model';
import { FeedbackResponseEntity } from '../feedback/feedback-response.entity';
import { FrictionPointModel } from '../friction/friction.model';
import { FrictionPointEntity } from '../friction/friction-point.entity';
import { InteractionEntity } from '../interactions/interaction.entity';
import { InteractionModel } from '../interactions/interaction.model';
import { TimelineService } from './timeline.service';

export const TimelineEntryUnion = createUnionType({
  name: 'TimelineEntry',
  description: "One event in a customer's history.",
  types: () => [InteractionModel, CheckInModel, FrictionPointModel, FeedbackResponseModel] as const,
  resolveType: (entry: object) => {
    if (entry instanceof InteractionEntity) return InteractionModel;
    if (entry instanceof CheckInEntity) return CheckInModel;
    if (entry instanceof FrictionPointEntity) return FrictionPointModel;
    if (entry instanceof FeedbackResponseEntity) return FeedbackResponseModel;
    return null;
  },
});

const { Connection: TimelineConnection } = connectionTypes('Timeline', TimelineEntryUnion);

@Resolver(() => CustomerModel)
export class CustomerTimelineResolver {
  constructor(private readonly service: TimelineService) {}

  @ResolveField(() => TimelineConnection, {
    description:
      'Interactions, skipped check-ins and friction points (and, when it lands, feedback), newest first.',
  })
  timeline(
    @CurrentActor() actor: Actor,
    @Parent() customer: CustomerEntity,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.forCustomer(actor, customer, { first, after });
  }
}
