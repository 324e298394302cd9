import { Injectable } from '@nestjs/common';
import { idempotencyKeyArgSchema, JOURNEY_STAGES, touchpointSchema } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { createOnce } from '../../database/idempotency';
import { isUniqueViolation } from '../../database/pg-errors';
import { conflict, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import { TouchpointEntity } from './touchpoint.entity';

const NAME_TAKEN = 'A touchpoint with this name already exists';

@Injectable()
export class TouchpointsService {
  constructor(private readonly db: Db) {}

  /** The catalogue in journey order (discover → return), then by name. */
  list(actor: Actor): Promise<TouchpointEntity[]> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) =>
      em
        .createQueryBuilder(TouchpointEntity, 't')
        .where('t.workspace_id = :workspaceId', { workspaceId })
        .orderBy('array_position(:stages::text[], t.stage)', 'ASC')
        .addOrderBy('lower(t.name)', 'ASC')
        .setParameter('stages', JOURNEY_STAGES)
        .getMany(),
    );
  }

  get(actor: Actor, id: string): Promise<TouchpointEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => em.findOneBy(TouchpointEntity, { workspaceId, id }));
  }

  /** The key comes beside the input, which updates share. */
  create(actor: Actor, args: unknown, keyArgs: unknown): Promise<TouchpointEntity> {
    const input = parseInput(touchpointSchema, args);
    const { idempotencyKey } = parseInput(idempotencyKeyArgSchema, keyArgs);
    const { workspaceId } = actor;
    const request = { operation: 'createTouchpoint', key: idempotencyKey, args };
    return this.saving(actor, (em) =>
      createOnce(em, workspaceId, request, (id) =>
        em.insert(TouchpointEntity, { ...input, workspaceId, id }),
      ),
    );
  }

  update(actor: Actor, id: string, args: unknown): Promise<TouchpointEntity> {
    const input = parseInput(touchpointSchema, args);
    const { workspaceId } = actor;
    return this.saving(actor, async (em) => {
      const exists = isUuid(id) && (await em.existsBy(TouchpointEntity, { workspaceId, id }));
      if (!exists) throw notFound('No such touchpoint');
      await em.update(TouchpointEntity, { workspaceId, id }, { ...input });
      return id;
    });
  }

  /** Runs a write and returns the saved touchpoint; a duplicate name is CONFLICT on `name`. */
  private async saving(actor: Actor, write: (em: EntityManager) => Promise<string>) {
    try {
      return await this.db.asMember(actor, async (em) => {
        const id = await write(em);
        return em.findOneByOrFail(TouchpointEntity, { workspaceId: actor.workspaceId, id });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'touchpoints_name')) throw conflict(NAME_TAKEN, { name: NAME_TAKEN });
      throw error;
    }
  }
}
