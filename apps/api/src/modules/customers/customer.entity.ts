import type { CustomerStatus, HealthBand, ProfileFact, RelationshipHealth } from '@rapport/domain';
import { isCheckInOverdue } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MemberEntity } from '../members/member.entity';
import type { WorkspaceEntity } from '../workspaces/workspace.entity';

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

  /** The newest RELATIONSHIP interaction: kept current by CustomerStateService. */
  @Column('timestamptz', { name: 'last_relationship_contact_at', nullable: true })
  lastRelationshipContactAt!: Date | null;

  /** One effective cadence after the last relationship contact (or creation): kept current by CustomerStateService. */
  @Column('timestamptz', { name: 'next_check_in_due_at' })
  nextCheckInDueAt!: Date;

  /** Stored health (see docs/architecture.md, "Relationship health"): null only until first computed. */
  @Column('int', { name: 'health_score', nullable: true })
  healthScore!: number | null;

  @Column('text', { name: 'health_band', nullable: true })
  healthBand!: HealthBand | null;

  /**
   * The whole result (factors, sentences, next best action), about 1.5 KB: not read unless asked for
   * (`addSelect('c.health')`, or the customerHealth loader), since a page of 50 needs only the score.
   */
  @Column('jsonb', { nullable: true, select: false })
  health?: RelationshipHealth | null;

  @Column('timestamptz', { name: 'health_as_of', nullable: true })
  healthAsOf!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  @Column('int')
  version!: number;

  /** Now is past the due date (the domain's rule); a plain property for GraphQL, read per row of a list. */
  get checkInOverdue(): boolean {
    return isCheckInOverdue(this.nextCheckInDueAt, new Date());
  }

  /** Joined in by the reads that show it (customersService.get and list), sparing a lookup per request. */
  owner?: MemberEntity | null;

  /** Joined in with the owner: the workspace's default cadence, for `cadenceDays`. */
  workspace?: WorkspaceEntity;
}
