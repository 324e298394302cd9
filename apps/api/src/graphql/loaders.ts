import type { RelationshipHealth } from '@rapport/domain';
import DataLoader from 'dataloader';
import { type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { Db } from '../database/db.service';
import { AuditEntity } from '../modules/audits/audit.entity';
import { ObservationEntity } from '../modules/audits/observation.entity';
import { loadTouchpointScores, type TouchpointScores } from '../modules/audits/touchpoint-scores';
import type { CustomerEntity } from '../modules/customers/customer.entity';
import { customerQuery, readCustomers } from '../modules/customers/customer-query';
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

/**
 * Reads in a workspace for the request: as its member when they belong to it (a query's reads then
 * share its transaction), else as nobody (a public link's page). The actor is read at each batch,
 * since signing in or out changes it.
 */
type Reader = <T>(workspaceId: string, work: (em: EntityManager) => Promise<T>) => Promise<T>;

/**
 * A loader by tenant key: `fetch` reads one workspace's values by id, so a response costs one query per
 * workspace however many keys it names; a key `fetch` did not answer gets `missing(key)`.
 */
function keyedLoader<V>(
  read: Reader,
  fetch: (em: EntityManager, workspaceId: string, ids: string[]) => Promise<Iterable<readonly [string, V]>>,
  missing: (key: TenantKey) => V | Error,
): DataLoader<TenantKey, V, string> {
  return new DataLoader(
    async (keys) => {
      const found = new Map<string, V>();
      for (const [workspaceId, ids] of idsByWorkspace(keys)) {
        const values = await read(workspaceId, (em) => fetch(em, workspaceId, ids));
        for (const [id, value] of values) found.set(keyString({ workspaceId, id }), value);
      }
      return keys.map((k) => (found.has(keyString(k)) ? (found.get(keyString(k)) as V) : missing(k)));
    },
    { cacheKeyFn: keyString },
  );
}

/** Rows of one tenant table by key. */
function tenantLoader<T extends ObjectLiteral & TenantKey>(
  read: Reader,
  entity: EntityTarget<T>,
): TenantLoader<T> {
  return keyedLoader<T | null>(
    read,
    async (em, workspaceId, ids) =>
      (await em.findBy(entity, { workspaceId, id: In(ids) } as never)).map((row) => [row.id, row] as const),
    () => null,
  );
}

function touchpointScoresLoader(read: Reader): DataLoader<TenantKey, TouchpointScores, string> {
  return keyedLoader(read, loadTouchpointScores, (k) => new Error(`No scores for touchpoint ${k.id}`));
}

function responseOfRequestLoader(read: Reader): TenantLoader<FeedbackResponseEntity> {
  return keyedLoader<FeedbackResponseEntity | null>(
    read,
    async (em, workspaceId, ids) =>
      (await em.findBy(FeedbackResponseEntity, { workspaceId, requestId: In(ids) })).flatMap((row) =>
        row.requestId ? [[row.requestId, row] as const] : [],
      ),
    () => null,
  );
}

/** Customers as GraphQL shows them (with their owner: see customerQuery). */
function customerLoader(read: Reader): TenantLoader<CustomerEntity> {
  return keyedLoader<CustomerEntity | null>(
    read,
    async (em, workspaceId, ids) =>
      (
        await readCustomers(
          customerQuery(em).where('c.workspace_id = :workspaceId and c.id in (:...ids)', {
            workspaceId,
            ids,
          }),
        )
      ).map((row) => [row.id, row] as const),
    () => null,
  );
}

function customerHealthLoader(read: Reader): TenantLoader<RelationshipHealth> {
  return keyedLoader<RelationshipHealth | null>(
    read,
    async (em, workspaceId, ids) => {
      const rows: { id: string; health: RelationshipHealth | null }[] = await em.query(
        `select id, health from customers where workspace_id = $1 and id = any($2::uuid[])`,
        [workspaceId, ids],
      );
      return rows.flatMap((row) => (row.health ? [[row.id, row.health] as const] : []));
    },
    () => null,
  );
}

/** Made fresh for every request, so nothing is cached across requests or members. */
export function createLoaders(db: Db, request: { actor: Actor | undefined }): Loaders {
  const read: Reader = (workspaceId, work) => db.inWorkspace(workspaceId, work, { actor: request.actor });
  return {
    workspace: new DataLoader(async (ids) => {
      return Promise.all(ids.map((id) => read(id, (em) => em.findOneBy(WorkspaceEntity, { id }))));
    }),
    member: tenantLoader(read, MemberEntity),
    customer: customerLoader(read),
    touchpoint: tenantLoader(read, TouchpointEntity),
    interaction: tenantLoader(read, InteractionEntity),
    audit: tenantLoader(read, AuditEntity),
    observation: tenantLoader(read, ObservationEntity),
    touchpointScores: touchpointScoresLoader(read),
    survey: tenantLoader(read, SurveyEntity),
    frictionPoint: tenantLoader(read, FrictionPointEntity),
    responseOfRequest: responseOfRequestLoader(read),
    customerHealth: customerHealthLoader(read),
    healthSummary: new DataLoader((ids) =>
      Promise.all(ids.map((id) => read(id, (em) => loadHealthSummary(em, id)))),
    ),
  };
}
