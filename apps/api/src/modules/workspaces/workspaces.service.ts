import { Injectable } from '@nestjs/common';
import { feedbackAutoRequestSchema, updateWorkspaceSchema } from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { badUserInput, notFound } from '../../graphql/errors';
import { definedOnly, parseInput } from '../../graphql/parse-input';
import { SurveyEntity } from '../feedback/survey.entity';
import { CustomerStateService } from '../relationship-health/customer-state.service';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { WorkspaceEntity } from './workspace.entity';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly db: Db,
    private readonly customerState: CustomerStateService,
  ) {}

  update(
    actor: Actor,
    args: { name?: string | null; defaultCadenceDays?: number | null; feedbackCapDays?: number | null },
  ): Promise<WorkspaceEntity> {
    const changes = parseInput(updateWorkspaceSchema, definedOnly(args));
    const id = actor.workspaceId;
    return this.db.asMember(actor, async (em) => {
      const before = await em.findOneByOrFail(WorkspaceEntity, { id });
      if (Object.keys(changes).length > 0) await em.update(WorkspaceEntity, { id }, { ...changes });
      if (
        changes.defaultCadenceDays !== undefined &&
        changes.defaultCadenceDays !== before.defaultCadenceDays
      ) {
        // Check-in dates and health of the customers on the default cadence move with it, at once.
        await this.customerState.refreshDefaultCadenceFollowers(em, id);
      }
      return em.findOneByOrFail(WorkspaceEntity, { id });
    });
  }

  setFeedbackAutoRequest(actor: Actor, args: unknown): Promise<WorkspaceEntity> {
    const rule = parseInput(feedbackAutoRequestSchema, args);
    const id = actor.workspaceId;
    return this.db.asMember(actor, async (em) => {
      if (rule.surveyId) {
        const survey = await em.findOneBy(SurveyEntity, { workspaceId: id, id: rule.surveyId });
        if (!survey) throw notFound('No such survey');
        if (survey.anonymous)
          throw badUserInput({ surveyId: 'An anonymous survey cannot be sent to a customer' });
      }
      if (
        rule.touchpointId &&
        !(await em.existsBy(TouchpointEntity, { workspaceId: id, id: rule.touchpointId }))
      ) {
        throw notFound('No such touchpoint');
      }
      await em.update(
        WorkspaceEntity,
        { id },
        {
          autoFeedbackSurveyId: rule.surveyId,
          autoFeedbackTrigger: rule.trigger,
          autoFeedbackTouchpointId: rule.touchpointId,
        },
      );
      return em.findOneByOrFail(WorkspaceEntity, { id });
    });
  }
}
