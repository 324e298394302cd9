import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/**
 * One table of idempotency keys for every create operation (it was a column of interactions): the
 * key, the operation and a hash of the request it was first used with, and what it created. Keys
 * older than 24 hours no longer count.
 */
export class IdempotencyKeys1764600000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table idempotency_keys (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        key text not null,
        operation text not null,
        -- null: carried over from before requests were hashed; any request with the key replays.
        request_hash text,
        result_id uuid,
        created_at timestamptz not null default now(),
        primary key (workspace_id, key)
      );
      create index idempotency_keys_age on idempotency_keys (workspace_id, created_at);
      ${tenantPolicy('idempotency_keys')}

      insert into idempotency_keys (workspace_id, key, operation, result_id, created_at)
      select workspace_id, idempotency_key, 'logInteraction', id, created_at
        from interactions where idempotency_key is not null;
      alter table interactions drop column idempotency_key;
    `);
    await q.query(`grant select, insert, update, delete on idempotency_keys to ${APP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table interactions add column idempotency_key text;
      update interactions i set idempotency_key = k.key
        from idempotency_keys k
       where k.workspace_id = i.workspace_id and k.result_id = i.id and k.operation = 'logInteraction';
      create unique index interactions_idempotency on interactions (workspace_id, idempotency_key)
        where idempotency_key is not null;
      drop table idempotency_keys;
    `);
  }
}
