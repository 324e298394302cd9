import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An answer. Anonymous ones have no request, no customer and only the day they were given. */
@Entity('feedback_responses')
export class FeedbackResponseEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId!: string;

  @Column('uuid', { name: 'request_id', nullable: true })
  requestId!: string | null;

  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId!: string | null;

  @Column('smallint')
  score!: number;

  @Column('text', { nullable: true })
  comment!: string | null;

  @Column('timestamptz', { name: 'responded_at' })
  respondedAt!: Date;
}
