import { Injectable } from '@nestjs/common';
import { updateWorkspaceSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { definedOnly, parseInput } from '../../graphql/parse-input';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
  ) {}

  update(
    actor: Actor,
    args: { name?: string | null; defaultCadenceDays?: number | null },
  ): Promise<WorkspaceEntity> {
    const changes = parseInput(updateWorkspaceSchema, definedOnly(args));
    const id = actor.workspaceId;
    return this.db.inWorkspace(id, async (em) => {
      const before = await em.findOneByOrFail(WorkspaceEntity, { id });
      if (Object.keys(changes).length > 0) await em.update(WorkspaceEntity, { id }, { ...changes });
      if (
        changes.defaultCadenceDays !== undefined &&
        changes.defaultCadenceDays !== before.defaultCadenceDays
      ) {
        // Check-in dates and health of the customers on the default cadence move with it, at once.
        await this.customerState.refreshDefaultCadenceFollowers(em, id);
      }
      return em.findOneByOrFail(WorkspaceEntity, { id });
    });
  }
}
