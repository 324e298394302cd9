import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';

/** Enables and forces row-level security on a tenant table, scoped by `column` to the request's workspace. */
export function tenantPolicy(table: string, column = 'workspace_id'): string {
  const current = `nullif(current_setting('app.workspace_id', true), '')::uuid`;
  return `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy ${table}_tenant_isolation on ${table}
      using (${column} = ${current}) with check (${column} = ${current});`;
}

/**
 * Workspaces, members, invitations, sessions, customers and touchpoints.
 *
 * Tenant tables lead their primary key with workspace_id and reference each other through
 * (workspace_id, id), so the database itself refuses a link across workspaces. The few global
 * tables (credentials, sessions, access tokens, rate-limit events) are what must be found before
 * the workspace is known; they hold no business data.
 */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // Roles are cluster-wide: several databases (one per test file) may race to create it.
    await q.query(`
      do $$ begin
        create role ${APP_ROLE} nologin nosuperuser nobypassrls;
      exception when duplicate_object or unique_violation then null;
      end $$;`);
    await q.query(
      `do $$ begin execute format('grant ${APP_ROLE} to %I', current_user); exception when others then null; end $$;`,
    );

    await q.query(`
      create table workspaces (
        id uuid primary key,
        name text not null,
        default_cadence_days int not null default 30 check (default_cadence_days between 1 and 365),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      ${tenantPolicy('workspaces', 'id')}

      create table members (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        name text not null,
        email text not null,
        role text not null check (role in ('OWNER', 'STAFF')),
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        unique (workspace_id, email)
      );
      ${tenantPolicy('members')}

      create table invitations (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        email text not null,
        name text not null,
        role text not null check (role in ('OWNER', 'STAFF')),
        invited_by uuid not null,
        expires_at timestamptz not null,
        accepted_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        foreign key (workspace_id, invited_by) references members(workspace_id, id) on delete cascade
      );
      ${tenantPolicy('invitations')}

      -- Global: sign-in finds the member by email before any workspace is known.
      create table credentials (
        email text primary key,
        workspace_id uuid not null,
        member_id uuid not null,
        password_hash text not null,
        created_at timestamptz not null default now(),
        foreign key (workspace_id, member_id) references members(workspace_id, id) on delete cascade
      );

      -- Global: a request's cookie leads to its workspace. Only the token's hash is stored.
      create table sessions (
        token_hash bytea primary key,
        workspace_id uuid not null,
        member_id uuid not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        foreign key (workspace_id, member_id) references members(workspace_id, id) on delete cascade
      );
      create index sessions_member on sessions (workspace_id, member_id);

      -- Global: links handed to people without a session (invitations; later audits and feedback).
      create table access_tokens (
        token_hash bytea primary key,
        kind text not null,
        workspace_id uuid not null references workspaces(id) on delete cascade,
        subject_id uuid not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        created_at timestamptz not null default now()
      );

      -- Global: counted attempts for rate limits, kept in Postgres so every API replica sees them.
      create table rate_limit_events (
        bucket text not null,
        key text not null,
        at timestamptz not null default now()
      );
      create index rate_limit_events_lookup on rate_limit_events (bucket, key, at);

      create table customers (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        name text not null,
        company text,
        email text,
        phone text,
        tags text[] not null default '{}',
        notes text,
        profile_facts jsonb not null default '[]',
        owner_id uuid,
        cadence_days int check (cadence_days between 1 and 365),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'ARCHIVED')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (workspace_id, id),
        foreign key (workspace_id, owner_id) references members(workspace_id, id) on delete set null (owner_id)
      );
      create index customers_by_name on customers (workspace_id, status, lower(name), id);
      create index customers_by_created on customers (workspace_id, status, created_at desc, id desc);
      create index customers_by_owner on customers (workspace_id, owner_id);
      create index customers_tags on customers using gin (tags);
      ${tenantPolicy('customers')}

      create table touchpoints (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        name text not null,
        channel text not null check (channel in ('WEB','PHONE','EMAIL','STORE','OFFICE','SOCIAL','MAIL','EVENT','OTHER')),
        stage text not null check (stage in ('DISCOVER','BUY','ONBOARD','USE','SUPPORT','BILLING','RETURN')),
        description text,
        moment_of_truth boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (workspace_id, id)
      );
      create unique index touchpoints_name on touchpoints (workspace_id, lower(name));
      ${tenantPolicy('touchpoints')}
    `);

    await q.query(`
      grant usage on schema public to ${APP_ROLE};
      grant select, insert, update, delete on workspaces, members, invitations, customers, touchpoints,
        credentials, sessions, access_tokens, rate_limit_events to ${APP_ROLE};
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop table touchpoints, customers, rate_limit_events, access_tokens, sessions, credentials,
        invitations, members, workspaces;
    `);
  }
}
