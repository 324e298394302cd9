import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  frictionFilterSchema,
  frictionSeverityOf,
  missingResolution,
  raiseFrictionPointSchema,
  raisesFriction,
  updateFrictionPointSchema,
} from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { updateVersioned } from '../../database/versioned-update';
import { badUserInput, notFound } from '../../graphql/errors';
import { definedOnly, isUuid, parseInput } from '../../graphql/parse-input';
import { ObservationEntity } from '../audits/observation.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { InteractionEntity } from '../interactions/interaction.entity';
import { isCurrentMember } from '../members/current-member';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { FrictionPointEntity } from './friction-point.entity';

/**
 * The friction register: what makes customers hesitate or leave, who is fixing it. Open friction on a
 * customer costs health points, so every change to such a point recomputes that customer.
 */
@Injectable()
export class FrictionService {
  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
  ) {}

  get(actor: Actor, id: string): Promise<FrictionPointEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => em.findOneBy(FrictionPointEntity, { workspaceId, id }));
  }

  /** Unresolved first, then the most severe, then the newest. */
  list(actor: Actor, args: unknown): Promise<FrictionPointEntity[]> {
    const filter = parseInput(frictionFilterSchema, args);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => {
      const query = em.createQueryBuilder(FrictionPointEntity, 'f').where('f.workspace_id = :workspaceId', {
        workspaceId,
      });
      if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
      if (filter.touchpointId) query.andWhere('f.touchpoint_id = :tp', { tp: filter.touchpointId });
      if (filter.customerId) query.andWhere('f.customer_id = :customer', { customer: filter.customerId });
      return (
        query
          // Unresolved (OPEN and IN_PROGRESS alike) before resolved; severity decides within each.
          .orderBy(`case when f.status = 'RESOLVED' then 1 else 0 end`)
          .addOrderBy('f.severity', 'DESC')
          .addOrderBy('f.created_at', 'DESC')
          .addOrderBy('f.id', 'DESC')
          .getMany()
      );
    });
  }

  /**
   * Raises a point from anywhere. From an interaction's friction note it takes the interaction's
   * customer and touchpoint unless others are named. The owner defaults to the customer's owner.
   */
  async raise(actor: Actor, args: unknown): Promise<FrictionPointEntity> {
    const input = parseInput(raiseFrictionPointSchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'raiseFrictionPoint', key: input.idempotencyKey, args };
    return this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, FrictionPointEntity, async (id) => {
        const interaction = input.interactionId
          ? await em.findOneBy(InteractionEntity, { workspaceId, id: input.interactionId })
          : null;
        if (input.interactionId && !interaction) throw notFound('No such interaction');
        const customerId = input.customerId ?? interaction?.customerId ?? null;
        const touchpointId = input.touchpointId ?? interaction?.touchpointId ?? null;
        const customer = customerId
          ? await em.findOneBy(CustomerEntity, { workspaceId, id: customerId })
          : null;
        if (customerId && !customer) throw notFound('No such customer');
        if (touchpointId && !(await em.existsBy(TouchpointEntity, { workspaceId, id: touchpointId }))) {
          throw notFound('No such touchpoint');
        }
        await this.checkOwner(em, workspaceId, input.ownerId);
        const point = em.create(FrictionPointEntity, {
          workspaceId,
          id,
          touchpointId,
          customerId,
          description: input.description,
          severity: input.severity,
          status: 'OPEN',
          ownerId: input.ownerId ?? customer?.ownerId ?? null,
          source: interaction ? 'INTERACTION' : 'MANUAL',
          interactionId: interaction?.id ?? null,
          createdBy: actor.memberId,
        });
        await em.insert(FrictionPointEntity, point);
        if (customerId) await this.customerState.refresh(em, workspaceId, [customerId]);
        return point;
      }),
    );
  }

  /** Assigns and moves a point along OPEN → IN_PROGRESS → RESOLVED (with a resolution), or re-opens it. */
  async update(actor: Actor, id: string, args: unknown): Promise<FrictionPointEntity> {
    const { version, ...changes } = parseInput(updateFrictionPointSchema, definedOnly(args as object));
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      // Before locking the point: a removal locks the member, then unassigns points; the other order deadlocks.
      if (changes.ownerId) await this.checkOwner(em, workspaceId, changes.ownerId);
      const point = isUuid(id)
        ? await em.findOne(FrictionPointEntity, {
            where: { workspaceId, id },
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!point) throw notFound('No such friction point');
      const status = changes.status ?? point.status;
      if (missingResolution(status, changes.resolution, point.resolution)) {
        throw badUserInput({ resolution: 'Say how it was resolved' });
      }
      const resolvedAt =
        status !== 'RESOLVED' ? null : point.status === 'RESOLVED' ? point.resolvedAt : new Date();
      const update = { ...changes, status, resolvedAt };
      await updateVersioned(em, FrictionPointEntity, { workspaceId, id }, version, update, 'friction point');
      if (point.customerId) await this.customerState.refresh(em, workspaceId, [point.customerId]);
      return em.findOneByOrFail(FrictionPointEntity, { workspaceId, id });
    });
  }

  /**
   * On an audit's submission: a point for every observation that raises friction (the domain's rule),
   * on its touchpoint, with the domain's severity, linked to the observation. The partial unique index
   * on observation_id makes it happen once per observation.
   */
  async raiseForSubmittedAudit(em: EntityManager, audit: { workspaceId: string; id: string; title: string }) {
    const { workspaceId } = audit;
    const observations = await em.findBy(ObservationEntity, { workspaceId, auditId: audit.id });
    const points = observations.filter(raisesFriction).map((o) => ({
      id: randomUUID(),
      touchpointId: o.touchpointId,
      description: `Audit "${audit.title}": ${o.experienced}`,
      severity: frictionSeverityOf(o),
      observationId: o.id,
    }));
    if (points.length === 0) return;
    await em.query(
      `insert into friction_points (workspace_id, id, touchpoint_id, description, severity, status, source, observation_id)
       select $1, p.id, p."touchpointId", p.description, p.severity, 'OPEN', 'AUDIT', p."observationId"
         from jsonb_to_recordset($2::jsonb) as p(id uuid, "touchpointId" uuid, description text, severity int, "observationId" uuid)
       on conflict (workspace_id, observation_id) where observation_id is not null do nothing`,
      [workspaceId, JSON.stringify(points)],
    );
  }

  private async checkOwner(em: EntityManager, workspaceId: string, ownerId: string | null) {
    if (ownerId && !(await isCurrentMember(em, workspaceId, ownerId))) {
      throw badUserInput({ ownerId: 'No such member' });
    }
  }
}
