import type { Channel, Direction, InteractionPurpose } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('interactions')
export class InteractionEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'customer_id' })
  customerId!: string;

  @Column('uuid', { name: 'touchpoint_id', nullable: true })
  touchpointId!: string | null;

  @Column('text')
  channel!: Channel;

  /** Who logged it; null once that member is removed. */
  @Column('uuid', { name: 'member_id', nullable: true })
  memberId!: string | null;

  @Column('text')
  direction!: Direction;

  @Column('text')
  purpose!: InteractionPurpose;

  @Column('smallint')
  sentiment!: number;

  @Column('text')
  summary!: string;

  @Column('text', { name: 'friction_note', nullable: true })
  frictionNote!: string | null;

  // The database's default: declared so an insert reads it back (RETURNING) with the row.
  @Column('timestamptz', { name: 'occurred_at', default: () => 'now()' })
  occurredAt!: Date;

  @Column('timestamptz', { name: 'follow_up_at', nullable: true })
  followUpAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;
}
