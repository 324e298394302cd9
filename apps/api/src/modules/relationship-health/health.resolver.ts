import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isCheckInOverdue } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomerModel } from '../customers/customer.model';
import {
  HealthSummaryModel,
  HealthTrendPointModel,
  MemberContactMixModel,
  RelationshipHealthModel,
} from './health.model';
import { HealthReportsService } from './health-reports.service';

@Resolver()
export class HealthReportsResolver {
  constructor(private readonly reports: HealthReportsService) {}

  @Query(() => HealthSummaryModel, { description: 'Active customers per band, and overdue check-ins.' })
  healthSummary(@CurrentActor() actor: Actor) {
    return this.reports.summary(actor);
  }

  @Query(() => [HealthTrendPointModel], {
    description: 'Daily health of the active customers, oldest first.',
  })
  healthTrend(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 90 }) days: number,
  ) {
    return this.reports.trend(actor, { days });
  }

  @Roles('OWNER')
  @Query(() => [MemberContactMixModel], {
    description: "OWNER only: each member's contacts over the last `days`, and the non-sales share.",
  })
  contactMix(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 90 }) days: number,
  ) {
    return this.reports.contactMix(actor, { days });
  }
}

/** A customer's stored health (see CustomerStateService for how it is kept current). */
@Resolver(() => CustomerModel)
export class CustomerHealthResolver {
  @ResolveField(() => RelationshipHealthModel)
  health(@Parent() customer: CustomerEntity) {
    if (!customer.health) throw new Error(`Health of customer ${customer.id} was never computed`);
    return customer.health;
  }

  @ResolveField(() => Boolean, { description: 'Now is past nextCheckInDueAt.' })
  checkInOverdue(@Parent() customer: CustomerEntity) {
    return isCheckInOverdue(customer.nextCheckInDueAt, new Date());
  }
}
