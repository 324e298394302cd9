import { cx } from '../cx';
import { HEALTH_BAND_LABELS, type HealthBandName, healthBandModifier } from './health';

export interface HealthBadgeProps {
  score: number;
  band: HealthBandName;
  className?: string;
}

/** A customer's health score and band, coloured by band; reads as "Health 72 of 100, Healthy". */
export function HealthBadge({ score, band, className }: HealthBadgeProps) {
  const label = HEALTH_BAND_LABELS[band];
  return (
    <span className={cx('rp-health-badge', `rp-health-badge--${healthBandModifier(band)}`, className)}>
      <span className="rp-visually-hidden">Health </span>
      <span className="rp-health-badge__score">{score}</span>
      <span className="rp-visually-hidden"> of 100,</span> <span>{label}</span>
    </span>
  );
}
