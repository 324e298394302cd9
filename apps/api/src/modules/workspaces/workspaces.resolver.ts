import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { SurveyModel } from '../feedback/feedback.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import type { WorkspaceEntity } from './workspace.entity';
import { FeedbackTriggerEnum, WorkspaceModel } from './workspace.model';
import { WorkspacesService } from './workspaces.service';

@Resolver(() => WorkspaceModel)
export class WorkspacesResolver {
  constructor(private readonly service: WorkspacesService) {}

  @Roles('OWNER')
  @Mutation(() => WorkspaceModel, { description: 'OWNER only' })
  updateWorkspace(
    @CurrentActor() actor: Actor,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
    @Args('defaultCadenceDays', { type: () => Int, nullable: true }) defaultCadenceDays?: number | null,
    @Args('feedbackCapDays', { type: () => Int, nullable: true }) feedbackCapDays?: number | null,
  ) {
    return this.service.update(actor, { name, defaultCadenceDays, feedbackCapDays });
  }

  @Roles('OWNER')
  @Mutation(() => WorkspaceModel, {
    description:
      "OWNER only: ask for feedback by itself with a survey after a customer's first interaction or after one at a " +
      'touchpoint (surveyId null: stop).',
  })
  setFeedbackAutoRequest(
    @CurrentActor() actor: Actor,
    @Args('surveyId', { type: () => ID, nullable: true }) surveyId: string | null,
    @Args('trigger', { type: () => FeedbackTriggerEnum, nullable: true }) trigger: string | null,
    @Args('touchpointId', { type: () => ID, nullable: true }) touchpointId: string | null,
  ) {
    return this.service.setFeedbackAutoRequest(actor, { surveyId, trigger, touchpointId });
  }

  @ResolveField(() => SurveyModel, { nullable: true })
  autoFeedbackSurvey(@Parent() workspace: WorkspaceEntity, @Context() ctx: RequestContext) {
    const { id, autoFeedbackSurveyId } = workspace;
    return autoFeedbackSurveyId
      ? ctx.loaders.survey.load({ workspaceId: id, id: autoFeedbackSurveyId })
      : null;
  }

  @ResolveField(() => TouchpointModel, { nullable: true })
  autoFeedbackTouchpoint(@Parent() workspace: WorkspaceEntity, @Context() ctx: RequestContext) {
    const { id, autoFeedbackTouchpointId } = workspace;
    return autoFeedbackTouchpointId
      ? ctx.loaders.touchpoint.load({ workspaceId: id, id: autoFeedbackTouchpointId })
      : null;
  }
}
