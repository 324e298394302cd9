import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { Db } from '../database/db.service';
import { MemberEntity } from '../modules/members/member.entity';
import { WorkspaceEntity } from '../modules/workspaces/workspace.entity';

export interface Loaders {
  workspace: DataLoader<string, WorkspaceEntity | null>;
  /** Keyed by `{ workspaceId, id }`; one query per workspace however many members a page names. */
  member: DataLoader<{ workspaceId: string; id: string }, MemberEntity | null, string>;
}

/** Made fresh for every request, so nothing is cached across requests or members. */
export function createLoaders(db: Db): Loaders {
  return {
    workspace: new DataLoader(async (ids) => {
      return Promise.all(ids.map((id) => db.inWorkspace(id, (em) => em.findOneBy(WorkspaceEntity, { id }))));
    }),
    member: new DataLoader(
      async (keys) => {
        const idsByWorkspace = new Map<string, string[]>();
        for (const k of keys)
          idsByWorkspace.set(k.workspaceId, [...(idsByWorkspace.get(k.workspaceId) ?? []), k.id]);
        const found = new Map<string, MemberEntity>();
        for (const [workspaceId, ids] of idsByWorkspace) {
          const members = await db.inWorkspace(workspaceId, (em) =>
            em.findBy(MemberEntity, { workspaceId, id: In(ids) }),
          );
          for (const m of members) found.set(`${workspaceId}:${m.id}`, m);
        }
        return keys.map((k) => found.get(`${k.workspaceId}:${k.id}`) ?? null);
      },
      { cacheKeyFn: (k) => `${k.workspaceId}:${k.id}` },
    ),
  };
}
