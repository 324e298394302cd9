import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isLowScore, lowAnswerSeverity, SCORE_RANGES, submitFeedbackSchema } from '@rapport/domain';
import type { EntityManager } from 'typeorm';
import { AccessTokensService } from '../../auth/access-tokens.service';
import { PUBLIC_LINK, type RateLimit, RateLimitService } from '../../auth/rate-limit.service';
import { tokenHash } from '../../auth/tokens';
import { Db } from '../../database/db.service';
import { clientIp, type RequestContext } from '../../graphql/context';
import { conflict, notFound, rateLimited } from '../../graphql/errors';
import { parseInput } from '../../graphql/parse-input';
import { CustomerEntity } from '../customers/customer.entity';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { FeedbackRequestEntity } from './feedback-request.entity';
import { SurveyEntity } from './survey.entity';

/** Anonymous answers per address and survey: loose, since a shop's customers may share one Wi-Fi. */
const ANONYMOUS_PER_ADDRESS: RateLimit = { bucket: 'anonymous-answer', limit: 60, windowSeconds: 60 * 60 };
/** One anonymous answer per device per survey per day, remembered by this cookie. */
const answeredCookie = (surveyId: string) => `rapport_answered_${surveyId.replaceAll('-', '')}`;

interface Link {
  kind: 'feedback' | 'survey';
  workspaceId: string;
  subjectId: string;
  expired: boolean;
  used: boolean;
}

/**
 * Who acts through a feedback link: the link, never a member, so an anonymous answer does not name
 * whoever holds a session in the browser it was given in.
 */
const viaLink = (link: Link) =>
  ({ via: link.kind === 'feedback' ? 'FEEDBACK_LINK' : 'SURVEY_LINK' }) as const;

/** What customers do with a feedback link, without an account. */
@Injectable()
export class FeedbackAnswersService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    private readonly limits: RateLimitService,
    private readonly customerState: CustomerStateService,
  ) {}

  /** The form behind a link: the business, the question, the scale and the link's status; nothing else. */
  async form(token: string, ctx: RequestContext) {
    const link = await this.link(token, ctx);
    return this.db.inWorkspace(
      link.workspaceId,
      async (em) => {
        const { survey, request } = await this.subject(em, link);
        const [{ name: businessName }] = await em.query(`select name from workspaces where id = $1`, [
          link.workspaceId,
        ]);
        const status = !request
          ? 'PENDING'
          : request.answeredAt
            ? 'ANSWERED'
            : link.expired
              ? 'EXPIRED'
              : 'PENDING';
        const { min, max } = SCORE_RANGES[survey.type];
        return {
          businessName,
          type: survey.type,
          question: survey.question,
          minScore: min,
          maxScore: max,
          status,
        };
      },
      viaLink(link),
    );
  }

  /**
   * Stores an answer. A single-use link takes one (its token is claimed in the answer's transaction,
   * so of two racing answers one is CONFLICT); a shared link takes one per device per day. A low
   * answer raises a friction point in the same transaction: on the customer (owned by their
   * relationship owner) and the survey's touchpoint, or, anonymous, on the touchpoint alone.
   */
  async submit(token: string, args: unknown, ctx: RequestContext): Promise<void> {
    const link = await this.link(token, ctx);
    if (link.kind === 'survey' && ctx.req.cookies?.[answeredCookie(link.subjectId)]) {
      throw rateLimited('You have already answered this survey today. Thank you!');
    }
    await this.db.inWorkspace(
      link.workspaceId,
      async (em) => {
        const { survey, request } = await this.subject(em, link);
        const input = parseInput(submitFeedbackSchema(survey.type), args);
        if (request) {
          if (request.answeredAt) throw conflict('This feedback link has already been answered');
          if (link.expired) throw conflict('This feedback link has expired');
          if (!(await this.tokens.claim(em, 'feedback', token))) {
            throw conflict('This feedback link has already been answered');
          }
        } else {
          await this.limits.take(em, ANONYMOUS_PER_ADDRESS, [addressKey(ctx, survey.id)]);
        }
        await this.store(em, survey, request, input);
      },
      viaLink(link),
    );
    if (link.kind === 'survey') {
      ctx.res.cookie(answeredCookie(link.subjectId), '1', {
        httpOnly: true,
        sameSite: 'lax',
        maxAge: 24 * 60 * 60 * 1000,
        path: '/',
      });
    }
  }

  private async store(
    em: EntityManager,
    survey: SurveyEntity,
    request: FeedbackRequestEntity | null,
    input: { score: number; comment: string | null },
  ) {
    const { workspaceId } = survey;
    const id = randomUUID();
    // An anonymous answer keeps only its day: an exact time could be matched with a visit.
    await em.query(
      `insert into feedback_responses (workspace_id, id, survey_id, request_id, customer_id, score, comment, responded_at)
       values ($1, $2, $3, $4, $5, $6, $7, case when $4::uuid is null then date_trunc('day', now()) else now() end)`,
      [
        workspaceId,
        id,
        survey.id,
        request?.id ?? null,
        request?.customerId ?? null,
        input.score,
        input.comment,
      ],
    );
    if (request)
      await em.update(FeedbackRequestEntity, { workspaceId, id: request.id }, { answeredAt: new Date() });
    if (isLowScore(survey.type, input.score)) await this.closeTheLoop(em, survey, request, id, input);
    if (request) await this.customerState.refresh(em, workspaceId, [request.customerId]);
  }

  private async closeTheLoop(
    em: EntityManager,
    survey: SurveyEntity,
    request: FeedbackRequestEntity | null,
    responseId: string,
    input: { score: number; comment: string | null },
  ) {
    const { workspaceId } = survey;
    const customer = request
      ? await em.findOneBy(CustomerEntity, { workspaceId, id: request.customerId })
      : null;
    const answer = `${survey.type} ${input.score}/${SCORE_RANGES[survey.type].max}`;
    const description = input.comment ? `Low ${answer}: “${input.comment}”` : `Low ${answer}, no comment`;
    await em.query(
      `insert into friction_points (workspace_id, id, touchpoint_id, customer_id, description, severity, status,
              owner_id, source, feedback_response_id)
       values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, 'FEEDBACK', $8)`,
      [
        workspaceId,
        randomUUID(),
        survey.touchpointId,
        customer?.id ?? null,
        description,
        lowAnswerSeverity(survey.type, input.score),
        customer?.ownerId ?? null,
        responseId,
      ],
    );
  }

  /** The link behind a token (NOT_FOUND when unknown), counted against the caller and the link. */
  private async link(token: string, ctx: RequestContext): Promise<Link> {
    const keys = [`ip:${clientIp(ctx)}`, `link:${tokenHash(token).toString('hex')}`];
    await this.db.global((em) => this.limits.take(em, PUBLIC_LINK, keys));
    const link = await this.tokens.lookup(['feedback', 'survey'], token);
    if (!link) throw notFound('This feedback link is not valid');
    return link as Link;
  }

  private async subject(em: EntityManager, link: Link) {
    const { workspaceId } = link;
    const request =
      link.kind === 'feedback'
        ? await em.findOneByOrFail(FeedbackRequestEntity, { workspaceId, id: link.subjectId })
        : null;
    const survey = await em.findOneByOrFail(SurveyEntity, {
      workspaceId,
      id: request?.surveyId ?? link.subjectId,
    });
    return { survey, request };
  }
}

/** The caller's address, hashed with the survey: the limit needs no readable address kept. */
function addressKey(ctx: RequestContext, surveyId: string): string {
  return `ip:${createHash('sha256')
    .update(`${clientIp(ctx)}|${surveyId}`)
    .digest('hex')}`;
}
