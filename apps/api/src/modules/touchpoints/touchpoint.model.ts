import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHANNELS, JOURNEY_STAGES } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';

export const ChannelEnum = asGraphqlEnum(CHANNELS);
registerEnumType(ChannelEnum, { name: 'Channel' });

export const JourneyStageEnum = asGraphqlEnum(JOURNEY_STAGES);
registerEnumType(JourneyStageEnum, { name: 'JourneyStage' });

@ObjectType('Touchpoint', { description: 'A place where customers meet the business.' })
export class TouchpointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChannelEnum)
  channel!: string;

  @Field(() => JourneyStageEnum)
  stage!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Boolean, { description: 'A critical junction where customers form their opinion.' })
  momentOfTruth!: boolean;
}

@InputType('TouchpointInput')
export class TouchpointInput {
  @Field(() => String)
  name!: string;

  @Field(() => ChannelEnum)
  channel!: string;

  @Field(() => JourneyStageEnum)
  stage!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  momentOfTruth?: boolean | null;
}
