import { Injectable } from '@nestjs/common';
import { updateWorkspaceSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { definedOnly, parseInput } from '../../graphql/parse-input';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesService {
  constructor(private readonly db: Db) {}

  update(
    actor: Actor,
    args: { name?: string | null; defaultCadenceDays?: number | null },
  ): Promise<WorkspaceEntity> {
    const changes = parseInput(updateWorkspaceSchema, definedOnly(args));
    const id = actor.workspaceId;
    return this.db.inWorkspace(id, async (em) => {
      if (Object.keys(changes).length > 0) await em.update(WorkspaceEntity, { id }, { ...changes });
      return em.findOneByOrFail(WorkspaceEntity, { id });
    });
  }
}
