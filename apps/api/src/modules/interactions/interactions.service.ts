import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type Channel,
  interactionPageSchema,
  type LogInteractionInput,
  logInteractionSchema,
} from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { isForeignKeyViolation } from '../../database/pg-errors';
import { ahead, type Sender, send } from '../../database/send';
import { type Connection, decodeTimeCursor, toConnection } from '../../graphql/connection';
import { badUserInput, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import type { CustomerEntity } from '../customers/customer.entity';
import { findCustomer } from '../customers/customer-query';
import { FeedbackRequestsService } from '../feedback/feedback-requests.service';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { InteractionEntity } from './interaction.entity';

/**
 * Inserts the interaction, sent now (see `send`), and completes it with what the database fills in.
 * The occurrence time defaults to the database's clock, as the entity declares.
 */
export async function insertInteraction(on: Sender, interaction: InteractionEntity): Promise<void> {
  const [stored] = (await send<{ occurred_at: Date; created_at: Date }>(
    on,
    `insert into interactions (workspace_id, id, customer_id, touchpoint_id, channel, member_id, direction,
                               purpose, sentiment, summary, friction_note, occurred_at, follow_up_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, coalesce($12, now()), $13)
     returning occurred_at, created_at`,
    [
      interaction.workspaceId,
      interaction.id,
      interaction.customerId,
      interaction.touchpointId ?? null,
      interaction.channel,
      interaction.memberId ?? null,
      interaction.direction,
      interaction.purpose,
      interaction.sentiment,
      interaction.summary,
      interaction.frictionNote ?? null,
      interaction.occurredAt ?? null,
      interaction.followUpAt ?? null,
    ],
  )) as [{ occurred_at: Date; created_at: Date }];
  interaction.occurredAt = stored.occurred_at;
  interaction.createdAt = stored.created_at;
}

/** Built once: the schema reads the clock when it parses. */
const LOG_INTERACTION = logInteractionSchema();

/** A contact as `record` stores it: logged, or completing a planned check-in. */
type ContactToRecord = Omit<LogInteractionInput, 'idempotencyKey'>;

@Injectable()
export class InteractionsService {
  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
    private readonly feedbackRequests: FeedbackRequestsService,
  ) {}

  get(actor: Actor, id: string): Promise<InteractionEntity | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) => em.findOneBy(InteractionEntity, { workspaceId, id }));
  }

  /** A customer's interactions, newest first. */
  async listForCustomer(
    actor: Actor,
    customer: CustomerEntity,
    args: unknown,
  ): Promise<Connection<InteractionEntity>> {
    const { first, after } = parseInput(interactionPageSchema, args);
    const anchor = after ? decodeTimeCursor(after) : null;
    // The id is checked too: a forged cursor must not reach the uuid comparison (a database error).
    if (after && !anchor) throw badUserInput({ after: 'Not a valid cursor' });
    const { workspaceId, id: customerId } = customer;
    return this.db.asMember(actor, async (em) => {
      const query = em
        .createQueryBuilder(InteractionEntity, 'i')
        .where('i.workspace_id = :workspaceId and i.customer_id = :customerId', { workspaceId, customerId });
      const totalCount = await query.getCount();
      // The anchor row's own time, to the microsecond (the cursor's is cut to milliseconds and would
      // skip rows sharing its instant); the cursor's time only if that row has gone.
      if (anchor) {
        query.andWhere(
          `(i.occurred_at, i.id) < (coalesce((select a.occurred_at from interactions a
             where a.workspace_id = :workspaceId and a.id = :id), :at), :id)`,
          anchor,
        );
      }
      const rows = await query
        .orderBy('i.occurred_at', 'DESC')
        .addOrderBy('i.id', 'DESC')
        .limit(first + 1)
        .getMany();
      return toConnection(rows, first, totalCount, (i) => [i.occurredAt.toISOString(), i.id]);
    });
  }

  /** Logs a contact; `withCustomer` also answers the customer as the same transaction left it. */
  async log(
    actor: Actor,
    args: unknown,
    { withCustomer = false } = {},
  ): Promise<{ interaction: InteractionEntity; customer: CustomerEntity | null }> {
    const input = parseInput(LOG_INTERACTION, args);
    const { workspaceId } = actor;
    const request = { operation: 'logInteraction', key: input.idempotencyKey, args };
    return this.db.asMember(actor, async (em) => {
      const interaction = await insertOnce(em, workspaceId, request, InteractionEntity, (id) =>
        this.record(em, actor, input, id),
      );
      const customer = withCustomer ? await findCustomer(em, workspaceId, interaction.customerId) : null;
      return { interaction, customer };
    });
  }

  /**
   * Records a contact in the caller's transaction and brings the customer's check-in clock and health
   * up to date.
   */
  async record(
    em: EntityManager,
    actor: Actor,
    input: ContactToRecord,
    id: string = randomUUID(),
  ): Promise<InteractionEntity> {
    const { workspaceId } = actor;
    const channel = await this.channelOf(em, workspaceId, input);
    const interaction = em.create(InteractionEntity, {
      workspaceId,
      id,
      customerId: input.customerId,
      touchpointId: input.touchpointId,
      channel,
      memberId: actor.memberId,
      direction: input.direction,
      purpose: input.purpose,
      sentiment: input.sentiment,
      summary: input.summary,
      frictionNote: input.frictionNote,
      occurredAt: input.occurredAt,
      followUpAt: input.followUpAt,
    });
    // Sent together and run in this order (see `send`): the workspace's feedback rule, the contact,
    // and the customer's refresh, which so counts the contact. One round trip instead of four.
    const rule = this.feedbackRequests.autoFeedbackRule(em, workspaceId);
    const inserted = insertInteraction(em, interaction);
    const refreshed = ahead(this.customerState.refresh(em, workspaceId, [input.customerId]));
    await inserted.catch((error: unknown) => {
      // The customer is checked by its foreign key (of this workspace only: the key includes it).
      throw isForeignKeyViolation(error, 'interactions_workspace_id_customer_id_fkey')
        ? notFound('No such customer')
        : error;
    });
    await refreshed;
    await this.feedbackRequests.afterInteraction(em, interaction, await rule);
    return interaction;
  }

  /** The touchpoint's channel when a touchpoint is named (NOT_FOUND when it is not in the workspace). */
  private async channelOf(
    em: EntityManager,
    workspaceId: string,
    input: Pick<LogInteractionInput, 'touchpointId' | 'channel'>,
  ): Promise<Channel> {
    if (!input.touchpointId) {
      if (!input.channel) throw badUserInput({ channel: 'Choose a channel or a touchpoint' });
      return input.channel;
    }
    const touchpoint = await em.findOneBy(TouchpointEntity, { workspaceId, id: input.touchpointId });
    if (!touchpoint) throw notFound('No such touchpoint');
    if (input.channel && input.channel !== touchpoint.channel) {
      throw badUserInput({ channel: `The touchpoint "${touchpoint.name}" is on ${touchpoint.channel}` });
    }
    return touchpoint.channel;
  }

  /** The channel of the customer's latest contact: the likely one for the next. */
  async lastChannel(em: EntityManager, workspaceId: string, customerId: string): Promise<Channel | null> {
    const last = await em.findOne(InteractionEntity, {
      where: { workspaceId, customerId },
      order: { occurredAt: 'DESC', id: 'DESC' },
    });
    return last?.channel ?? null;
  }
}
