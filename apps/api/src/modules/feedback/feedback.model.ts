import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FEEDBACK_REQUEST_STATUSES, SURVEY_TYPES } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key.field';
import { TouchpointModel } from '../touchpoints/touchpoint.model';

export const SurveyTypeEnum = asGraphqlEnum(SURVEY_TYPES);
registerEnumType(SurveyTypeEnum, { name: 'SurveyType' });

export const FeedbackRequestStatusEnum = asGraphqlEnum(FEEDBACK_REQUEST_STATUSES);
registerEnumType(FeedbackRequestStatusEnum, { name: 'FeedbackRequestStatus' });

@ObjectType('Survey')
export class SurveyModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => SurveyTypeEnum)
  type!: string;

  @Field(() => String)
  question!: string;

  @Field(() => Boolean, {
    description:
      'Anonymous surveys collect answers through one shared link and never link an answer to a customer.',
  })
  anonymous!: boolean;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('FeedbackResponse')
export class FeedbackResponseModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment!: string | null;

  @Field(() => Date)
  respondedAt!: Date;
}

@ObjectType('FeedbackRequest')
export class FeedbackRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('PublicFeedbackForm', { description: 'What a customer sees on the feedback link.' })
export class PublicFeedbackFormModel {
  @Field(() => String)
  businessName!: string;

  @Field(() => SurveyTypeEnum)
  type!: string;

  @Field(() => String)
  question!: string;

  @Field(() => Int, { description: 'Inclusive score range: NPS 0..10, CSAT 1..5, CES 1..7.' })
  minScore!: number;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => FeedbackRequestStatusEnum)
  status!: string;
}

@ObjectType('FeedbackSummary')
export class FeedbackSummaryModel {
  @Field(() => Int)
  responses!: number;

  @Field(() => Float, { nullable: true, description: '-100..100; null without NPS answers' })
  nps!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'share of CSAT answers that are 4 or 5, 0..1; null without CSAT answers',
  })
  csat!: number | null;

  @Field(() => Float, { nullable: true, description: 'mean CES answer 1..7; null without CES answers' })
  ces!: number | null;
}

@ObjectType('BlindSpot', {
  description: 'Per touchpoint: what auditors rated beside what customers said, both on 0..1, and the gap.',
})
export class BlindSpotModel {
  @Field(() => TouchpointModel)
  touchpoint!: TouchpointModel;

  @Field(() => Int, { description: 'Submitted audit observations of the touchpoint.' })
  audits!: number;

  @Field(() => Int, { description: 'Answers to surveys bound to the touchpoint.' })
  answers!: number;

  @Field(() => Float, { nullable: true, description: 'Mean of the four factor means, 1..5 mapped to 0..1.' })
  auditScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Mean normalised answer, 0..1; null without answers or with fewer than 5 anonymous ones.',
  })
  customerScore!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'customerScore − auditScore: below 0, customers feel worse.',
  })
  gap!: number | null;
}

@InputType('CreateSurveyInput')
export class CreateSurveyInput {
  @Field(() => String)
  name!: string;

  @Field(() => SurveyTypeEnum)
  type!: string;

  @Field(() => String)
  question!: string;

  @Field(() => ID, { nullable: true })
  touchpointId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  anonymous?: boolean | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('RequestFeedbackInput')
export class RequestFeedbackInput {
  @Field(() => ID)
  surveyId!: string;

  @Field(() => ID)
  customerId!: string;

  @Field(() => ID, { nullable: true })
  interactionId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 14 })
  expiresInDays?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('SubmitFeedbackInput')
export class SubmitFeedbackInput {
  @Field(() => Int)
  score!: number;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}
