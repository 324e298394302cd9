import DataLoader from 'dataloader';
import { type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import type { Db } from '../database/db.service';
import { CustomerEntity } from '../modules/customers/customer.entity';
import { InteractionEntity } from '../modules/interactions/interaction.entity';
import { MemberEntity } from '../modules/members/member.entity';
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
}

const keyString = (k: TenantKey) => `${k.workspaceId}:${k.id}`;

/** Rows of one tenant table by key: one query per workspace however many rows a response names. */
function tenantLoader<T extends ObjectLiteral & TenantKey>(db: Db, entity: EntityTarget<T>): TenantLoader<T> {
  return new DataLoader(
    async (keys) => {
      const idsByWorkspace = new Map<string, string[]>();
      for (const k of keys)
        idsByWorkspace.set(k.workspaceId, [...(idsByWorkspace.get(k.workspaceId) ?? []), k.id]);
      const found = new Map<string, T>();
      for (const [workspaceId, ids] of idsByWorkspace) {
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

/** Made fresh for every request, so nothing is cached across requests or members. */
export function createLoaders(db: Db): Loaders {
  return {
    workspace: new DataLoader(async (ids) => {
      return Promise.all(ids.map((id) => db.inWorkspace(id, (em) => em.findOneBy(WorkspaceEntity, { id }))));
    }),
    member: tenantLoader(db, MemberEntity),
    customer: tenantLoader(db, CustomerEntity),
    touchpoint: tenantLoader(db, TouchpointEntity),
    interaction: tenantLoader(db, InteractionEntity),
  };
}
