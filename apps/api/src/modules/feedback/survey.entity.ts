import type { SurveyType } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('surveys')
export class SurveyEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  type!: SurveyType;

  @Column('text')
  question!: string;

  @Column('uuid', { name: 'touchpoint_id', nullable: true })
  touchpointId!: string | null;

  /** Answered through one shared link, never linked to a customer. */
  @Column('boolean')
  anonymous!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
