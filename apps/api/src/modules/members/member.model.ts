import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES } from '@rapport/domain';
import { asGraphqlEnum } from '../../graphql/enums';
import { WorkspaceModel } from '../workspaces/workspace.model';

export const RoleEnum = asGraphqlEnum(ROLES);
registerEnumType(RoleEnum, { name: 'Role' });

@ObjectType('Member')
export class MemberModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  email!: string;

  @Field(() => RoleEnum)
  role!: string;

  @Field(() => WorkspaceModel)
  workspace!: WorkspaceModel;

  @Field(() => Date, {
    nullable: true,
    description:
      'When an owner removed the member; their history keeps their name. Null for current members.',
  })
  removedAt!: Date | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field(() => MemberModel)
  member!: MemberModel;
}

@ObjectType('Invitation')
export class InvitationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String, {
    description: 'Name the invitee was invited under; they may change it when accepting.',
  })
  name!: string;

  @Field(() => RoleEnum)
  role!: string;

  @Field(() => String, { description: 'Absolute link the invitee opens; carries a single-use token.' })
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('PendingInvitation', {
  description: 'An invitation not yet accepted; its link is shown only once, when made.',
})
export class PendingInvitationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleEnum)
  role!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@ObjectType('InvitationPreview', { description: 'What the invitee sees before accepting.' })
export class InvitationPreviewModel {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RoleEnum)
  role!: string;

  @Field(() => String)
  workspaceName!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
