import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CHANGE_ACTIONS, CHANGE_ORIGINS, CHANGED_ENTITIES } from '@rapport/domain';
import { PageInfoModel } from '../../graphql/connection';
import { asGraphqlEnum } from '../../graphql/enums';

export const ChangeActionEnum = asGraphqlEnum(CHANGE_ACTIONS);
registerEnumType(ChangeActionEnum, { name: 'ChangeAction' });

export const ChangedEntityEnum = asGraphqlEnum(CHANGED_ENTITIES);
registerEnumType(ChangedEntityEnum, {
  name: 'ChangedEntity',
  description: 'The kinds of record whose changes are kept.',
});

export const ChangeOriginEnum = asGraphqlEnum(CHANGE_ORIGINS);
registerEnumType(ChangeOriginEnum, {
  name: 'ChangeOrigin',
  description:
    'How a change came about: a signed-in member, a public link (an outside auditor, a feedback link, an anonymous survey), or the system (scheduled work, maintenance).',
});

@ObjectType('FieldChange', { description: 'One field of a change, before and after.' })
export class FieldChangeModel {
  /** Internal: the workspace and the values as stored, for naming what a reference points to. */
  workspaceId!: string;
  beforeValue!: unknown;
  afterValue!: unknown;

  @Field(() => String, { description: 'The field as the API names it (`ownerId`, `cadenceDays`, …).' })
  field!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The value before, as JSON (a string, number, boolean, list or object); null when it had none.',
  })
  before!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The value after, as JSON; null when it has none (or the record was deleted).',
  })
  after!: string | null;
}

@ObjectType('ChangeEntry', {
  description:
    'One recorded change to one record: who, when, and each field that changed (a creation lists the fields it set).',
})
export class ChangeEntryModel {
  workspaceId!: string;
  memberId!: string | null;
  customerId!: string | null;

  @Field(() => ID)
  id!: string;

  @Field(() => ChangeActionEnum)
  action!: string;

  @Field(() => ChangedEntityEnum)
  entity!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => Date)
  changedAt!: Date;

  @Field(() => ChangeOriginEnum)
  origin!: string;

  @Field(() => [FieldChangeModel])
  changes!: FieldChangeModel[];
}

@ObjectType('ChangeEntryEdge')
export class ChangeEntryEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ChangeEntryModel)
  node!: ChangeEntryModel;
}

/** No totalCount: counting a workspace's whole history on every page would grow with it for ever. */
@ObjectType('ChangeEntryConnection')
export class ChangeEntryConnection {
  @Field(() => [ChangeEntryEdge])
  edges!: ChangeEntryEdge[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}
