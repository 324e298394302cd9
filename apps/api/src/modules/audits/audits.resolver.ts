import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Public } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import type { AuditEntity } from './audit.entity';
import {
  AuditModel,
  CreateAuditInput,
  ObservationInput,
  ObservationModel,
  PublicAuditModel,
  StepConsistencyModel,
} from './audit.model';
import { AuditsService } from './audits.service';
import type { ObservationEntity } from './observation.entity';

@Resolver(() => AuditModel)
export class AuditsResolver {
  constructor(private readonly service: AuditsService) {}

  @Query(() => [AuditModel], { description: 'Newest first.' })
  audits(@CurrentActor() actor: Actor) {
    return this.service.list(actor);
  }

  @Query(() => AuditModel, { nullable: true })
  audit(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => AuditModel)
  createAudit(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateAuditInput }) input: CreateAuditInput,
  ) {
    return this.service.create(actor, input);
  }

  @Mutation(() => AuditModel, {
    description: "A new link for an outsider's audit; the previous link stops working.",
  })
  renewAuditLink(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.renewLink(actor, id);
  }

  @Mutation(() => ObservationModel, { description: 'Records a step (again: replaces it) until submission.' })
  recordObservation(
    @CurrentActor() actor: Actor,
    @Args('auditId', { type: () => ID }) auditId: string,
    @Args('input', { type: () => ObservationInput }) input: ObservationInput,
  ) {
    return this.service.recordObservation(actor, auditId, input);
  }

  @Mutation(() => AuditModel, {
    description: 'Raises a friction point for every observation with friction >= 1 or a LETDOWN.',
  })
  submitAudit(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.submit(actor, id);
  }

  @Public()
  @Query(() => PublicAuditModel, { description: 'PUBLIC: NOT_FOUND for an unknown token' })
  async publicAudit(@Args('token', { type: () => String }) token: string, @Context() ctx: RequestContext) {
    await this.service.throttle(ctx, token);
    return this.service.publicView(token);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'PUBLIC' })
  async recordPublicObservation(
    @Args('token', { type: () => String }) token: string,
    @Args('input', { type: () => ObservationInput }) input: ObservationInput,
    @Context() ctx: RequestContext,
  ) {
    await this.service.throttle(ctx, token);
    await this.service.recordByLink(token, input);
    return true;
  }

  @Public()
  @Mutation(() => Boolean, { description: 'PUBLIC: same effect as submitAudit' })
  async submitPublicAudit(
    @Args('token', { type: () => String }) token: string,
    @Context() ctx: RequestContext,
  ) {
    await this.service.throttle(ctx, token);
    await this.service.submitByLink(token);
    return true;
  }

  @ResolveField(() => [TouchpointModel], { description: 'Touchpoints to visit, in order.' })
  steps(@CurrentActor() actor: Actor, @Parent() audit: AuditEntity) {
    return this.service.steps(actor, audit);
  }

  @ResolveField(() => [ObservationModel], { description: 'In the order of the steps.' })
  observations(@CurrentActor() actor: Actor, @Parent() audit: AuditEntity) {
    return this.service.observations(actor, audit);
  }

  @ResolveField(() => [StepConsistencyModel], {
    description: 'Per step, consistency across the submitted audits of the same scenario.',
  })
  scenarioConsistency(@CurrentActor() actor: Actor, @Parent() audit: AuditEntity) {
    return this.service.scenarioConsistency(actor, audit);
  }

  @ResolveField(() => String, { nullable: true })
  inviteUrl(@Parent() audit: AuditEntity) {
    return audit.inviteUrl ?? null;
  }
}

@Resolver(() => ObservationModel)
export class ObservationsResolver {
  @ResolveField(() => TouchpointModel)
  touchpoint(@Parent() observation: ObservationEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.touchpoint.load({
      workspaceId: observation.workspaceId,
      id: observation.touchpointId,
    });
  }
}
