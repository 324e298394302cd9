import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IdempotencyKeyField } from '../../../graphql/idempotency-key.field';
import { ExpectedVersionField } from '../../../graphql/version.field';
import { HealthBandEnum } from '../../relationship-health/health.model';
import { CustomerStatusEnum } from '../customer.model';

@InputType('ProfileFactInput')
export class ProfileFactInput {
  @Field(() => String)
  label!: string;

  @Field(() => String)
  value!: string;
}

@InputType('CreateCustomerInput')
export class CreateCustomerInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [ProfileFactInput], { nullable: true })
  profileFacts?: ProfileFactInput[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  cadenceDays?: number | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('UpdateCustomerInput', {
  description: 'Only the fields given change; null clears an optional field.',
})
export class UpdateCustomerInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  company?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => [ProfileFactInput], { nullable: true })
  profileFacts?: ProfileFactInput[] | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => Int, { nullable: true })
  cadenceDays?: number | null;

  @ExpectedVersionField()
  version?: number | null;
}

@InputType('CustomerFilter')
export class CustomerFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Matches name, company, email or phone, case-insensitively.',
  })
  search?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => CustomerStatusEnum, { nullable: true, description: 'Defaults to ACTIVE.' })
  status?: string | null;

  @Field(() => HealthBandEnum, { nullable: true })
  band?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only overdue check-ins; false: only those not overdue.',
  })
  checkInOverdue?: boolean | null;
}
