import type { CustomerStatus, ProfileFact } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn('uuid', { name: 'workspace_id' })
  workspaceId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  company!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { array: true })
  tags!: string[];

  @Column('text', { nullable: true })
  notes!: string | null;

  @Column('jsonb', { name: 'profile_facts' })
  profileFacts!: ProfileFact[];

  @Column('uuid', { name: 'owner_id', nullable: true })
  ownerId!: string | null;

  /** The customer's own cadence; null falls back to the workspace default. */
  @Column('int', { name: 'cadence_days', nullable: true })
  ownCadenceDays!: number | null;

  @Column('text')
  status!: CustomerStatus;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
