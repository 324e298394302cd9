import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/**
 * Relationship tracking and health: interactions, planned check-ins, each customer's check-in dates
 * and stored health (kept current on write and by a scheduled pass), and daily health snapshots.
 */
export class Relationships1764200000000 implements MigrationInterface {
  name = 'Relationships1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table interactions (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        customer_id uuid not null,
        touchpoint_id uuid,
        channel text not null check (channel in ('WEB','PHONE','EMAIL','STORE','OFFICE','SOCIAL','MAIL','EVENT','OTHER')),
        member_id uuid,
        direction text not null check (direction in ('INBOUND', 'OUTBOUND')),
        purpose text not null check (purpose in ('SALES', 'SERVICE', 'SUPPORT', 'RELATIONSHIP')),
        sentiment smallint not null check (sentiment between -2 and 2),
        summary text not null,
        friction_note text,
        occurred_at timestamptz not null,
        follow_up_at timestamptz,
        idempotency_key text,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade,
        foreign key (workspace_id, touchpoint_id) references touchpoints(workspace_id, id) on delete set null (touchpoint_id),
        foreign key (workspace_id, member_id) references members(workspace_id, id) on delete set null (member_id)
      );
      -- One interaction per retry key: the database settles a race between two requests with one key.
      create unique index interactions_idempotency on interactions (workspace_id, idempotency_key)
        where idempotency_key is not null;
      create index interactions_by_customer on interactions (workspace_id, customer_id, occurred_at desc, id desc);
      create index interactions_by_member on interactions (workspace_id, member_id, occurred_at);
      ${tenantPolicy('interactions')}

      create table check_ins (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        customer_id uuid not null,
        assignee_id uuid,
        due_at timestamptz not null,
        note text,
        status text not null default 'PLANNED' check (status in ('PLANNED', 'DONE', 'SKIPPED')),
        skip_reason text,
        interaction_id uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        closed_at timestamptz,
        primary key (workspace_id, id),
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade,
        foreign key (workspace_id, assignee_id) references members(workspace_id, id) on delete set null (assignee_id),
        foreign key (workspace_id, created_by) references members(workspace_id, id) on delete set null (created_by),
        foreign key (workspace_id, interaction_id) references interactions(workspace_id, id) on delete set null (interaction_id),
        check ((status = 'PLANNED') = (closed_at is null)),
        check ((status = 'SKIPPED') = (skip_reason is not null))
      );
      create index check_ins_by_assignee on check_ins (workspace_id, status, assignee_id, due_at);
      create index check_ins_by_customer on check_ins (workspace_id, customer_id, due_at);
      ${tenantPolicy('check_ins')}

      -- Derived, kept current by the API: the check-in clock and the stored health, so that filters and
      -- orders over a whole workspace are indexed reads.
      alter table customers
        add column last_relationship_contact_at timestamptz,
        add column next_check_in_due_at timestamptz,
        add column health_score int check (health_score between 0 and 100),
        add column health_band text check (health_band in ('HEALTHY', 'WATCH', 'AT_RISK')),
        add column health jsonb,
        add column health_as_of timestamptz;
      update customers c set next_check_in_due_at =
        c.created_at + make_interval(days => coalesce(c.cadence_days, w.default_cadence_days))
        from workspaces w where w.id = c.workspace_id;
      alter table customers alter column next_check_in_due_at set not null;
      create index customers_by_check_in on customers (workspace_id, status, next_check_in_due_at, id);
      create index customers_by_health on customers (workspace_id, status, health_score, id);
      create index customers_by_band on customers (workspace_id, status, health_band);
      create index customers_health_age on customers (workspace_id, health_as_of);

      create table health_snapshots (
        workspace_id uuid not null,
        customer_id uuid not null,
        day date not null,
        score int not null check (score between 0 and 100),
        band text not null check (band in ('HEALTHY', 'WATCH', 'AT_RISK')),
        primary key (workspace_id, customer_id, day),
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade
      );
      create index health_snapshots_by_day on health_snapshots (workspace_id, day);
      ${tenantPolicy('health_snapshots')}

      -- Global: which workspaces exist, for scheduled work that visits each one in turn (ids only:
      -- the work itself runs inside each workspace, under its row-level security).
      create table workspace_directory (id uuid primary key references workspaces(id) on delete cascade);
      insert into workspace_directory (id) select distinct workspace_id from credentials;
    `);
    await q.query(`
      grant select, insert, update, delete on interactions, check_ins, health_snapshots, workspace_directory
        to ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table workspace_directory, health_snapshots, check_ins, interactions;
      alter table customers
        drop column last_relationship_contact_at, drop column next_check_in_due_at, drop column health_score,
        drop column health_band, drop column health, drop column health_as_of;
    `);
  }
}
