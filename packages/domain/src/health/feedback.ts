import { SURVEY_TYPES } from '../enums';
import { isLowScore, normalisedScore, SCORE_RANGES } from '../feedback';
import type { FactsAt, HealthFeedbackFact } from './facts';
import type { HealthModel } from './model';
import type { FactorReading } from './reading';
import { daysAgo } from './text';
import { clamp, daysBetween } from './time';

function feedbackValue({ surveyType, score }: HealthFeedbackFact): number {
  return clamp(normalisedScore(surveyType, score), 0, 1);
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
  const answer = `${surveyType} ${score}/${SCORE_RANGES[surveyType].max}`;
  const low = isLowScore(surveyType, score);
  return {
    key: 'feedback',
    value: feedbackValue(latest),
    explanation: `Latest feedback: ${answer}, ${daysAgo(ageDays)}`,
    action: `Follow up on the ${low ? 'low ' : ''}${surveyType} answer (${score}/${SCORE_RANGES[surveyType].max})`,
  };
}
