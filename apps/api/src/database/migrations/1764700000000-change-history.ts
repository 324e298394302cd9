import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/** One table whose changes are recorded, and what of it. */
interface Tracked {
  table: string;
  /** The GraphQL type a row is (`ChangedEntity`). */
  entity: string;
  /** The column holding the workspace: `workspace_id`, or `id` for the workspaces themselves. */
  workspace: string;
  /** The column naming the customer a row belongs to, if any (its changes show in that customer's history). */
  customer: string | null;
  /**
   * The columns recorded, in the order they are shown. Everything else is left out on purpose: keys,
   * creation and update stamps, and what the app derives and refreshes by itself (a customer's stored
   * health and check-in clock, an observation's `recorded_at`), so that a health refresh records
   * nothing. A column added later is not recorded until a migration names it here: nothing (a secret
   * above all) slips into history unseen. test/history.int-spec.ts lists what is left out per table.
   */
  columns: string[];
}

const TRACKED: Tracked[] = [
  {
    table: 'customers',
    entity: 'CUSTOMER',
    workspace: 'workspace_id',
    customer: 'id',
    columns: [
      'name',
      'company',
      'email',
      'phone',
      'tags',
      'notes',
      'profile_facts',
      'owner_id',
      'cadence_days',
      'status',
    ],
  },
  {
    table: 'interactions',
    entity: 'INTERACTION',
    workspace: 'workspace_id',
    customer: 'customer_id',
    columns: [
      'customer_id',
      'touchpoint_id',
      'channel',
      'member_id',
      'direction',
      'purpose',
      'sentiment',
      'summary',
      'friction_note',
      'occurred_at',
      'follow_up_at',
    ],
  },
  {
    table: 'touchpoints',
    entity: 'TOUCHPOINT',
    workspace: 'workspace_id',
    customer: null,
    columns: ['name', 'channel', 'stage', 'description', 'moment_of_truth'],
  },
  {
    table: 'audits',
    entity: 'AUDIT',
    workspace: 'workspace_id',
    customer: null,
    columns: ['title', 'scenario', 'auditor_name', 'external', 'status', 'created_by', 'submitted_at'],
  },
  {
    table: 'observations',
    entity: 'OBSERVATION',
    workspace: 'workspace_id',
    customer: null,
    columns: [
      'audit_id',
      'touchpoint_id',
      'expected',
      'experienced',
      'surprise',
      'friction',
      'accuracy',
      'availability',
      'partnership',
      'advice',
      'would_return',
      'notes',
    ],
  },
  {
    table: 'friction_points',
    entity: 'FRICTION_POINT',
    workspace: 'workspace_id',
    customer: 'customer_id',
    columns: [
      'description',
      'severity',
      'status',
      'owner_id',
      'resolution',
      'resolved_at',
      'touchpoint_id',
      'customer_id',
      'source',
      'observation_id',
      'interaction_id',
      'feedback_response_id',
      'created_by',
    ],
  },
  {
    table: 'surveys',
    entity: 'SURVEY',
    workspace: 'workspace_id',
    customer: null,
    columns: ['name', 'type', 'question', 'touchpoint_id', 'anonymous'],
  },
  {
    table: 'members',
    entity: 'MEMBER',
    workspace: 'workspace_id',
    customer: null,
    columns: ['name', 'email', 'role', 'removed_at'],
  },
  {
    table: 'workspaces',
    entity: 'WORKSPACE',
    workspace: 'id',
    customer: null,
    columns: [
      'name',
      'default_cadence_days',
      'feedback_cap_days',
      'auto_feedback_survey_id',
      'auto_feedback_trigger',
      'auto_feedback_touchpoint_id',
    ],
  },
];

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The change history: who changed what, when, field by field, written by row triggers in the
 * transaction of the change itself, so no write path can forget it and a rolled-back write leaves
 * none. Append-only for the app: its role may read (under row-level security) but not write the
 * table; only the trigger function writes, as the table's owner.
 */
export class ChangeHistory1764700000000 implements MigrationInterface {
  name = 'ChangeHistory1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table change_history (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null default gen_random_uuid(),
        entity text not null check (entity in (${TRACKED.map((t) => literal(t.entity)).join(', ')})),
        entity_id uuid not null,
        -- The customer the changed row belongs to (the customer itself, an interaction's, a friction point's).
        customer_id uuid,
        action text not null check (action in ('CREATE', 'UPDATE', 'DELETE')),
        -- No foreign key: a member's row is never deleted (removal is soft), and at sign-up the
        -- workspace is created before its first member's row exists.
        member_id uuid,
        origin text not null check (origin in ('MEMBER', 'AUDIT_LINK', 'FEEDBACK_LINK', 'SURVEY_LINK', 'SYSTEM')),
        -- Milliseconds: what a cursor (a JavaScript date) can carry exactly.
        changed_at timestamptz not null default date_trunc('milliseconds', clock_timestamp()),
        -- [{ "field": "<API name>", "before": <json or null>, "after": <json or null> }], in column order.
        changes jsonb not null check (jsonb_typeof(changes) = 'array'),
        primary key (workspace_id, id),
        check ((origin = 'MEMBER') = (member_id is not null))
      );
      create index change_history_by_time on change_history (workspace_id, changed_at desc, id desc);
      create index change_history_by_entity on change_history (workspace_id, entity, changed_at desc, id desc);
      create index change_history_by_customer on change_history (workspace_id, customer_id, changed_at desc, id desc)
        where customer_id is not null;
      ${tenantPolicy('change_history')}
    `);

    // Arguments: the workspace column, the entity, the customer column ('' for none), then the
    // recorded columns. Runs as its owner (the schema owner) with a fixed search path and qualified
    // names, so nothing the caller can set or create changes what it does.
    await q.query(`
      create function record_change() returns trigger
      language plpgsql security definer
      set search_path = pg_catalog, pg_temp
      as $fn$
      declare
        workspace_column constant text := tg_argv[0];
        entity_name constant text := tg_argv[1];
        customer_column constant text := nullif(tg_argv[2], '');
        current_workspace constant text := nullif(current_setting('app.workspace_id', true), '');
        acting_member uuid := nullif(current_setting('app.member_id', true), '')::uuid;
        change_origin text := coalesce(nullif(current_setting('app.change_origin', true), ''), 'SYSTEM');
        before_row jsonb;
        after_row jsonb;
        subject jsonb;
        row_workspace uuid;
        field_changes jsonb;
      begin
        if tg_op <> 'INSERT' then before_row := to_jsonb(old); end if;
        if tg_op <> 'DELETE' then after_row := to_jsonb(new); end if;
        subject := coalesce(after_row, before_row);
        row_workspace := (subject ->> workspace_column)::uuid;

        -- Recorded columns whose value differs, as the API names them (customer_id: customerId).
        select jsonb_agg(jsonb_build_object(
                 'field', lower(left(c.col, 1)) || substr(replace(initcap(replace(c.col, '_', ' ')), ' ', ''), 2),
                 'before', c.was, 'after', c.is_now) order by c.n)
          into field_changes
          from (select a.col, a.n, nullif(before_row -> a.col, 'null') as was,
                       nullif(after_row -> a.col, 'null') as is_now
                  from unnest(tg_argv[3:tg_nargs - 1]) with ordinality as a(col, n)) c
         where c.was is distinct from c.is_now;
        if tg_op = 'UPDATE' and field_changes is null then return null; end if;

        if acting_member is null then
          if change_origin = 'MEMBER' then change_origin := 'SYSTEM'; end if;
        elsif change_origin <> 'MEMBER' then
          acting_member := null; -- a public link never names a member
        end if;

        -- Privileged writers (migrations, maintenance) may work outside any workspace; the history
        -- row must still pass the table's row-level security, so the workspace is set around it.
        if current_workspace is distinct from row_workspace::text then
          perform set_config('app.workspace_id', row_workspace::text, true);
        end if;
        -- Deleting a workspace takes its history with it: what its cascade deletes is not recorded.
        if tg_op <> 'DELETE' or exists (select 1 from public.workspaces w where w.id = row_workspace) then
          insert into public.change_history
                 (workspace_id, entity, entity_id, customer_id, action, member_id, origin, changes)
          values (row_workspace, entity_name, (subject ->> 'id')::uuid, (subject ->> customer_column)::uuid,
                  case tg_op when 'INSERT' then 'CREATE' when 'UPDATE' then 'UPDATE' else 'DELETE' end,
                  acting_member, change_origin, coalesce(field_changes, '[]'));
        end if;
        if current_workspace is distinct from row_workspace::text then
          perform set_config('app.workspace_id', coalesce(current_workspace, ''), true);
        end if;
        return null;
      end
      $fn$;
      revoke all on function record_change() from public;
    `);

    for (const t of TRACKED) {
      const args = [t.workspace, t.entity, t.customer ?? '', ...t.columns].map(literal).join(', ');
      const tuple = (row: string) => `(${t.columns.map((c) => `${row}.${c}`).join(', ')})`;
      // A workspace's deletion takes its history along; only its creation and changes are recorded.
      const writes = t.table === 'workspaces' ? 'insert' : 'insert or delete';
      await q.query(`
        create trigger ${t.table}_history after ${writes} on ${t.table}
          for each row execute function record_change(${args});
        -- Only when a recorded column changed: other updates (the health refresh) never enter the function.
        create trigger ${t.table}_history_update after update on ${t.table}
          for each row when (${tuple('old')} is distinct from ${tuple('new')})
          execute function record_change(${args});
      `);
    }

    // Read only, and only its own workspace's rows: no insert, update, delete or truncate.
    await q.query(`grant select on change_history to ${APP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of TRACKED) {
      await q.query(
        `drop trigger ${t.table}_history_update on ${t.table}; drop trigger ${t.table}_history on ${t.table};`,
      );
    }
    await q.query(`drop function record_change(); drop table change_history;`);
  }
}
