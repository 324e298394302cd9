import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RelationshipHealth } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import {
  HealthFactorModel,
  HealthSummaryModel,
  HealthTrendPointModel,
  MemberContactMixModel,
  RelationshipHealthModel,
} from './health.model';
import { HealthReportsService } from './health-reports.service';
import type { StoredHealth } from './stored-health';

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

/** What only a customer's stored health document holds: read when one of these fields is asked for. */
@Resolver(() => RelationshipHealthModel)
export class StoredHealthResolver {
  @ResolveField(() => Int)
  async trend(@Parent() health: StoredHealth, @Context() ctx: RequestContext) {
    return (await documentOf(health, ctx)).trend;
  }

  @ResolveField(() => [HealthFactorModel])
  async factors(@Parent() health: StoredHealth, @Context() ctx: RequestContext) {
    return (await documentOf(health, ctx)).factors;
  }

  @ResolveField(() => String)
  async nextBestAction(@Parent() health: StoredHealth, @Context() ctx: RequestContext) {
    return health.nextBestAction ?? (await documentOf(health, ctx)).nextBestAction;
  }
}

async function documentOf(health: StoredHealth, ctx: RequestContext): Promise<RelationshipHealth> {
  const document = health.document ?? (await ctx.loaders.customerHealth.load(health.customer));
  if (!document) throw new Error(`Health of customer ${health.customer.id} was never computed`);
  return document;
}
