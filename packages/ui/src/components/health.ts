/** Relationship health bands, as the API names them. */
export type HealthBandName = 'HEALTHY' | 'WATCH' | 'AT_RISK';

export const HEALTH_BAND_LABELS: Record<HealthBandName, string> = {
  HEALTHY: 'Healthy',
  WATCH: 'Watch',
  AT_RISK: 'At risk',
};

/** CSS modifier of a band: `healthy`, `watch`, `at-risk`. */
export function healthBandModifier(band: HealthBandName): string {
  return band.toLowerCase().replace('_', '-');
}

/** "+5", "−3", "±0": a signed number of points. */
export function signedPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** "up 5 points in 30 days", "down 1 point in 30 days", "unchanged in 30 days". */
export function describeTrend(trend: number, days = 30): string {
  if (trend === 0) return `unchanged in ${days} days`;
  const size = Math.abs(trend);
  return `${trend > 0 ? 'up' : 'down'} ${size} ${size === 1 ? 'point' : 'points'} in ${days} days`;
}
