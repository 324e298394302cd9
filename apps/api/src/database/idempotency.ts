import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, FindOptionsWhere } from 'typeorm';
import { conflict } from '../graphql/errors';
import { ahead, send } from './send';

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

/** What tells a retry (same hash) from another request under the same key. */
export const hashOf = ({ operation, args }: KeyedRequest) =>
  createHash('sha256')
    .update(`${operation}\n${canonical(args)}`)
    .digest('hex');

/** Claims a key for a result: answers a row when claimed, none when the key is live (used, not expired). */
export const CLAIM_KEY = `insert into idempotency_keys (workspace_id, key, operation, request_hash, result_id)
  values ($1, $2, $3, $4, $5)
  on conflict (workspace_id, key) do update
    set operation = excluded.operation, request_hash = excluded.request_hash,
        result_id = excluded.result_id, created_at = now()
    where idempotency_keys.created_at < now() - make_interval(hours => $6)
  returning key`;

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

/**
 * Runs `create` once per idempotency key and workspace, inside the caller's transaction, giving it the
 * id to create under, and answers that id, or the first request's id when the key was used before
 * with the same content (CONFLICT with other content). Without a key, `create` simply runs.
 *
 * The key is claimed for the new id and `create` runs behind the claim at once, in the same round trip
 * (see `send`), after a savepoint: should the key turn out used, what `create` did is rolled back to
 * it and the first request is replayed. Two requests racing with one key meet at the key's primary
 * key: the second waits for the first to commit, then replays it. The key names its result from the
 * start: should the create fail, the transaction takes both away.
 */
export async function createOnce(
  em: EntityManager,
  workspaceId: string,
  request: KeyedRequest,
  create: (id: string) => Promise<unknown>,
): Promise<string> {
  const id = randomUUID();
  if (!request.key) {
    await create(id);
    return id;
  }
  const hash = hashOf(request);
  const claimed = send(em, CLAIM_KEY, [
    workspaceId,
    request.key,
    request.operation,
    hash,
    id,
    IDEMPOTENCY_KEY_TTL_HOURS,
  ]);
  const savepoint = send(em, 'savepoint keyed_create', []);
  const created = ahead(create(id));
  if ((await claimed).length > 0) {
    await savepoint;
    await created;
    return id;
  }
  await created.catch(() => {}); // undone below, whatever it did or failed to do
  await em.query('rollback to savepoint keyed_create');
  return replay(em, workspaceId, request, hash);
}

/**
 * `createOnce` for a create that answers the row it created (as inserted, with what the database
 * generated): answers that row, or on a replay the first request's row, read back.
 */
export async function insertOnce<E extends { workspaceId: string; id: string }>(
  em: EntityManager,
  workspaceId: string,
  request: KeyedRequest,
  entity: EntityTarget<E>,
  create: (id: string) => Promise<E>,
): Promise<E> {
  let created: E | undefined;
  const id = await createOnce(em, workspaceId, request, async (newId) => {
    created = await create(newId);
  });
  // On a replay, what this request created was rolled back: the first request's row is read.
  return created?.id === id
    ? created
    : em.findOneByOrFail(entity, { workspaceId, id } as FindOptionsWhere<E>);
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
