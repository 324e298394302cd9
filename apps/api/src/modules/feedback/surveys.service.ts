import { Injectable } from '@nestjs/common';
import { createSurveySchema } from '@rapport/domain';
import { AccessTokensService } from '../../auth/access-tokens.service';
import type { Actor } from '../../auth/actor';
import { LinkTokens } from '../../auth/link-tokens';
import { Db } from '../../database/db.service';
import { insertOnce } from '../../database/idempotency';
import { notFound } from '../../graphql/errors';
import { parseInput } from '../../graphql/parse-input';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { SurveyEntity } from './survey.entity';

/** A shared link never expires by itself; printed on a counter card, it must keep working. */
const NEVER = new Date('9999-12-31T00:00:00Z');

@Injectable()
export class SurveysService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokensService,
    private readonly links: LinkTokens,
  ) {}

  list(actor: Actor): Promise<SurveyEntity[]> {
    const { workspaceId } = actor;
    return this.db.asMember(actor, (em) =>
      em.find(SurveyEntity, { where: { workspaceId }, order: { createdAt: 'DESC', id: 'DESC' } }),
    );
  }

  async create(actor: Actor, args: unknown): Promise<SurveyEntity> {
    const { idempotencyKey, ...input } = parseInput(createSurveySchema, args);
    const { workspaceId } = actor;
    const request = { operation: 'createSurvey', key: idempotencyKey, args };
    return this.db.asMember(actor, (em) =>
      insertOnce(em, workspaceId, request, SurveyEntity, async (id) => {
        if (
          input.touchpointId &&
          !(await em.existsBy(TouchpointEntity, { workspaceId, id: input.touchpointId }))
        ) {
          throw notFound('No such touchpoint');
        }
        const survey = em.create(SurveyEntity, { workspaceId, id, ...input });
        await em.insert(SurveyEntity, survey);
        if (input.anonymous) {
          await this.tokens.issue(em, 'survey', workspaceId, id, NEVER, this.links.token('survey', id));
        }
        return survey;
      }),
    );
  }

  /** The shared link of an anonymous survey; null for an attributed one. */
  publicUrl(survey: SurveyEntity): string | null {
    return survey.anonymous ? this.links.url('survey', survey.id) : null;
  }
}
