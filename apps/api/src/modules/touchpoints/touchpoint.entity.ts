import type { Channel, JourneyStage } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('touchpoints')
export class TouchpointEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  channel!: Channel;

  @Column('text')
  stage!: JourneyStage;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('boolean', { name: 'moment_of_truth' })
  momentOfTruth!: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
