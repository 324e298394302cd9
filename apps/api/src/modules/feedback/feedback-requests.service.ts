import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type FeedbackRequestStatus, type FeedbackTrigger, requestFeedbackSchema } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { AccessTokensService } from '../../auth/access-tokens.service';
import type { Actor } from '../../auth/actor';
import { LinkTokens } from '../../auth/link-tokens';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { ahead, send } from '../../database/send';
import { badUserInput, conflict, notFound } from '../../graphql/errors';
import { isUuid, parseInput } from '../../graphql/parse-input';
import { CustomerEntity } from '../customers/customer.entity';
import { InteractionEntity } from '../interactions/interaction.entity';
import { FeedbackRequestEntity } from './feedback-request.entity';
import { SurveyEntity } from './survey.entity';

interface NewRequest {
  surveyId: string;
  customerId: string;
  interactionId: string | null;
  expiresInDays: number;
}

/** A workspace's rule for asking for feedback after an interaction (see Workspace.autoFeedback). */
export interface AutoFeedbackRule {
  survey_id: string;
  trigger: FeedbackTrigger;
  touchpoint_id: string | null;
}

@Injectable()
export class FeedbackRequestsService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    private readonly links: LinkTokens,
  ) {}

  list(actor: Actor, filter: { surveyId?: string | null; customerId?: string | null }) {
    const { workspaceId } = actor;
    if ([filter.surveyId, filter.customerId].some((id) => id && !isUuid(id))) return Promise.resolve([]);
    return this.db.asMember(actor, (em) =>
      em.find(FeedbackRequestEntity, {
        where: {
          workspaceId,
          ...(filter.surveyId ? { surveyId: filter.surveyId } : {}),
          ...(filter.customerId ? { customerId: filter.customerId } : {}),
        },
        order: { createdAt: 'DESC', id: 'DESC' },
      }),
    );
  }

  status(request: FeedbackRequestEntity, now = new Date()): FeedbackRequestStatus {
    if (request.answeredAt) return 'ANSWERED';
    return request.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'PENDING';
  }

  url(request: FeedbackRequestEntity): string {
    return this.links.url('feedback', request.id);
  }

  async request(actor: Actor, args: unknown): Promise<FeedbackRequestEntity> {
    const input = parseInput(requestFeedbackSchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'requestFeedback', key: input.idempotencyKey, args };
    return this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, FeedbackRequestEntity, async (id) => {
        const survey = await em.findOneBy(SurveyEntity, { workspaceId, id: input.surveyId });
        if (!survey) throw notFound('No such survey');
        if (survey.anonymous) {
          throw badUserInput({ surveyId: 'An anonymous survey is answered through its shared link' });
        }
        if (!(await em.existsBy(CustomerEntity, { workspaceId, id: input.customerId }))) {
          throw notFound('No such customer');
        }
        if (
          input.interactionId &&
          !(await em.existsBy(InteractionEntity, {
            workspaceId,
            id: input.interactionId,
            customerId: input.customerId,
          }))
        ) {
          throw notFound('No such interaction of this customer');
        }
        const asked = await this.askedWithinCap(em, workspaceId, input.customerId);
        if (asked) {
          throw conflict(
            `This customer was asked for feedback on ${asked.toISOString().slice(0, 10)}; ask again once the workspace's waiting period has passed`,
          );
        }
        return this.create(em, workspaceId, input, actor.memberId, id);
      }),
    );
  }

  /**
   * The workspace's automatic feedback rule, if it has one, sent now (see `send`): read it before
   * the interaction it is for, with the interaction's own statements.
   */
  autoFeedbackRule(em: EntityManager, workspaceId: string): Promise<AutoFeedbackRule | undefined> {
    return ahead(
      send<AutoFeedbackRule>(
        em,
        `select auto_feedback_survey_id as survey_id, auto_feedback_trigger as trigger,
              auto_feedback_touchpoint_id as touchpoint_id
         from workspaces where id = $1 and auto_feedback_survey_id is not null`,
        [workspaceId],
      ).then(([first]) => first),
    );
  }

  /**
   * The workspace's rule (`autoFeedbackRule`), after an interaction: a request for the customer's
   * first interaction, or for one at the chosen touchpoint, unless the customer was asked within the
   * cap. Runs in the interaction's transaction.
   */
  async afterInteraction(
    em: EntityManager,
    interaction: InteractionEntity,
    rule: AutoFeedbackRule | undefined,
  ): Promise<void> {
    if (!rule) return;
    const { workspaceId, customerId } = interaction;
    const applies =
      rule.trigger === 'TOUCHPOINT'
        ? interaction.touchpointId === rule.touchpoint_id
        : (await em.countBy(InteractionEntity, { workspaceId, customerId })) === 1;
    if (!applies || (await this.askedWithinCap(em, workspaceId, customerId))) return;
    await this.create(
      em,
      workspaceId,
      { surveyId: rule.survey_id, customerId, interactionId: interaction.id, expiresInDays: 14 },
      interaction.memberId,
    );
  }

  /** When the customer was last asked, if that is within the workspace's cap. */
  private async askedWithinCap(
    em: EntityManager,
    workspaceId: string,
    customerId: string,
  ): Promise<Date | null> {
    const [row] = (await em.query(
      `select r.created_at from feedback_requests r join workspaces w on w.id = r.workspace_id
        where r.workspace_id = $1 and r.customer_id = $2
          and r.created_at > now() - w.feedback_cap_days * interval '1 day'
        order by r.created_at desc limit 1`,
      [workspaceId, customerId],
    )) as { created_at: Date }[];
    return row?.created_at ?? null;
  }

  private async create(
    em: EntityManager,
    workspaceId: string,
    input: NewRequest,
    createdBy: string | null,
    id: string = randomUUID(),
  ) {
    const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
    await em.insert(FeedbackRequestEntity, {
      workspaceId,
      id,
      surveyId: input.surveyId,
      customerId: input.customerId,
      interactionId: input.interactionId,
      expiresAt,
      createdBy,
    });
    await this.tokens.issue(em, 'feedback', workspaceId, id, expiresAt, this.links.token('feedback', id));
    return em.findOneByOrFail(FeedbackRequestEntity, { workspaceId, id });
  }
}
