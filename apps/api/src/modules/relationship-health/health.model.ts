import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HEALTH_BANDS } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';
import { MemberModel } from '../members/member.model';

export const HealthBandEnum = asGraphqlEnum(HEALTH_BANDS);
registerEnumType(HealthBandEnum, { name: 'HealthBand' });

@ObjectType('HealthFactor')
export class HealthFactorModel {
  @Field(() => String, { description: 'recency | balance | sentiment | feedback | friction' })
  key!: string;

  @Field(() => Float, {
    description: "The factor's own score, 0..1 (friction: number of open friction points).",
  })
  value!: number;

  @Field(() => Float, {
    description: 'Points this factor adds to (or, for friction, removes from) the score.',
  })
  points!: number;

  @Field(() => String)
  explanation!: string;
}

@ObjectType('RelationshipHealth')
export class RelationshipHealthModel {
  @Field(() => Int)
  score!: number;

  @Field(() => HealthBandEnum)
  band!: string;

  @Field(() => Int, { description: 'score now minus score 30 days earlier' })
  trend!: number;

  @Field(() => [HealthFactorModel])
  factors!: HealthFactorModel[];

  @Field(() => String)
  nextBestAction!: string;
}

@ObjectType('HealthSummary')
export class HealthSummaryModel {
  @Field(() => Int, {
    description: 'Every active customer, with or without a band yet: 0 means the workspace has none.',
  })
  activeCustomers!: number;

  @Field(() => Int)
  healthy!: number;

  @Field(() => Int)
  watch!: number;

  @Field(() => Int)
  atRisk!: number;

  @Field(() => Float, { nullable: true })
  averageScore!: number | null;

  @Field(() => Int)
  checkInsOverdue!: number;
}

@ObjectType('HealthTrendPoint', { description: "One day of the workspace's health, from daily snapshots." })
export class HealthTrendPointModel {
  @Field(() => String, { description: 'The day, YYYY-MM-DD (UTC).' })
  day!: string;

  @Field(() => Float)
  averageScore!: number;

  @Field(() => Int)
  healthy!: number;

  @Field(() => Int)
  watch!: number;

  @Field(() => Int)
  atRisk!: number;
}

@ObjectType('MemberContactMix', {
  description: "A member's contacts over a period, and how many were not sales.",
})
export class MemberContactMixModel {
  @Field(() => MemberModel)
  member!: MemberModel;

  @Field(() => Int, { description: 'RELATIONSHIP contacts.' })
  relationship!: number;

  @Field(() => Int)
  total!: number;

  @Field(() => Float, { nullable: true, description: 'relationship / total, 0..1; null without contacts.' })
  relationshipShare!: number | null;
}
