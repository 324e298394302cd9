import type { RelationshipHealth } from '@rapport/domain';
import DataLoader from 'dataloader';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Db } from '../database/db.service';
import { AuditEntity } from '../modules/audits/audit.entity';
import { ObservationEntity } from '../modules/audits/observation.entity';
import { loadTouchpointScores, type TouchpointScores } from '../modules/audits/touchpoint-scores';
import type { CustomerEntity } from '../modules/customers/customer.entity';
import { customerQuery } from '../modules/customers/customer-query';
import { FeedbackResponseEntity } from '../modules/feedback/feedback-response.entity';
import { SurveyEntity } from '../modules/feedback/survey.entity';
import { FrictionPointEntity } from '../modules/friction/friction-point.entity';
import { InteractionEntity } from '../modules/interactions/interaction.entity';
import { MemberEntity } from '../modules/members/member.entity';
import { type HealthSummary, loadHealthSummary } from '../modules/relationship-health/health-summary';
import { TouchpointEntity } from '../modules/touchpoints/touchpoint.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';

/** A tenant row by its key: `{ workspaceId, id }`. */
export interface TenantKey {
  workspaceId: string;
  id: string;
}

type TenantLoader<T> = DataLoader<TenantKey, T | null, string>;

export interface Loaders {
  workspace: DataLoader<string, WorkspaceEntity | null>;
  member: TenantLoader<MemberEntity>;
  customer: TenantLoader<CustomerEntity>;
  touchpoint: TenantLoader<TouchpointEntity>;
  interaction: TenantLoader<InteractionEntity>;
  audit: TenantLoader<AuditEntity>;
  observation: TenantLoader<ObservationEntity>;
  survey: TenantLoader<SurveyEntity>;
  frictionPoint: TenantLoader<FrictionPointEntity>;
  /** A workspace's health summary (the dashboard's summary and trend share it). */
  healthSummary: DataLoader<string, HealthSummary>;
  /** A customer's stored health document (not read with the customer: see CustomerEntity.healthDocument). */
  customerHealth: TenantLoader<RelationshipHealth>;
  /** The answer to a feedback request, by the request's key. */
  responseOfRequest: TenantLoader<FeedbackResponseEntity>;
  /** Audit ratings, consistency and open friction per touchpoint. */
  touchpointScores: DataLoader<TenantKey, TouchpointScores, string>;
}

const keyString = (k: TenantKey) => `${k.workspaceId}:${k.id}`;

/** The keys' ids grouped by workspace (a request names only its own, but the loader does not assume it). */
function idsByWorkspace(keys: readonly TenantKey[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const k of keys) grouped.set(k.workspaceId, [...(grouped.get(k.workspaceId) ?? []), k.id]);
  return grouped;
}

/** Rows of one tenant table by key: one query per workspace however many rows a response names. */
function tenantLoader<T extends ObjectLiteral & TenantKey>(db: Db, entity: EntityTarget<T>): TenantLoader<T> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, T>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const rows = await db.inWorkspace(workspaceId, (em) =>
          em.findBy(entity, { workspaceId, id: In(ids) } as never),
        );
        for (const row of rows) found.set(keyString(row), row);
      }
      return keys.map((k) => found.get(keyString(k)) ?? null);
    },
    { cacheKeyFn: keyString },
  );
}

function touchpointScoresLoader(db: Db): DataLoader<TenantKey, TouchpointScores, string> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, TouchpointScores>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const scores = await db.inWorkspace(workspaceId, (em) => loadTouchpointScores(em, workspaceId, ids));
        for (const [id, score] of scores) found.set(keyString({ workspaceId, id }), score);
      }
      return keys.map((k) => found.get(keyString(k)) ?? new Error(`No scores for touchpoint ${k.id}`));
    },
    { cacheKeyFn: keyString },
  );
}

function responseOfRequestLoader(db: Db): TenantLoader<FeedbackResponseEntity> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, FeedbackResponseEntity>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const rows = await db.inWorkspace(workspaceId, (em) =>
          em.findBy(FeedbackResponseEntity, { workspaceId, requestId: In(ids) }),
        );
        for (const row of rows)
          if (row.requestId) found.set(keyString({ workspaceId, id: row.requestId }), row);
      }
      return keys.map((k) => found.get(keyString(k)) ?? null);
    },
    { cacheKeyFn: keyString },
  );
}

/** Customers as GraphQL shows them (with their owner: see customerQuery). */
function customerLoader(db: Db): TenantLoader<CustomerEntity> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, CustomerEntity>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const rows = await db.inWorkspace(workspaceId, (em) =>
          customerQuery(em)
            .where('c.workspace_id = :workspaceId and c.id in (:...ids)', { workspaceId, ids })
            .getMany(),
        );
        for (const row of rows) found.set(keyString(row), row);
      }
      return keys.map((k) => found.get(keyString(k)) ?? null);
    },
    { cacheKeyFn: keyString },
  );
}

function customerHealthLoader(db: Db): TenantLoader<RelationshipHealth> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, RelationshipHealth>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const rows: { id: string; health: RelationshipHealth | null }[] = await db.inWorkspace(
          workspaceId,
          (em) =>
            em.query(`select id, health from customers where workspace_id = $1 and id = any($2::uuid[])`, [
              workspaceId,
              ids,
            ]),
        );
        for (const row of rows) if (row.health) found.set(keyString({ workspaceId, id: row.id }), row.health);
      }
      return keys.map((k) => found.get(keyString(k)) ?? null);
    },
    { cacheKeyFn: keyString },
  );
}

/** Made fresh for every request, so nothing is cached across requests or members. */
export function createLoaders(db: Db): Loaders {
  return {
    workspace: new DataLoader(async (ids) => {
      return Promise.all(ids.map((id) => db.inWorkspace(id, (em) => em.findOneBy(WorkspaceEntity, { id }))));
    }),
    member: tenantLoader(db, MemberEntity),
    customer: customerLoader(db),
    touchpoint: tenantLoader(db, TouchpointEntity),
    interaction: tenantLoader(db, InteractionEntity),
    audit: tenantLoader(db, AuditEntity),
    observation: tenantLoader(db, ObservationEntity),
    touchpointScores: touchpointScoresLoader(db),
    survey: tenantLoader(db, SurveyEntity),
    frictionPoint: tenantLoader(db, FrictionPointEntity),
    responseOfRequest: responseOfRequestLoader(db),
    customerHealth: customerHealthLoader(db),
    healthSummary: new DataLoader((ids) =>
      Promise.all(ids.map((id) => db.inWorkspace(id, (em) => loadHealthSummary(em, id)))),
    ),
  };
}
