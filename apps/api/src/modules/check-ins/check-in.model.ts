import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHECK_IN_STATUSES } from '@rapport/domain';
import { connectionTypes } from '../../graphql/connection';
import { asGraphqlEnum } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key.field';
import { ContactInput, DirectionEnum } from '../interactions/interaction.model';

export const CheckInStatusEnum = asGraphqlEnum(CHECK_IN_STATUSES);
registerEnumType(CheckInStatusEnum, { name: 'CheckInStatus' });

@ObjectType('CheckIn', { description: 'A planned non-sales contact: scheduled, then done or skipped.' })
export class CheckInModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => CheckInStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true })
  skipReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was done or skipped.' })
  closedAt!: Date | null;
}

export const { Edge: CheckInEdge, Connection: CheckInConnection } = connectionTypes('CheckIn', CheckInModel);

@InputType('ScheduleCheckInInput')
export class ScheduleCheckInInput {
  @Field(() => ID)
  customerId!: string;

  @Field(() => Date)
  dueAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: "Defaults to the customer's owner, else whoever schedules it.",
  })
  assigneeId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('CompleteCheckInInput', {
  description:
    "How the check-in went; it is logged as a RELATIONSHIP interaction (by default on the customer's last channel).",
})
export class CompleteCheckInInput extends ContactInput {
  @Field(() => DirectionEnum, { nullable: true, description: 'Defaults to OUTBOUND.' })
  direction?: string | null;

  @Field(() => Int, { nullable: true, description: 'Defaults to 0 (neutral).' })
  sentiment?: number | null;

  @Field(() => String)
  summary!: string;
}
