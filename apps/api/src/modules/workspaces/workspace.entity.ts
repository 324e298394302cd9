import type { FeedbackTrigger } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('workspaces')
export class WorkspaceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('int', { name: 'default_cadence_days' })
  defaultCadenceDays!: number;

  @Column('int', { name: 'feedback_cap_days' })
  feedbackCapDays!: number;

  @Column('uuid', { name: 'auto_feedback_survey_id', nullable: true })
  autoFeedbackSurveyId!: string | null;

  @Column('text', { name: 'auto_feedback_trigger', nullable: true })
  autoFeedbackTrigger!: FeedbackTrigger | null;

  @Column('uuid', { name: 'auto_feedback_touchpoint_id', nullable: true })
  autoFeedbackTouchpointId!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
