import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idle session expiry (`sessions.last_seen_at`) and soft removal of members (`members.removed_at`).
 *
 * A removed member's row stays: interactions, audits, check-ins and friction points keep pointing
 * at it, so history still shows who did what. Their email is unique only among current members, so
 * the same person can be invited again (as a new member).
 */
export class SessionsAndRemoval1764500000000 implements MigrationInterface {
  name = 'SessionsAndRemoval1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table sessions add column last_seen_at timestamptz not null default now();
      update sessions set last_seen_at = created_at;

      alter table members add column removed_at timestamptz;
      alter table members drop constraint members_workspace_id_email_key;
      create unique index members_email on members (workspace_id, email) where removed_at is null;
    `);
  }

  /** Removed members come back as members without credentials (they cannot sign in); a re-invited email fails it. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index members_email;
      alter table members add constraint members_workspace_id_email_key unique (workspace_id, email);
      alter table members drop column removed_at;
      alter table sessions drop column last_seen_at;
    `);
  }
}
