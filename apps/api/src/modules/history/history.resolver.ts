import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { ChangedEntity } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import type { RequestContext } from '../../graphql/context';
import type { TenantKey } from '../../graphql/loaders';
import { isUuid } from '../../graphql/parse-input';
import type { CustomerEntity } from '../customers/customer.entity';
import { CustomerModel } from '../customers/customer.model';
import { MemberModel } from '../members/member.model';
import {
  ChangedEntityEnum,
  ChangeEntryConnection,
  ChangeEntryModel,
  FieldChangeModel,
} from './change-entry.model';
import { HistoryService } from './history.service';

/** What a record is called now, through the request's loaders (batched: one query per kind per page). */
type Namer = (ctx: RequestContext, key: TenantKey) => Promise<string | null>;

const NAMERS = {
  member: async (ctx, key) => (await ctx.loaders.member.load(key))?.name ?? null,
  customer: async (ctx, key) => (await ctx.loaders.customer.load(key))?.name ?? null,
  touchpoint: async (ctx, key) => (await ctx.loaders.touchpoint.load(key))?.name ?? null,
  survey: async (ctx, key) => (await ctx.loaders.survey.load(key))?.name ?? null,
  audit: async (ctx, key) => (await ctx.loaders.audit.load(key))?.title ?? null,
  interaction: async (ctx, key) => (await ctx.loaders.interaction.load(key))?.summary ?? null,
  frictionPoint: async (ctx, key) => (await ctx.loaders.frictionPoint.load(key))?.description ?? null,
  // An observation is of a touchpoint: it goes by the touchpoint's name.
  observation: async (ctx, key): Promise<string | null> => {
    const observation = await ctx.loaders.observation.load(key);
    if (!observation) return null;
    return (await ctx.loaders.touchpoint.load({ ...key, id: observation.touchpointId }))?.name ?? null;
  },
  workspace: async (ctx, key) => (await ctx.loaders.workspace.load(key.id))?.name ?? null,
} satisfies Record<string, Namer>;

/** The fields that hold the id of another record, and what that record is. */
const REFERENCES: Record<string, Namer> = {
  ownerId: NAMERS.member,
  memberId: NAMERS.member,
  createdBy: NAMERS.member,
  customerId: NAMERS.customer,
  touchpointId: NAMERS.touchpoint,
  autoFeedbackTouchpointId: NAMERS.touchpoint,
  autoFeedbackSurveyId: NAMERS.survey,
  auditId: NAMERS.audit,
  interactionId: NAMERS.interaction,
};

const ENTITIES: Record<ChangedEntity, Namer> = {
  CUSTOMER: NAMERS.customer,
  INTERACTION: NAMERS.interaction,
  TOUCHPOINT: NAMERS.touchpoint,
  AUDIT: NAMERS.audit,
  OBSERVATION: NAMERS.observation,
  FRICTION_POINT: NAMERS.frictionPoint,
  SURVEY: NAMERS.survey,
  MEMBER: NAMERS.member,
  WORKSPACE: NAMERS.workspace,
};

const pageArgs = {
  first: { type: () => Int, nullable: true, defaultValue: 20 },
  after: { type: () => String, nullable: true },
} as const;

@Resolver(() => ChangeEntryModel)
export class HistoryResolver {
  constructor(private readonly service: HistoryService) {}

  @Roles('OWNER')
  @Query(() => ChangeEntryConnection, {
    description: 'OWNER only: every recorded change in the workspace, newest first (or those of one kind).',
  })
  history(
    @CurrentActor() actor: Actor,
    @Args('first', pageArgs.first) first: number,
    @Args('after', pageArgs.after) after: string | null,
    @Args('entity', { type: () => ChangedEntityEnum, nullable: true }) entity: ChangedEntity | null,
  ) {
    return this.service.forWorkspace(actor, { first, after, entity });
  }

  @ResolveField(() => MemberModel, {
    nullable: true,
    description: 'Who made it; null unless made by a signed-in member (see origin). Removed members too.',
  })
  member(@Parent() entry: ChangeEntryModel, @Context() ctx: RequestContext) {
    return entry.memberId
      ? ctx.loaders.member.load({ workspaceId: entry.workspaceId, id: entry.memberId })
      : null;
  }

  @ResolveField(() => CustomerModel, {
    nullable: true,
    description: 'The customer the changed record belongs to (the customer itself, an interaction’s, …).',
  })
  customer(@Parent() entry: ChangeEntryModel, @Context() ctx: RequestContext) {
    return entry.customerId
      ? ctx.loaders.customer.load({ workspaceId: entry.workspaceId, id: entry.customerId })
      : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'What the record is called now (a name, a title, a summary); null once it is gone. An observation goes by its touchpoint.',
  })
  entityLabel(@Parent() entry: ChangeEntryModel, @Context() ctx: RequestContext) {
    return ENTITIES[entry.entity as ChangedEntity](ctx, {
      workspaceId: entry.workspaceId,
      id: entry.entityId,
    });
  }
}

@Resolver(() => FieldChangeModel)
export class FieldChangeResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      'For a reference (ownerId, touchpointId, …): what `before` points to is called now, if it exists.',
  })
  beforeLabel(@Parent() change: FieldChangeModel, @Context() ctx: RequestContext) {
    return labelOf(change.field, change.workspaceId, change.beforeValue, ctx);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For a reference: what `after` points to is called now, if it exists.',
  })
  afterLabel(@Parent() change: FieldChangeModel, @Context() ctx: RequestContext) {
    return labelOf(change.field, change.workspaceId, change.afterValue, ctx);
  }
}

function labelOf(field: string, workspaceId: string, value: unknown, ctx: RequestContext) {
  const namer = REFERENCES[field];
  if (!namer || typeof value !== 'string' || !isUuid(value)) return null;
  return namer(ctx, { workspaceId, id: value });
}

@Resolver(() => CustomerModel)
export class CustomerHistoryResolver {
  constructor(private readonly service: HistoryService) {}

  @ResolveField(() => ChangeEntryConnection, {
    description:
      'Who changed what and when: the customer, their interactions and their friction points, newest first.',
  })
  history(
    @CurrentActor() actor: Actor,
    @Parent() customer: CustomerEntity,
    @Args('first', pageArgs.first) first: number,
    @Args('after', pageArgs.after) after: string | null,
  ) {
    return this.service.forCustomer(actor, customer, { first, after });
  }
}
