import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FRICTION_SOURCES, FRICTION_STATUSES } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key.field';
import { ExpectedVersionField, VersionField } from '../../graphql/version.field';

export const FrictionStatusEnum = asGraphqlEnum(FRICTION_STATUSES);
registerEnumType(FrictionStatusEnum, { name: 'FrictionStatus' });

export const FrictionSourceEnum = asGraphqlEnum(FRICTION_SOURCES);
registerEnumType(FrictionSourceEnum, { name: 'FrictionSource' });

@ObjectType('FrictionPoint')
export class FrictionPointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Int, { description: '1 minor .. 3 severe' })
  severity!: number;

  @Field(() => FrictionStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true })
  resolution!: string | null;

  @Field(() => FrictionSourceEnum, {
    description: 'Where it was raised: an audit, feedback, an interaction, or by hand.',
  })
  source!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @VersionField()
  version!: number;
}

@InputType('RaiseFrictionPointInput')
export class RaiseFrictionPointInput {
  @Field(() => ID, { nullable: true })
  touchpointId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'The interaction whose friction note this is; its customer and touchpoint are used unless others are given.',
  })
  interactionId?: string | null;

  @Field(() => String)
  description!: string;

  @Field(() => Int)
  severity!: number;

  @Field(() => ID, { nullable: true, description: "Defaults to the customer's relationship owner." })
  ownerId?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('UpdateFrictionPointInput')
export class UpdateFrictionPointInput {
  @Field(() => FrictionStatusEnum, { nullable: true })
  status?: string | null;

  @Field(() => ID, { nullable: true, description: 'null unassigns.' })
  ownerId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required to move to RESOLVED (unless already there).',
  })
  resolution?: string | null;

  @ExpectedVersionField()
  version?: number | null;
}
