/** Health counts days as 24-hour spans of milliseconds, fractional in formulas (PRODUCT.md). */
export const MS_PER_DAY = 86_400_000;

export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / MS_PER_DAY;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY);
}

/**
 * Rounds away float noise (25 × 0.3 = 7.499999999999999) before a result is compared or rounded to a
 * whole point, so a score that is 70 on paper is not 69 in the machine. Monotone, so it keeps every
 * "never lowers" property of the model.
 */
export function settle(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
