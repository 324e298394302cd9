import { Args, Context, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { selectsField } from '../../graphql/selection';
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
  healthSummary(@CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    return ctx.loaders.healthSummary.load(actor.workspaceId);
  }

  @Query(() => [HealthTrendPointModel], {
    description: 'Daily health of the active customers, oldest first.',
  })
  async healthTrend(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, nullable: true, defaultValue: 90 }) days: number,
    @Context() ctx: RequestContext,
  ) {
    return this.reports.trend(actor, { days }, await ctx.loaders.healthSummary.load(actor.workspaceId));
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

/** What only the stored health document holds (score and band are columns of their own). */
const HEALTH_DOCUMENT_FIELDS = ['trend', 'factors', 'nextBestAction'];

/** A customer's stored health (see CustomerStateService for how it is kept current). */
@Resolver(() => CustomerModel)
export class CustomerHealthResolver {
  @ResolveField(() => RelationshipHealthModel)
  async health(
    @Parent() customer: CustomerEntity,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const { id, workspaceId, healthScore: score, healthBand: band } = customer;
    if (score === null || band === null) throw new Error(`Health of customer ${id} was never computed`);
    // A list shows the score and band, which are columns: the document is read only for more.
    if (!HEALTH_DOCUMENT_FIELDS.some((field) => selectsField(info, field))) return { score, band };
    return customer.health ?? (await ctx.loaders.customerHealth.load({ workspaceId, id }));
  }
}
