import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trigger function adding a contact to its member's day in `contact_days`, unless `skip` (SQL over
 * `new` and `contact_day`) holds.
 */
const countFunction = (name: string, skip: string) => `
  create function ${name}() returns trigger language plpgsql as $fn$
  declare contact_day date := (new.occurred_at at time zone 'UTC')::date;
  begin
    if new.member_id is null or ${skip} then
      return null;
    end if;
    insert into public.contact_days as d (workspace_id, day, member_id, relationship, total)
    values (new.workspace_id, contact_day, new.member_id, (new.purpose = 'RELATIONSHIP')::int, 1)
    on conflict (workspace_id, day, member_id) do update
      set relationship = d.relationship + excluded.relationship, total = d.total + 1;
    return null;
  end
  $fn$;`;

const dayCounted = `exists (select 1 from public.contact_days d where d.workspace_id = new.workspace_id and d.day = contact_day)`;
const TODAY = `(now() at time zone 'UTC')::date`;

/**
 * `contact_days` counts today too, as contacts are logged, so the contact mix reads no interaction at
 * all. Counting today live read each of the day's interactions on every dashboard view: 8 of the
 * view's 10 ms of PostgreSQL for a chain logging 16,000 contacts a day.
 *
 * A day whose contacts were logged while it was today is complete when it closes; a closed day with
 * no row (before this migration, or without a contact until it closed) is still counted whole when the
 * contact mix first asks for it, and a contact logged later for a day with rows is added to them.
 *
 * The trigger is deferred to commit: every contact a member logs today adds to one row, which stays
 * locked from the trigger to the end of the transaction; at commit, that is microseconds instead of
 * the rest of the write (health, counts), so a member's concurrent writes do not queue on it.
 * `recount_contact_days_today()` counts today from the interactions (for loads that bypass triggers).
 */
export class ContactDaysToday1764860000000 implements MigrationInterface {
  name = 'ContactDaysToday1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      drop trigger interactions_contact_days on interactions;
      drop function contact_days_count_late();

      -- A closed day without a row is counted whole when first asked for.
      ${countFunction('contact_days_count', `(contact_day < ${TODAY} and not ${dayCounted})`)}
      create constraint trigger interactions_contact_days after insert on interactions
        deferrable initially deferred for each row execute function contact_days_count();

      create function recount_contact_days_today() returns void language sql as $fn$
        delete from public.contact_days where day >= ${TODAY};
        insert into public.contact_days (workspace_id, day, member_id, relationship, total)
        select workspace_id, (occurred_at at time zone 'UTC')::date, member_id,
               count(*) filter (where purpose = 'RELATIONSHIP'), count(*)
          from public.interactions
         where member_id is not null and occurred_at >= ${TODAY}::timestamp at time zone 'UTC'
         group by 1, 2, 3;
      $fn$;
      select recount_contact_days_today();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop function recount_contact_days_today();
      drop trigger interactions_contact_days on interactions;
      drop function contact_days_count();
      delete from contact_days where day >= ${TODAY};
      ${countFunction('contact_days_count_late', `(contact_day >= ${TODAY} or not ${dayCounted})`)}
      create trigger interactions_contact_days after insert on interactions
        for each row execute function contact_days_count_late();
    `);
  }
}
