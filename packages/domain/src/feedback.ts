import { z } from 'zod';
import { SURVEY_TYPES, type SurveyType } from './enums';
import { LOW_AT_MOST, SCORE_RANGES } from './feedback-scores';
import { dateTime, id, idempotencyKey, optionalText, requiredText } from './validation';

export { isLowScore, SCORE_RANGES } from './feedback-scores';

/**
 * The severity of the friction point a low answer raises: the bottom third of the low range is 3
 * (severe), the middle 2, the top 1 — an NPS 0–2 is 3, 3–4 is 2, 5–6 is 1.
 */
export function lowAnswerSeverity(type: SurveyType, score: number): number {
  const { min } = SCORE_RANGES[type];
  const share = (score - min) / Math.max(1, LOW_AT_MOST[type] - min);
  return share <= 1 / 3 ? 3 : share <= 2 / 3 ? 2 : 1;
}

/** A score on 0..1, as the health model reads it: NPS x/10, CSAT (x−1)/4, CES (x−1)/6. */
export function normalisedScore(type: SurveyType, score: number): number {
  const { min, max } = SCORE_RANGES[type];
  return (score - min) / (max - min);
}

/** Anonymous answers are summarised only in groups of at least this many. */
export const ANONYMITY_THRESHOLD = 5;
export const DEFAULT_FEEDBACK_EXPIRY_DAYS = 14;
export const DEFAULT_FEEDBACK_CAP_DAYS = 30;

export const createSurveySchema = z.object({
  name: requiredText(120),
  type: z.enum(SURVEY_TYPES),
  question: requiredText(500),
  touchpointId: id.nullish().transform((t) => t ?? null),
  anonymous: z
    .boolean()
    .nullish()
    .transform((a) => a ?? false),
  idempotencyKey,
});
export type CreateSurveyInput = z.output<typeof createSurveySchema>;

export const requestFeedbackSchema = z.object({
  surveyId: id,
  customerId: id,
  interactionId: id.nullish().transform((i) => i ?? null),
  expiresInDays: z
    .number('Enter a number of days')
    .int('Use whole days')
    .min(1, 'At least 1 day')
    .max(90, 'At most 90 days')
    .nullish()
    .transform((d) => d ?? DEFAULT_FEEDBACK_EXPIRY_DAYS),
  idempotencyKey,
});
export type RequestFeedbackInput = z.output<typeof requestFeedbackSchema>;

/** An answer to a survey of `type`: a score within its range and an optional comment. */
export function submitFeedbackSchema(type: SurveyType) {
  const { min, max } = SCORE_RANGES[type];
  return z.object({
    score: z
      .number(`Choose a score from ${min} to ${max}`)
      .int(`Choose a score from ${min} to ${max}`)
      .min(min, `Choose a score from ${min} to ${max}`)
      .max(max, `Choose a score from ${min} to ${max}`),
    comment: optionalText(2_000),
  });
}

/** When a feedback request is created by itself, after an interaction. */
export const FEEDBACK_TRIGGERS = ['FIRST_INTERACTION', 'TOUCHPOINT'] as const;
export type FeedbackTrigger = (typeof FEEDBACK_TRIGGERS)[number];

/** The automatic request rule: a survey and a trigger, or `surveyId: null` to switch it off. */
export const feedbackAutoRequestSchema = z
  .object({
    surveyId: id.nullable(),
    trigger: z
      .enum(FEEDBACK_TRIGGERS)
      .nullish()
      .transform((t) => t ?? null),
    touchpointId: id.nullish().transform((t) => t ?? null),
  })
  .superRefine((rule, ctx) => {
    if (rule.surveyId && !rule.trigger)
      ctx.addIssue({ code: 'custom', path: ['trigger'], message: 'Choose when to ask' });
    if (rule.trigger === 'TOUCHPOINT' && !rule.touchpointId) {
      ctx.addIssue({ code: 'custom', path: ['touchpointId'], message: 'Choose the touchpoint' });
    }
  })
  .transform((rule) =>
    rule.surveyId
      ? { ...rule, touchpointId: rule.trigger === 'TOUCHPOINT' ? rule.touchpointId : null }
      : { surveyId: null, trigger: null, touchpointId: null },
  );

/** Which answers a summary covers: a survey, a touchpoint's surveys, a period [from, to). */
export const feedbackSummaryFilterSchema = z.object({
  surveyId: id.nullish(),
  touchpointId: id.nullish(),
  from: dateTime.nullish(),
  to: dateTime.nullish(),
});

export interface FeedbackAnswer {
  type: SurveyType;
  score: number;
  anonymous: boolean;
}

export interface FeedbackSummary {
  responses: number;
  /** % promoters (9–10) − % detractors (0–6), −100..100; null without NPS answers. */
  nps: number | null;
  /** Share of CSAT answers that are 4 or 5, 0..1; null without CSAT answers. */
  csat: number | null;
  /** Mean CES answer, 1..7; null without CES answers. */
  ces: number | null;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * The small-number anonymity guard: a group holding anonymous answers, but fewer than
 * ANONYMITY_THRESHOLD of them, shows no scores and no anonymous comments — in a small customer base
 * they could tell who said what. Groups of attributed answers only are never guarded.
 */
export const guardedByAnonymity = (anonymousAnswers: number): boolean =>
  anonymousAnswers > 0 && anonymousAnswers < ANONYMITY_THRESHOLD;

/** Response count and scores of a group of answers; a guarded group reports its count with null scores. */
export function summariseFeedback(answers: readonly FeedbackAnswer[]): FeedbackSummary {
  const responses = answers.length;
  if (guardedByAnonymity(answers.filter((a) => a.anonymous).length))
    return { responses, nps: null, csat: null, ces: null };
  const scores = (type: SurveyType) => answers.filter((a) => a.type === type).map((a) => a.score);
  const nps = scores('NPS');
  const csat = scores('CSAT');
  const ces = scores('CES');
  return {
    responses,
    nps:
      nps.length > 0
        ? (100 * (nps.filter((s) => s >= 9).length - nps.filter((s) => s <= 6).length)) / nps.length
        : null,
    csat: csat.length > 0 ? csat.filter((s) => s >= 4).length / csat.length : null,
    ces: ces.length > 0 ? mean(ces) : null,
  };
}

/** Whether comments of a group of answers may be shown: attributed ones always, anonymous ones from 5. */
export const commentsVisible = (anonymousAnswers: number): boolean => !guardedByAnonymity(anonymousAnswers);
