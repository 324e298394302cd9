import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { conflict } from '../graphql/errors';

/**
 * Applies `changes` to one row of a versioned table and raises its version, provided the version is
 * still `expected` (when the client sent one): a write made from a stale form is CONFLICT instead
 * of silently overwriting a change it never saw. TypeORM's optimistic lock does not guard
 * `update()`, so the check is part of the UPDATE itself. The caller has already made sure the row
 * exists (NOT_FOUND otherwise).
 */
export async function updateVersioned<E extends ObjectLiteral>(
  em: EntityManager,
  entity: EntityTarget<E>,
  row: { workspaceId: string; id: string },
  expected: number | null | undefined,
  changes: QueryDeepPartialEntity<E>,
  what: string,
): Promise<void> {
  const update = em
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where('workspace_id = :workspaceId and id = :id', row);
  if (expected !== null && expected !== undefined) update.andWhere('version = :expected', { expected });
  const { affected } = await update.execute();
  if (affected === 0) {
    // `fields.version` tells a client that the edit was stale, and that reloading is the way out.
    const message = `Someone else changed this ${what} since you opened it. Reload to see their change, then edit again.`;
    throw conflict(message, { version: message });
  }
}
