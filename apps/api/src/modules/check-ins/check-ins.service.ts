import { Injectable } from '@nestjs/common';
import {
  checkInListSchema,
  completeCheckInSchema,
  scheduleCheckInSchema,
  skipCheckInSchema,
} from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { type Connection, decodeTimeCursor, toConnection } from '../../graphql/connection';
import { badUserInput, conflict, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import { CustomerEntity } from '../customers/customer.entity';
import { InteractionsService } from '../interactions/interactions.service';
import { isCurrentMember } from '../members/current-member';
import { CheckInEntity } from './check-in.entity';

/** Built once: the schemas read the clock when they parse. */
const SCHEDULE_CHECK_IN = scheduleCheckInSchema();
const COMPLETE_CHECK_IN = completeCheckInSchema();

@Injectable()
export class CheckInsService {
  constructor(
    private readonly db: Db,
    private readonly interactions: InteractionsService,
  ) {}

  get(actor: Actor, id: string): Promise<CheckInEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => em.findOneBy(CheckInEntity, { workspaceId, id }));
  }

  /** Check-ins by due date (soonest first), e.g. "mine, still planned, due before the end of this week". */
  async list(actor: Actor, args: unknown): Promise<Connection<CheckInEntity>> {
    const { assigneeId, customerId, status, dueBefore, first, after } = parseInput(checkInListSchema, args);
    const anchor = after ? decodeTimeCursor(after) : null;
    // The id is checked too: a forged cursor must not reach the uuid comparison (a database error).
    if (after && !anchor) throw badUserInput({ after: 'Not a valid cursor' });
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const query = em
        .createQueryBuilder(CheckInEntity, 'k')
        .where('k.workspace_id = :workspaceId and k.status = :status', { workspaceId, status });
      if (assigneeId) query.andWhere('k.assignee_id = :assigneeId', { assigneeId });
      if (customerId) query.andWhere('k.customer_id = :customerId', { customerId });
      if (dueBefore) query.andWhere('k.due_at < :dueBefore', { dueBefore });
      const totalCount = await query.getCount();
      // The anchor row's own due time, to the microsecond (see InteractionsService.listForCustomer).
      if (anchor) {
        query.andWhere(
          `(k.due_at, k.id) > (coalesce((select a.due_at from check_ins a
             where a.workspace_id = :workspaceId and a.id = :id), :at), :id)`,
          anchor,
        );
      }
      const rows = await query
        .orderBy('k.due_at', 'ASC')
        .addOrderBy('k.id', 'ASC')
        .limit(first + 1)
        .getMany();
      return toConnection(rows, first, totalCount, (k) => [k.dueAt.toISOString(), k.id]);
    });
  }

  async schedule(actor: Actor, args: unknown): Promise<CheckInEntity> {
    const input = parseInput(SCHEDULE_CHECK_IN, args);
    const { workspaceId } = actor;
    const request = { operation: 'scheduleCheckIn', key: input.idempotencyKey, args };
    return this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, CheckInEntity, async (id) => {
        const customer = await em.findOneBy(CustomerEntity, { workspaceId, id: input.customerId });
        if (!customer) throw notFound('No such customer');
        if (input.assigneeId && !(await isCurrentMember(em, workspaceId, input.assigneeId))) {
          throw badUserInput({ assigneeId: 'No such member' });
        }
        const checkIn = em.create(CheckInEntity, {
          workspaceId,
          id,
          customerId: customer.id,
          assigneeId: input.assigneeId ?? customer.ownerId ?? actor.memberId,
          dueAt: input.dueAt,
          note: input.note,
          status: 'PLANNED',
          createdBy: actor.memberId,
        });
        await em.insert(CheckInEntity, checkIn);
        return checkIn;
      }),
    );
  }

  /** Logs the relationship contact (as the caller) and closes the check-in as DONE. */
  async complete(actor: Actor, id: string, args: unknown): Promise<CheckInEntity> {
    const input = parseInput(COMPLETE_CHECK_IN, args);
    return this.close(actor, id, async (em, checkIn) => {
      const channel =
        input.channel ??
        (input.touchpointId
          ? null
          : ((await this.interactions.lastChannel(em, actor.workspaceId, checkIn.customerId)) ?? 'OTHER'));
      const interaction = await this.interactions.record(em, actor, {
        ...input,
        channel,
        customerId: checkIn.customerId,
        purpose: 'RELATIONSHIP',
      });
      return { status: 'DONE', interactionId: interaction.id };
    });
  }

  skip(actor: Actor, id: string, args: unknown): Promise<CheckInEntity> {
    const { reason } = parseInput(skipCheckInSchema, args);
    return this.close(actor, id, async () => ({ status: 'SKIPPED', skipReason: reason }));
  }

  /** Closes a PLANNED check-in (locked against a concurrent close); CONFLICT when already closed. */
  private close(
    actor: Actor,
    id: string,
    closing: (em: EntityManager, checkIn: CheckInEntity) => Promise<Partial<CheckInEntity>>,
  ): Promise<CheckInEntity> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const checkIn = isUuid(id)
        ? await em.findOne(CheckInEntity, { where: { workspaceId, id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!checkIn) throw notFound('No such check-in');
      if (checkIn.status !== 'PLANNED')
        throw conflict(`This check-in is already ${checkIn.status.toLowerCase()}`);
      const changes = await closing(em, checkIn);
      await em.update(CheckInEntity, { workspaceId, id }, { ...changes, closedAt: new Date() });
      return em.findOneByOrFail(CheckInEntity, { workspaceId, id });
    });
  }
}
