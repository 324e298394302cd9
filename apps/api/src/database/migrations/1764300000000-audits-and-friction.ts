import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/**
 * Touchpoint audits (an ordered list of steps, one observation per step) and the friction register.
 * An observation references its step through (workspace_id, audit_id, touchpoint_id), so the
 * database itself refuses an observation of a touchpoint that is not a step of the audit.
 */
export class AuditsAndFriction1764300000000 implements MigrationInterface {
  name = 'AuditsAndFriction1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const rating = (column: string) => `${column} smallint not null check (${column} between 1 and 5)`;
    await q.query(`
      create table audits (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        title text not null,
        scenario text not null,
        auditor_name text not null,
        external boolean not null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'IN_PROGRESS', 'SUBMITTED')),
        created_by uuid,
        created_at timestamptz not null default now(),
        submitted_at timestamptz,
        primary key (workspace_id, id),
        foreign key (workspace_id, created_by) references members(workspace_id, id) on delete set null (created_by),
        check ((status = 'SUBMITTED') = (submitted_at is not null))
      );
      create index audits_by_created on audits (workspace_id, created_at desc);
      ${tenantPolicy('audits')}

      create table audit_steps (
        workspace_id uuid not null,
        audit_id uuid not null,
        position smallint not null check (position >= 0),
        touchpoint_id uuid not null,
        primary key (workspace_id, audit_id, position),
        unique (workspace_id, audit_id, touchpoint_id),
        foreign key (workspace_id, audit_id) references audits(workspace_id, id) on delete cascade,
        foreign key (workspace_id, touchpoint_id) references touchpoints(workspace_id, id)
      );
      ${tenantPolicy('audit_steps')}

      create table observations (
        workspace_id uuid not null,
        id uuid not null,
        audit_id uuid not null,
        touchpoint_id uuid not null,
        expected text,
        experienced text not null,
        surprise text not null check (surprise in ('NONE', 'DELIGHT', 'LETDOWN')),
        friction smallint not null check (friction between 0 and 3),
        ${rating('accuracy')},
        ${rating('availability')},
        ${rating('partnership')},
        ${rating('advice')},
        would_return boolean not null,
        notes text,
        recorded_at timestamptz not null default now(),
        primary key (workspace_id, id),
        unique (workspace_id, audit_id, touchpoint_id),
        foreign key (workspace_id, audit_id, touchpoint_id)
          references audit_steps(workspace_id, audit_id, touchpoint_id) on delete cascade
      );
      create index observations_by_touchpoint on observations (workspace_id, touchpoint_id);
      ${tenantPolicy('observations')}

      create table friction_points (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        touchpoint_id uuid,
        customer_id uuid,
        description text not null,
        severity smallint not null check (severity between 1 and 3),
        status text not null default 'OPEN' check (status in ('OPEN', 'IN_PROGRESS', 'RESOLVED')),
        owner_id uuid,
        resolution text,
        source text not null check (source in ('AUDIT', 'FEEDBACK', 'INTERACTION', 'MANUAL')),
        observation_id uuid,
        interaction_id uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        resolved_at timestamptz,
        primary key (workspace_id, id),
        foreign key (workspace_id, touchpoint_id) references touchpoints(workspace_id, id),
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade,
        foreign key (workspace_id, owner_id) references members(workspace_id, id) on delete set null (owner_id),
        foreign key (workspace_id, created_by) references members(workspace_id, id) on delete set null (created_by),
        foreign key (workspace_id, observation_id) references observations(workspace_id, id) on delete set null (observation_id),
        foreign key (workspace_id, interaction_id) references interactions(workspace_id, id) on delete set null (interaction_id),
        check ((status = 'RESOLVED') = (resolved_at is not null)),
        check (status <> 'RESOLVED' or resolution is not null)
      );
      -- One friction point per observation: submitting twice cannot raise it twice.
      create unique index friction_points_observation on friction_points (workspace_id, observation_id)
        where observation_id is not null;
      create index friction_points_by_status on friction_points (workspace_id, status, created_at desc);
      create index friction_points_by_touchpoint on friction_points (workspace_id, touchpoint_id, status);
      create index friction_points_by_customer on friction_points (workspace_id, customer_id, status);
      ${tenantPolicy('friction_points')}
    `);
    await q.query(
      `grant select, insert, update, delete on audits, audit_steps, observations, friction_points to ${APP_ROLE};`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table friction_points, observations, audit_steps, audits;`);
  }
}
