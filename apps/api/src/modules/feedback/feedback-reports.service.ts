import { Injectable } from '@nestjs/common';
import {
  AUDIT_FACTORS,
  commentsVisible,
  type FeedbackAnswer,
  factorMeans,
  feedbackSummaryFilterSchema,
  guardedByAnonymity,
  normalisedScore,
  type SurveyType,
  summariseFeedback,
} from '@rapport/domain';
import type { Actor } from '../../auth/actor';
import { Db } from '../../database/db.service';
import { parseInput } from '../../graphql/parse-input';
import { FeedbackResponseEntity } from './feedback-response.entity';

interface AnswerRow {
  type: SurveyType;
  score: number;
  anonymous: boolean;
  touchpoint_id: string | null;
}

/** Feedback as the owner reads it: summaries (with the anonymity guard) and the blind-spot view. */
@Injectable()
export class FeedbackReportsService {
  constructor(private readonly db: Db) {}

  /** Count, NPS, CSAT and mean CES over attributed and anonymous answers alike, guarded for anonymity. */
  summary(actor: Actor, args: unknown) {
    const filter = parseInput(feedbackSummaryFilterSchema, args);
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const rows: AnswerRow[] = await em.query(
        `select s.type, r.score, s.anonymous, s.touchpoint_id from feedback_responses r
           join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
          where r.workspace_id = $1
            and ($2::uuid is null or s.id = $2) and ($3::uuid is null or s.touchpoint_id = $3)
            and ($4::timestamptz is null or r.responded_at >= $4) and ($5::timestamptz is null or r.responded_at < $5)`,
        [
          workspaceId,
          filter.surveyId ?? null,
          filter.touchpointId ?? null,
          filter.from ?? null,
          filter.to ?? null,
        ],
      );
      return summariseFeedback(rows.map(toAnswer));
    });
  }

  /**
   * The newest answers (at most 100), of one survey or all. Comments of an anonymous survey are shown
   * only once it has ANONYMITY_THRESHOLD answers: before that they could tell who said what.
   */
  responses(actor: Actor, args: { surveyId?: string | null }) {
    const { surveyId } = parseInput(feedbackSummaryFilterSchema.pick({ surveyId: true }), args);
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const rows = await em
        .createQueryBuilder(FeedbackResponseEntity, 'r')
        .where('r.workspace_id = :workspaceId', { workspaceId })
        .andWhere(surveyId ? 'r.survey_id = :surveyId' : 'true', { surveyId })
        .orderBy('r.responded_at', 'DESC')
        .addOrderBy('r.id', 'DESC')
        .limit(100)
        .getMany();
      const counts: { survey_id: string; anonymous: number }[] = await em.query(
        `select s.id as survey_id, count(r.id)::int as anonymous from surveys s
           join feedback_responses r on r.workspace_id = s.workspace_id and r.survey_id = s.id
          where s.workspace_id = $1 and s.anonymous group by s.id`,
        [workspaceId],
      );
      const anonymous = new Map(counts.map((c) => [c.survey_id, c.anonymous]));
      return rows.map((row) =>
        commentsVisible(anonymous.get(row.surveyId) ?? 0) ? row : Object.assign(row, { comment: null }),
      );
    });
  }

  /**
   * Per touchpoint: what auditors rated (the mean of the four factor means, on 0..1) beside what
   * customers said (the mean normalised score of answers to surveys bound to it, on 0..1), and the
   * gap (customers − auditors). A side with no data, or anonymous answers under the threshold, is null.
   */
  blindSpots(actor: Actor) {
    const { workspaceId } = actor;
    return this.db.asMember(actor, async (em) => {
      const touchpoints: { id: string }[] = await em.query(
        `select id from touchpoints where workspace_id = $1 order by lower(name)`,
        [workspaceId],
      );
      const ratings: (Record<(typeof AUDIT_FACTORS)[number], number> & { touchpoint_id: string })[] =
        await em.query(
          `select o.touchpoint_id, o.accuracy, o.availability, o.partnership, o.advice from observations o
             join audits a on a.workspace_id = o.workspace_id and a.id = o.audit_id and a.status = 'SUBMITTED'
            where o.workspace_id = $1`,
          [workspaceId],
        );
      const answers: AnswerRow[] = await em.query(
        `select s.type, r.score, s.anonymous, s.touchpoint_id from feedback_responses r
           join surveys s on s.workspace_id = r.workspace_id and s.id = r.survey_id
          where r.workspace_id = $1 and s.touchpoint_id is not null`,
        [workspaceId],
      );
      return touchpoints.map(({ id }) => {
        const audited = ratings.filter((r) => r.touchpoint_id === id);
        const means = Object.values(factorMeans(audited)).filter((m): m is number => m !== null);
        const auditScore =
          means.length > 0 ? (means.reduce((a, b) => a + b, 0) / means.length - 1) / 4 : null;
        const said = answers.filter((a) => a.touchpoint_id === id);
        const anonymous = said.filter((a) => a.anonymous).length;
        const guarded = guardedByAnonymity(anonymous);
        const customerScore =
          said.length > 0 && !guarded
            ? said.reduce((sum, a) => sum + normalisedScore(a.type, a.score), 0) / said.length
            : null;
        return {
          touchpointId: id,
          audits: audited.length,
          answers: said.length,
          auditScore,
          customerScore,
          gap: auditScore !== null && customerScore !== null ? customerScore - auditScore : null,
        };
      });
    });
  }
}

const toAnswer = (row: AnswerRow): FeedbackAnswer => ({
  type: row.type,
  score: row.score,
  anonymous: row.anonymous,
});
