import { SURVEY_TYPES, type SurveyType } from '../enums';
import type { FactsAt, HealthFeedbackFact } from './facts';
import type { HealthModel } from './model';
import type { FactorReading } from './reading';
import { daysAgo } from './text';
import { clamp, daysBetween } from './time';

/** Inclusive answer ranges, as the contract's PublicFeedbackForm states them. */
const SCALES: Record<SurveyType, { min: number; max: number }> = {
  NPS: { min: 0, max: 10 },
  CSAT: { min: 1, max: 5 },
  CES: { min: 1, max: 7 },
};

/** A "low answer" per PRODUCT.md (it closes the loop): the follow-up is worded accordingly. */
const LOW_AT_MOST: Record<SurveyType, number> = { NPS: 6, CSAT: 2, CES: 3 };

function feedbackValue({ surveyType, score }: HealthFeedbackFact): number {
  const { min, max } = SCALES[surveyType];
  return clamp((score - min) / (max - min), 0, 1);
}

/**
 * Latest first; answers given at the same instant are read cautiously (the lower one counts), then in
 * survey-type order, so the caller's ordering never matters.
 */
function isLater(a: HealthFeedbackFact, b: HealthFeedbackFact): boolean {
  return (
    (a.answeredAt.getTime() - b.answeredAt.getTime() ||
      feedbackValue(b) - feedbackValue(a) ||
      SURVEY_TYPES.indexOf(b.surveyType) - SURVEY_TYPES.indexOf(a.surveyType)) > 0
  );
}

/** Only the latest answer counts: it is the customer's current opinion, older ones are history. */
export function readFeedback(facts: FactsAt, model: HealthModel): FactorReading {
  const { windowDays } = model.feedback;
  let latest: HealthFeedbackFact | null = null;
  for (const answer of facts.feedback) {
    if (latest === null || isLater(answer, latest)) latest = answer;
  }

  const ageDays = latest === null ? Number.POSITIVE_INFINITY : daysBetween(latest.answeredAt, facts.at);
  if (latest === null || ageDays > windowDays) {
    return {
      key: 'feedback',
      value: model.noDataFactor,
      explanation: `No feedback in the last ${windowDays} days`,
      action: `Ask for feedback: none in ${windowDays} days`,
    };
  }

  const { surveyType, score } = latest;
  const answer = `${surveyType} ${score}/${SCALES[surveyType].max}`;
  const low = score <= LOW_AT_MOST[surveyType];
  return {
    key: 'feedback',
    value: feedbackValue(latest),
    explanation: `Latest feedback: ${answer}, ${daysAgo(ageDays)}`,
    action: `Follow up on the ${low ? 'low ' : ''}${surveyType} answer (${score}/${SCALES[surveyType].max})`,
  };
}
