import type { SurveyType } from '@rapport/domain';

/** The words at either end of each survey type's scale. */
export const SCALE_ANCHORS: Record<SurveyType, { low: string; high: string }> = {
  NPS: { low: 'Not likely', high: 'Very likely' },
  CSAT: { low: 'Very unhappy', high: 'Very happy' },
  CES: { low: 'Very hard', high: 'Very easy' },
};

/** The scores from min to max, inclusive. */
export function scoresBetween(min: number, max: number): number[] {
  return Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
}

/**
 * Columns of the score grid on a phone: NPS's eleven scores make two rows (0–5, 6–10); five or
 * seven fit on one row. Wider screens put every score on one row (see feedback-form.css).
 */
export function phoneColumns(count: number): number {
  return count > 7 ? Math.ceil(count / 2) : count;
}
