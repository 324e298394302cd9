import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_STATUSES, SURPRISES } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';
import { IdempotencyKeyField } from '../../graphql/idempotency-key.field';
import { ChannelEnum, TouchpointModel } from '../touchpoints/touchpoint.model';

export const AuditStatusEnum = asGraphqlEnum(AUDIT_STATUSES);
registerEnumType(AuditStatusEnum, { name: 'AuditStatus' });

export const SurpriseEnum = asGraphqlEnum(SURPRISES);
registerEnumType(SurpriseEnum, { name: 'Surprise' });

/** One step of an audit as the auditor lived it; `touchpoint` resolves through a loader. */
@ObjectType('Observation')
export class ObservationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  expected!: string | null;

  @Field(() => String)
  experienced!: string;

  @Field(() => SurpriseEnum)
  surprise!: string;

  @Field(() => Int, { description: '0 none, 1 hesitation, 2 obstacle, 3 blocker' })
  friction!: number;

  @Field(() => Int)
  accuracy!: number;

  @Field(() => Int)
  availability!: number;

  @Field(() => Int)
  partnership!: number;

  @Field(() => Int)
  advice!: number;

  @Field(() => Boolean)
  wouldReturn!: boolean;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Date)
  recordedAt!: Date;
}

@ObjectType('Audit')
export class AuditModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  scenario!: string;

  @Field(() => AuditStatusEnum)
  status!: string;

  @Field(() => String)
  auditorName!: string;

  @Field(() => Boolean, { description: 'An outsider runs it through a link, without an account.' })
  external!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Link for an outside auditor; null when a member runs the audit. Only its hash is stored, so it is given ' +
      'in the answer of createAudit and renewAuditLink only (renewing ends the previous link).',
  })
  inviteUrl!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  submittedAt!: Date | null;
}

@ObjectType('StepConsistency', {
  description: 'How alike a touchpoint was across the submitted audits of the same scenario.',
})
export class StepConsistencyModel {
  @Field(() => TouchpointModel)
  touchpoint!: TouchpointModel;

  @Field(() => Int, { description: 'Submitted audits of this scenario that rated the touchpoint.' })
  audits!: number;

  @Field(() => Float, { nullable: true, description: '0..1; null with fewer than 2 audits.' })
  consistency!: number | null;
}

@InputType('CreateAuditInput')
export class CreateAuditInput {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  scenario!: string;

  @Field(() => [ID])
  touchpointIds!: string[];

  @Field(() => String)
  auditorName!: string;

  @Field(() => Boolean, { description: 'true: an outsider runs it through inviteUrl, without an account.' })
  external!: boolean;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType('ObservationInput')
export class ObservationInput {
  @Field(() => ID)
  touchpointId!: string;

  @Field(() => String, { nullable: true })
  expected?: string | null;

  @Field(() => String)
  experienced!: string;

  @Field(() => SurpriseEnum)
  surprise!: string;

  @Field(() => Int)
  friction!: number;

  @Field(() => Int)
  accuracy!: number;

  @Field(() => Int)
  availability!: number;

  @Field(() => Int)
  partnership!: number;

  @Field(() => Int)
  advice!: number;

  @Field(() => Boolean)
  wouldReturn!: boolean;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@ObjectType('PublicAuditStep')
export class PublicAuditStepModel {
  @Field(() => ID)
  touchpointId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ChannelEnum)
  channel!: string;

  @Field(() => Boolean)
  observed!: boolean;
}

@ObjectType('PublicAudit', {
  description: 'What an outside auditor sees: nothing but the audit they were invited to.',
})
export class PublicAuditModel {
  @Field(() => String)
  title!: string;

  @Field(() => String)
  scenario!: string;

  @Field(() => String)
  businessName!: string;

  @Field(() => AuditStatusEnum)
  status!: string;

  @Field(() => [PublicAuditStepModel])
  steps!: PublicAuditStepModel[];
}
