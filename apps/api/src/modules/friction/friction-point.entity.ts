import type { FrictionSource, FrictionStatus } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('friction_points')
export class FrictionPointEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'touchpoint_id', nullable: true })
  touchpointId!: string | null;

  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId!: string | null;

  @Column('text')
  description!: string;

  @Column('smallint')
  severity!: number;

  @Column('text')
  status!: FrictionStatus;

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  @Column('text', { nullable: true })
  resolution!: string | null;

  @Column('text')
  source!: FrictionSource;

  @Column('uuid', { name: 'observation_id', nullable: true })
  observationId!: string | null;

  @Column('uuid', { name: 'interaction_id', nullable: true })
  interactionId!: string | null;

  @Column('uuid', { name: 'feedback_response_id', nullable: true })
  feedbackResponseId!: string | null;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  /** 1 when inserted (the column's default), raised by each edit. */
  @Column('int', { default: 1 })
  version!: number;
}
