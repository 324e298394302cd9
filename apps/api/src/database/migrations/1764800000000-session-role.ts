import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each session carries its member's role, kept exact by a trigger on members (a role change updates
 * it, a removal ends the member's sessions), so resolving a request's session is one statement on one
 * global table instead of a session lookup plus a member lookup under the workspace's row security.
 */
export class SessionRole1764800000000 implements MigrationInterface {
  name = 'SessionRole1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table sessions add column role text;
      -- members is under forced row security: visit each workspace to copy its members' roles.
      do $$ declare ws uuid; begin
        for ws in select id from workspace_directory loop
          perform set_config('app.workspace_id', ws::text, true);
          update sessions s set role = m.role from members m
           where s.workspace_id = ws and m.workspace_id = ws and m.id = s.member_id and m.removed_at is null;
        end loop;
        perform set_config('app.workspace_id', '', true);
      end $$;
      delete from sessions where role is null;
      alter table sessions alter column role set not null;

      create function sync_session_role() returns trigger language plpgsql as $fn$
      begin
        if new.removed_at is not null then
          delete from public.sessions where workspace_id = new.workspace_id and member_id = new.id;
        else
          update public.sessions set role = new.role where workspace_id = new.workspace_id and member_id = new.id;
        end if;
        return null;
      end
      $fn$;
      create trigger members_session_role after update of role, removed_at on members
        for each row when (old.role is distinct from new.role or old.removed_at is distinct from new.removed_at)
        execute function sync_session_role();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger members_session_role on members;
      drop function sync_session_role();
      alter table sessions drop column role;
    `);
  }
}
