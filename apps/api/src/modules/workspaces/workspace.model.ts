import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Workspace')
export class WorkspaceModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Int, { description: 'Check-in cadence for customers without their own.' })
  defaultCadenceDays!: number;
}
