import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Public } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import { CustomerModel } from '../customers/customer.model';
import { TouchpointModel } from '../touchpoints/touchpoint.model';
import {
  BlindSpotModel,
  CreateSurveyInput,
  FeedbackRequestModel,
  FeedbackRequestStatusEnum,
  FeedbackResponseModel,
  FeedbackSummaryModel,
  PublicFeedbackFormModel,
  RequestFeedbackInput,
  SubmitFeedbackInput,
  SurveyModel,
} from './feedback.model';
import { FeedbackAnswersService } from './feedback-answers.service';
import { FeedbackReportsService } from './feedback-reports.service';
import type { FeedbackRequestEntity } from './feedback-request.entity';
import { FeedbackRequestsService } from './feedback-requests.service';
import type { FeedbackResponseEntity } from './feedback-response.entity';
import type { SurveyEntity } from './survey.entity';
import { SurveysService } from './surveys.service';

@Resolver(() => SurveyModel)
export class SurveysResolver {
  constructor(private readonly service: SurveysService) {}

  @Query(() => [SurveyModel], { description: 'Newest first.' })
  surveys(@CurrentActor() actor: Actor) {
    return this.service.list(actor);
  }

  @Mutation(() => SurveyModel)
  createSurvey(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => CreateSurveyInput }) input: CreateSurveyInput,
  ) {
    return this.service.create(actor, input);
  }

  @ResolveField(() => TouchpointModel, { nullable: true })
  touchpoint(@Parent() survey: SurveyEntity, @Context() ctx: RequestContext) {
    const { workspaceId, touchpointId } = survey;
    return touchpointId ? ctx.loaders.touchpoint.load({ workspaceId, id: touchpointId }) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The shared link of an anonymous survey (for a QR code at the counter, a receipt, a website); null otherwise.',
  })
  publicUrl(@Parent() survey: SurveyEntity) {
    return this.service.publicUrl(survey);
  }
}

@Resolver(() => FeedbackRequestModel)
export class FeedbackRequestsResolver {
  constructor(private readonly requests: FeedbackRequestsService) {}

  @Query(() => [FeedbackRequestModel], { description: 'Newest first.' })
  feedbackRequests(
    @CurrentActor() actor: Actor,
    @Args('surveyId', { type: () => ID, nullable: true }) surveyId: string | null,
    @Args('customerId', { type: () => ID, nullable: true }) customerId: string | null,
  ) {
    return this.requests.list(actor, { surveyId, customerId });
  }

  @Mutation(() => FeedbackRequestModel, {
    description:
      'A single-use link for one customer; CONFLICT when they were asked within the workspace cap.',
  })
  requestFeedback(
    @CurrentActor() actor: Actor,
    @Args('input', { type: () => RequestFeedbackInput }) input: RequestFeedbackInput,
  ) {
    return this.requests.request(actor, input);
  }

  @ResolveField(() => String, {
    description: 'Absolute link the customer opens; carries a single-use token.',
  })
  url(@Parent() request: FeedbackRequestEntity) {
    return this.requests.url(request);
  }

  @ResolveField(() => FeedbackRequestStatusEnum)
  status(@Parent() request: FeedbackRequestEntity) {
    return this.requests.status(request);
  }

  @ResolveField(() => SurveyModel)
  survey(@Parent() request: FeedbackRequestEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.survey.load({ workspaceId: request.workspaceId, id: request.surveyId });
  }

  @ResolveField(() => CustomerModel)
  customer(@Parent() request: FeedbackRequestEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.customer.load({ workspaceId: request.workspaceId, id: request.customerId });
  }

  @ResolveField(() => FeedbackResponseModel, { nullable: true })
  response(@Parent() request: FeedbackRequestEntity, @Context() ctx: RequestContext) {
    return request.answeredAt
      ? ctx.loaders.responseOfRequest.load({ workspaceId: request.workspaceId, id: request.id })
      : null;
  }
}

@Resolver(() => FeedbackResponseModel)
export class FeedbackResponsesResolver {
  @ResolveField(() => SurveyModel)
  survey(@Parent() response: FeedbackResponseEntity, @Context() ctx: RequestContext) {
    return ctx.loaders.survey.load({ workspaceId: response.workspaceId, id: response.surveyId });
  }

  @ResolveField(() => CustomerModel, { nullable: true, description: 'null for an anonymous answer.' })
  customer(@Parent() response: FeedbackResponseEntity, @Context() ctx: RequestContext) {
    const { workspaceId, customerId } = response;
    return customerId ? ctx.loaders.customer.load({ workspaceId, id: customerId }) : null;
  }
}

@Resolver()
export class FeedbackReportsResolver {
  constructor(
    private readonly reports: FeedbackReportsService,
    private readonly answers: FeedbackAnswersService,
  ) {}

  @Query(() => FeedbackSummaryModel, {
    description: 'Over attributed and anonymous answers; a group with 1–4 anonymous answers has null scores.',
  })
  feedbackSummary(
    @CurrentActor() actor: Actor,
    @Args('surveyId', { type: () => ID, nullable: true }) surveyId: string | null,
    @Args('touchpointId', { type: () => ID, nullable: true }) touchpointId: string | null,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('to', { type: () => Date, nullable: true }) to: Date | null,
  ) {
    return this.reports.summary(actor, { surveyId, touchpointId, from, to });
  }

  @Query(() => [FeedbackResponseModel], {
    description:
      'The newest answers (at most 100). An anonymous survey shows comments only once it has 5 answers.',
  })
  feedbackResponses(
    @CurrentActor() actor: Actor,
    @Args('surveyId', { type: () => ID, nullable: true }) surveyId: string | null,
  ) {
    return this.reports.responses(actor, { surveyId });
  }

  @Query(() => [BlindSpotModel], {
    description: 'Per touchpoint, what auditors rated beside what customers said.',
  })
  async blindSpots(@CurrentActor() actor: Actor, @Context() ctx: RequestContext) {
    const spots = await this.reports.blindSpots(actor);
    return spots.map((spot) => ({
      ...spot,
      touchpoint: ctx.loaders.touchpoint.load({ workspaceId: actor.workspaceId, id: spot.touchpointId }),
    }));
  }

  @Public()
  @Query(() => PublicFeedbackFormModel, { description: 'PUBLIC: NOT_FOUND for an unknown token' })
  feedbackForm(@Args('token', { type: () => String }) token: string, @Context() ctx: RequestContext) {
    return this.answers.form(token, ctx);
  }

  @Public()
  @Mutation(() => Boolean, {
    description:
      "PUBLIC: one answer per single-use token (CONFLICT on a second; an anonymous survey's shared token takes many, rate-limited); a low score raises a follow-up friction point.",
  })
  async submitFeedback(
    @Args('token', { type: () => String }) token: string,
    @Args('input', { type: () => SubmitFeedbackInput }) input: SubmitFeedbackInput,
    @Context() ctx: RequestContext,
  ) {
    await this.answers.submit(token, input, ctx);
    return true;
  }
}
