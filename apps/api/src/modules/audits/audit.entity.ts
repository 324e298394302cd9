import type { AuditStatus } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('audits')
export class AuditEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  scenario!: string;

  @Column('text', { name: 'auditor_name' })
  auditorName!: string;

  /** An outsider runs it through a link, without an account. */
  @Column('boolean')
  external!: boolean;

  @Column('text')
  status!: AuditStatus;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  /** Only in the answer to the request that issued the link: the token itself is never stored. */
  inviteUrl?: string | null;
}
