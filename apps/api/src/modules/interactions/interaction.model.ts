import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DIRECTIONS, INTERACTION_PURPOSES } from '@rapport/domain';
import { connectionTypes } from '../../graphql/connection';
import { asGraphqlEnum } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key.field';
import { ChannelEnum } from '../touchpoints/touchpoint.model';

export const DirectionEnum = asGraphqlEnum(DIRECTIONS);
registerEnumType(DirectionEnum, { name: 'Direction' });

export const InteractionPurposeEnum = asGraphqlEnum(INTERACTION_PURPOSES);
registerEnumType(InteractionPurposeEnum, { name: 'InteractionPurpose' });

/** One logged contact with a customer. `customer`, `touchpoint` and `member` resolve through loaders. */
@ObjectType('Interaction')
export class InteractionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ChannelEnum)
  channel!: string;

  @Field(() => DirectionEnum)
  direction!: string;

  @Field(() => InteractionPurposeEnum)
  purpose!: string;

  @Field(() => Int, { description: '-2 very negative .. +2 very positive' })
  sentiment!: number;

  @Field(() => String)
  summary!: string;

  @Field(() => String, { nullable: true })
  frictionNote!: string | null;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => Date, { nullable: true })
  followUpAt!: Date | null;

  @Field(() => Date, { description: 'When it was logged (occurredAt may be earlier).' })
  createdAt!: Date;
}

export const { Edge: InteractionEdge, Connection: InteractionConnection } = connectionTypes(
  'Interaction',
  InteractionModel,
);

/** The details of a contact, shared by logInteraction and completeCheckIn. */
@InputType({ isAbstract: true })
export class ContactInput {
  @Field(() => ID, { nullable: true })
  touchpointId?: string | null;

  @Field(() => ChannelEnum, {
    nullable: true,
    description: "Required when touchpointId is absent; otherwise the touchpoint's channel.",
  })
  channel?: string | null;

  @Field(() => String, { nullable: true })
  frictionNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; may not be in the future.' })
  occurredAt?: Date | null;

  @Field(() => Date, { nullable: true })
  followUpAt?: Date | null;
}

@InputType('LogInteractionInput')
export class LogInteractionInput extends ContactInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => DirectionEnum)
  direction!: string;

  @Field(() => InteractionPurposeEnum)
  purpose!: string;

  @Field(() => Int)
  sentiment!: number;

  @Field(() => String)
  summary!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
