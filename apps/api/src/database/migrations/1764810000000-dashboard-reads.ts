import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

const BAND_COUNTS = `healthy = h.healthy + sign * (s.band = 'HEALTHY')::int,
           watch = h.watch + sign * (s.band = 'WATCH')::int,
           at_risk = h.at_risk + sign * (s.band = 'AT_RISK')::int`;

/**
 * What the owner's dashboard reads, made cheap for workspaces of 100,000 customers:
 * - `health_days`: the health trend's closed days (before today, UTC), summed once from the day's
 *   snapshots of active customers; archiving a customer (or bringing one back) takes its snapshots
 *   out of (or into) those sums, as the trend counts active customers only.
 * - the health summary and band counts read one index (band, score, due date) instead of the rows;
 * - the per-member contact mix reads an index by time instead of a year of interactions.
 */
export class DashboardReads1764810000000 implements MigrationInterface {
  name = 'DashboardReads1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table health_days (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        day date not null,
        customers int not null,
        score_sum bigint not null,
        healthy int not null,
        watch int not null,
        at_risk int not null,
        primary key (workspace_id, day)
      );
      ${tenantPolicy('health_days')}

      create function health_days_follow_status() returns trigger language plpgsql as $fn$
      declare sign int := case when new.status = 'ACTIVE' then 1 else -1 end;
      begin
        update public.health_days h
           set customers = h.customers + sign, score_sum = h.score_sum + sign * s.score,
               ${BAND_COUNTS}
          from public.health_snapshots s
         where s.workspace_id = new.workspace_id and s.customer_id = new.id
           and h.workspace_id = s.workspace_id and h.day = s.day;
        return null;
      end
      $fn$;
      create trigger customers_health_days after update of status on customers
        for each row when ((old.status = 'ACTIVE') <> (new.status = 'ACTIVE'))
        execute function health_days_follow_status();

      drop index customers_by_band;
      create index customers_by_band on customers (workspace_id, status, health_band)
        include (health_score, next_check_in_due_at);
      create index interactions_by_time on interactions (workspace_id, occurred_at) include (member_id, purpose);
    `);
    await q.query(`grant select, insert, update, delete on health_days to ${APP_ROLE};`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index interactions_by_time;
      drop index customers_by_band;
      create index customers_by_band on customers (workspace_id, status, health_band);
      drop trigger customers_health_days on customers;
      drop function health_days_follow_status();
      drop table health_days;
    `);
  }
}
