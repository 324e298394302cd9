import { Args, Int, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../../auth/actor';
import { CurrentActor, Roles } from '../../auth/decorators';
import { WorkspaceModel } from './workspace.model';
import { WorkspacesService } from './workspaces.service';

@Resolver(() => WorkspaceModel)
export class WorkspacesResolver {
  constructor(private readonly service: WorkspacesService) {}

  @Roles('OWNER')
  @Mutation(() => WorkspaceModel, { description: 'OWNER only' })
  updateWorkspace(
    @CurrentActor() actor: Actor,
    @Args('name', { type: () => String, nullable: true }) name?: string | null,
    @Args('defaultCadenceDays', { type: () => Int, nullable: true }) defaultCadenceDays?: number | null,
  ) {
    return this.service.update(actor, { name, defaultCadenceDays });
  }
}
