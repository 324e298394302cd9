import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/**
 * `contact_days`: each member's contacts (and relationship contacts) per closed day (before today,
 * UTC), counted once from the interactions when the contact mix first asks for the day, so the
 * dashboard reads at most a few thousand rows instead of every interaction of the period (230,000 in
 * 90 days for a chain). A contact logged later for a day already counted (`occurredAt` in the past)
 * is added to it by a trigger; interactions are never edited or deleted by the app.
 */
export class ContactDays1764840000000 implements MigrationInterface {
  name = 'ContactDays1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table contact_days (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        day date not null,
        member_id uuid not null,
        relationship int not null,
        total int not null,
        primary key (workspace_id, day, member_id),
        foreign key (workspace_id, member_id) references members(workspace_id, id) on delete cascade
      );
      ${tenantPolicy('contact_days')}

      create function contact_days_count_late() returns trigger language plpgsql as $fn$
      declare contact_day date := (new.occurred_at at time zone 'UTC')::date;
      begin
        if new.member_id is null or contact_day >= (now() at time zone 'UTC')::date
           or not exists (select 1 from public.contact_days d where d.workspace_id = new.workspace_id and d.day = contact_day) then
          return null; -- today is counted live, and an uncounted day is counted whole when first asked for
        end if;
        insert into public.contact_days as d (workspace_id, day, member_id, relationship, total)
        values (new.workspace_id, contact_day, new.member_id, (new.purpose = 'RELATIONSHIP')::int, 1)
        on conflict (workspace_id, day, member_id) do update
          set relationship = d.relationship + excluded.relationship, total = d.total + 1;
        return null;
      end
      $fn$;
      create trigger interactions_contact_days after insert on interactions
        for each row execute function contact_days_count_late();
    `);
    await q.query(`grant select, insert, update, delete on contact_days to ${APP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger interactions_contact_days on interactions;
      drop function contact_days_count_late();
      drop table contact_days;
    `);
  }
}
