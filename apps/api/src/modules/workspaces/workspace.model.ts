import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FEEDBACK_TRIGGERS } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';

export const FeedbackTriggerEnum = asGraphqlEnum(FEEDBACK_TRIGGERS);
registerEnumType(FeedbackTriggerEnum, { name: 'FeedbackTrigger' });

@ObjectType('Workspace')
export class WorkspaceModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Check-in cadence for customers without their own.' })
  defaultCadenceDays!: number;

  @Field(() => Int, {
    description: 'A customer is asked for feedback at most once in this many days (0: no limit).',
  })
  feedbackCapDays!: number;

  @Field(() => FeedbackTriggerEnum, {
    nullable: true,
    description: 'When a feedback request is created by itself (autoFeedbackSurvey); null: never.',
  })
  autoFeedbackTrigger!: string | null;
}
