import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantPolicy } from './1764000000000-foundation';

/**
 * Surveys, one-time feedback requests and the answers, attributed or anonymous. Anonymous answers
 * hold no customer, no request, no address and only the day they were given.
 */
export class Feedback1764400000000 implements MigrationInterface {
  name = 'Feedback1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table surveys (
        workspace_id uuid not null references workspaces(id) on delete cascade,
        id uuid not null,
        name text not null,
        type text not null check (type in ('NPS', 'CSAT', 'CES')),
        question text not null,
        touchpoint_id uuid,
        anonymous boolean not null default false,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        foreign key (workspace_id, touchpoint_id) references touchpoints(workspace_id, id)
      );
      ${tenantPolicy('surveys')}

      create table feedback_requests (
        workspace_id uuid not null,
        id uuid not null,
        survey_id uuid not null,
        customer_id uuid not null,
        interaction_id uuid,
        expires_at timestamptz not null,
        answered_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (workspace_id, id),
        foreign key (workspace_id, survey_id) references surveys(workspace_id, id) on delete cascade,
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade,
        foreign key (workspace_id, interaction_id) references interactions(workspace_id, id) on delete set null (interaction_id),
        foreign key (workspace_id, created_by) references members(workspace_id, id) on delete set null (created_by)
      );
      create index feedback_requests_by_customer on feedback_requests (workspace_id, customer_id, created_at desc);
      ${tenantPolicy('feedback_requests')}

      create table feedback_responses (
        workspace_id uuid not null,
        id uuid not null,
        survey_id uuid not null,
        request_id uuid,
        customer_id uuid,
        score smallint not null check (score between 0 and 10),
        comment text,
        responded_at timestamptz not null,
        primary key (workspace_id, id),
        -- One answer per request: a second (even racing) cannot be stored.
        unique (workspace_id, request_id),
        foreign key (workspace_id, survey_id) references surveys(workspace_id, id) on delete cascade,
        foreign key (workspace_id, request_id) references feedback_requests(workspace_id, id) on delete cascade,
        foreign key (workspace_id, customer_id) references customers(workspace_id, id) on delete cascade,
        check ((request_id is null) = (customer_id is null))
      );
      create index feedback_responses_by_survey on feedback_responses (workspace_id, survey_id, responded_at);
      create index feedback_responses_by_customer on feedback_responses (workspace_id, customer_id, responded_at desc);
      ${tenantPolicy('feedback_responses')}

      alter table friction_points add column feedback_response_id uuid,
        add foreign key (workspace_id, feedback_response_id)
          references feedback_responses(workspace_id, id) on delete set null (feedback_response_id);

      alter table workspaces
        add column feedback_cap_days int not null default 30 check (feedback_cap_days between 0 and 365),
        add column auto_feedback_survey_id uuid,
        add column auto_feedback_trigger text check (auto_feedback_trigger in ('FIRST_INTERACTION', 'TOUCHPOINT')),
        add column auto_feedback_touchpoint_id uuid,
        add foreign key (id, auto_feedback_survey_id) references surveys(workspace_id, id) on delete set null (auto_feedback_survey_id),
        add foreign key (id, auto_feedback_touchpoint_id) references touchpoints(workspace_id, id),
        add check ((auto_feedback_trigger = 'TOUCHPOINT') = (auto_feedback_touchpoint_id is not null));
    `);
    await q.query(
      `grant select, insert, update, delete on surveys, feedback_requests, feedback_responses to ${APP_ROLE};`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table workspaces drop column auto_feedback_touchpoint_id, drop column auto_feedback_trigger,
        drop column auto_feedback_survey_id, drop column feedback_cap_days;
      alter table friction_points drop column feedback_response_id;
      drop table feedback_responses, feedback_requests, surveys;
    `);
  }
}
