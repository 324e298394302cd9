import { createHash } from 'node:crypto';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { conflict } from '../graphql/errors';

/** A key counts for this long; afterwards the same key creates anew. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

export interface KeyedRequest {
  /** The GraphQL operation, so one key cannot stand for two kinds of request. */
  operation: string;
  key: string | null;
  /** The request as the client sent it (the key left out); its hash tells a retry from a new request. */
  args: unknown;
}

/** JSON with sorted keys and no null or undefined members: equal requests, equal text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([name, member]) => member !== null && member !== undefined && name !== 'idempotencyKey')
            .sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const hashOf = ({ operation, args }: KeyedRequest) =>
  createHash('sha256')
    .update(`${operation}\n${canonical(args)}`)
    .digest('hex');

/**
 * Runs `create` once per idempotency key and workspace, inside the caller's transaction, and answers
 * the id of what it created. A later request with the key and the same content answers the first
 * one's id and writes nothing; with other content it is CONFLICT. Two requests racing with one key
 * meet at the primary key: the second waits for the first to commit, then replays it. Without a key,
 * `create` simply runs.
 */
export async function createOnce(
  em: EntityManager,
  workspaceId: string,
  request: KeyedRequest,
  create: () => Promise<string>,
): Promise<string> {
  if (!request.key) return create();
  const hash = hashOf(request);
  const claimed: unknown[] = await em.query(
    `insert into idempotency_keys (workspace_id, key, operation, request_hash)
     values ($1, $2, $3, $4)
     on conflict (workspace_id, key) do update
       set operation = excluded.operation, request_hash = excluded.request_hash, result_id = null,
           created_at = now()
       where idempotency_keys.created_at < now() - make_interval(hours => $5)
     returning key`,
    [workspaceId, request.key, request.operation, hash, IDEMPOTENCY_KEY_TTL_HOURS],
  );
  if (claimed.length === 0) return replay(em, workspaceId, request, hash);
  const id = await create();
  await em.query(`update idempotency_keys set result_id = $3 where workspace_id = $1 and key = $2`, [
    workspaceId,
    request.key,
    id,
  ]);
  return id;
}

async function replay(em: EntityManager, workspaceId: string, request: KeyedRequest, hash: string) {
  const [first] = (await em.query(
    `select operation, request_hash, result_id from idempotency_keys where workspace_id = $1 and key = $2`,
    [workspaceId, request.key],
  )) as { operation: string; request_hash: string | null; result_id: string }[];
  const same = first?.operation === request.operation && (first.request_hash ?? hash) === hash;
  if (!first || !same) {
    throw conflict('This idempotency key was already used for a different request; send a new key.');
  }
  return first.result_id;
}

/** `createOnce` for a create that inserts one row of `entity`: answers that row (the first one, on a replay). */
export async function insertOnce<E extends { workspaceId: string; id: string }>(
  em: EntityManager,
  workspaceId: string,
  request: KeyedRequest,
  entity: EntityTarget<E>,
  create: () => Promise<string>,
): Promise<E> {
  const id = await createOnce(em, workspaceId, request, create);
  return em.findOneByOrFail(entity, { workspaceId, id } as FindOptionsWhere<E>);
}

/**
 * Deletes the workspace's expired keys (an expired key is claimed anew by the next request bearing it
 * anyway: this only keeps the table small). Run by the scheduled health pass, once an hour per
 * workspace, rather than by every keyed write.
 */
export async function sweepExpiredKeys(em: EntityManager, workspaceId: string): Promise<void> {
  await em.query(
    `delete from idempotency_keys where workspace_id = $1 and created_at < now() - make_interval(hours => $2)`,
    [workspaceId, IDEMPOTENCY_KEY_TTL_HOURS],
  );
}
