import { Context, Float, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/context';
import type { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { TouchpointModel } from '../touchpoints/touchpoint.model';

/** What submitted audits and open friction say about a touchpoint, batched per request. */
@Resolver(() => TouchpointModel)
export class TouchpointScoresResolver {
  private scores(touchpoint: TouchpointEntity, ctx: RequestContext) {
    return ctx.loaders.touchpointScores.load({ workspaceId: touchpoint.workspaceId, id: touchpoint.id });
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Mean 1..5 ratings from submitted audit observations of this touchpoint; null without any.',
  })
  async accuracy(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).accuracy;
  }

  @ResolveField(() => Float, { nullable: true })
  async availability(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).availability;
  }

  @ResolveField(() => Float, { nullable: true })
  async partnership(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).partnership;
  }

  @ResolveField(() => Float, { nullable: true })
  async advice(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).advice;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: '0..1, 1 = every audit of this touchpoint rated it the same; null with fewer than 2 audits.',
  })
  async consistency(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).consistency;
  }

  @ResolveField(() => Int)
  async openFrictionCount(@Parent() touchpoint: TouchpointEntity, @Context() ctx: RequestContext) {
    return (await this.scores(touchpoint, ctx)).openFrictionCount;
  }
}
