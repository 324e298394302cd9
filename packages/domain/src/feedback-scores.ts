import type { SurveyType } from './enums';

// Without zod: the public feedback form imports this alone (@rapport/domain/feedback-scores).

/** Each survey type's inclusive score range: NPS 0..10, CSAT 1..5, CES 1..7. */
export const SCORE_RANGES: Record<SurveyType, { min: number; max: number }> = {
  NPS: { min: 0, max: 10 },
  CSAT: { min: 1, max: 5 },
  CES: { min: 1, max: 7 },
};

/** A low answer closes the loop: NPS ≤ 6, CSAT ≤ 2, CES ≤ 3. */
export const LOW_AT_MOST: Record<SurveyType, number> = { NPS: 6, CSAT: 2, CES: 3 };
export const isLowScore = (type: SurveyType, score: number): boolean => score <= LOW_AT_MOST[type];
