import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CUSTOMER_ORDERS, CUSTOMER_STATUSES } from '@rapport/domain';
import { connectionTypes } from '../../graphql/connection';
import { asGraphqlEnum } from '../../graphql/enums';
import { VersionField } from '../../graphql/version.field';
import { MemberModel } from '../members/member.model';
import { RelationshipHealthModel } from '../relationship-health/health.model';

export const CustomerStatusEnum = asGraphqlEnum(CUSTOMER_STATUSES);
registerEnumType(CustomerStatusEnum, { name: 'CustomerStatus' });

export const CustomerOrderEnum = asGraphqlEnum(CUSTOMER_ORDERS);
registerEnumType(CustomerOrderEnum, { name: 'CustomerOrder' });

@ObjectType('ProfileFact', { description: 'Something learned about the client, in their own terms.' })
export class ProfileFactModel {
  @Field(() => String)
  label!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('Customer')
export class CustomerModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => [String])
  tags!: string[];

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [ProfileFactModel])
  profileFacts!: ProfileFactModel[];

  @Field(() => MemberModel, { nullable: true })
  owner!: MemberModel | null;

  @Field(() => Int, { description: "Effective cadence: the customer's own, else the workspace default." })
  cadenceDays!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The customer's own cadence; null when it follows the workspace default.",
  })
  ownCadenceDays!: number | null;

  @Field(() => CustomerStatusEnum)
  status!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'The newest RELATIONSHIP (non-sales) contact.' })
  lastRelationshipContactAt!: Date | null;

  @Field(() => Date, { description: 'One cadence after the last relationship contact (or creation).' })
  nextCheckInDueAt!: Date;

  @Field(() => Boolean, { description: 'Now is past nextCheckInDueAt.' })
  checkInOverdue!: boolean;

  @Field(() => RelationshipHealthModel)
  health!: RelationshipHealthModel;

  @VersionField()
  version!: number;
}

export const { Edge: CustomerEdge, Connection: CustomerConnection } = connectionTypes(
  'Customer',
  CustomerModel,
);
