import type { CustomerStatus, HealthBand, ProfileFact, RelationshipHealth } from '@rapport/domain';
import { isCheckInOverdue } from '@rapport/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VirtualColumn } from 'typeorm';
import type { MemberEntity } from '../members/member.entity';
import type { StoredHealth } from '../relationship-health/stored-health';

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

  /** The effective cadence (the domain's effectiveCadenceDays), read with every customer. */
  @VirtualColumn('int', {
    query: (c) =>
      `select coalesce(${c}.cadence_days, w.default_cadence_days) from workspaces w where w.id = ${c}.workspace_id`,
  })
  cadenceDays!: number;

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
   * (`addSelect('c.healthDocument')`, or the customerHealth loader), since a page of 50 needs only the
   * score.
   */
  @Column('jsonb', { name: 'health', nullable: true, select: false })
  healthDocument?: RelationshipHealth | null;

  @Column('timestamptz', { name: 'health_as_of', nullable: true })
  healthAsOf!: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;

  /** 1 when inserted (the column's default), raised by each edit. */
  @Column('int', { default: 1 })
  version!: number;

  /*
   * The fields below are plain properties for GraphQL: a list resolves them for every row, and a
   * framework-wrapped resolver per row and field cost as much as the rest of the request.
   */

  /** Now is past the due date (the domain's rule). */
  get checkInOverdue(): boolean {
    return isCheckInOverdue(this.nextCheckInDueAt, new Date());
  }

  /** Joined in by `customerQuery`, the one way customers are read for display. */
  ownerMember?: MemberEntity | null;

  get owner(): MemberEntity | null {
    if (!this.ownerId) return null;
    if (!this.ownerMember)
      throw new Error(`Customer ${this.id} was read without its owner (use customerQuery)`);
    return this.ownerMember;
  }

  /** The document's next best action, when a list read it with the page (see CustomersService.list). */
  nextBestAction?: string;

  /** Score and band from their columns; the rest of the document is read only when asked for. */
  get health(): StoredHealth {
    const { workspaceId, id, healthScore: score, healthBand: band, nextBestAction } = this;
    if (score === null || band === null) throw new Error(`Health of customer ${id} was never computed`);
    return {
      score,
      band,
      customer: { workspaceId, id },
      document: this.healthDocument ?? undefined,
      nextBestAction,
    };
  }
}
