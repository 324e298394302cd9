import type { Surprise } from '@rapport/domain';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('observations')
export class ObservationEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'audit_id' })
  auditId!: string;

  @Column('uuid', { name: 'touchpoint_id' })
  touchpointId!: string;

  @Column('text', { nullable: true })
  expected!: string | null;

  @Column('text')
  experienced!: string;

  @Column('text')
  surprise!: Surprise;

  @Column('smallint')
  friction!: number;

  @Column('smallint')
  accuracy!: number;

  @Column('smallint')
  availability!: number;

  @Column('smallint')
  partnership!: number;

  @Column('smallint')
  advice!: number;

  @Column('boolean', { name: 'would_return' })
  wouldReturn!: boolean;

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;
}
