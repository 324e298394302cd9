import { Card } from './Card';
import { HealthBadge } from './HealthBadge';
import { describeTrend, type HealthBandName, signedPoints } from './health';

export interface HealthFactorView {
  key: string;
  points: number;
  explanation: string;
}

export interface HealthCardProps {
  score: number;
  band: HealthBandName;
  /** Score now minus the score `trendDays` ago. */
  trend: number;
  trendDays?: number;
  factors: readonly HealthFactorView[];
  nextBestAction: string;
  title?: string;
  className?: string;
}

function TrendArrow({ trend }: { trend: number }) {
  if (trend > 0) return <>↑</>;
  if (trend < 0) return <>↓</>;
  return <>→</>;
}

/** Relationship health: score and band, its trend, each factor's points and reason, and what to do next. */
export function HealthCard({
  score,
  band,
  trend,
  trendDays = 30,
  factors,
  nextBestAction,
  title = 'Relationship health',
  className,
}: HealthCardProps) {
  const trendLabel = `Trend: ${describeTrend(trend, trendDays)}`;
  const direction = trend > 0 ? 'up' : trend < 0 ? 'down' : 'flat';
  return (
    <Card title={title} className={className}>
      <div className="rp-health-card">
        <div className="rp-health-card__summary">
          <HealthBadge score={score} band={band} className="rp-health-card__badge" />
          <span
            className={`rp-health-trend rp-health-trend--${direction}`}
            role="img"
            aria-label={trendLabel}
          >
            <span aria-hidden="true">
              <TrendArrow trend={trend} /> {signedPoints(trend)}
            </span>
          </span>
          <span className="rp-health-card__trend-period" aria-hidden="true">
            in {trendDays} days
          </span>
        </div>
        <div className="rp-health-card__action">
          <p className="rp-health-card__action-label">Next best action</p>
          <p className="rp-health-card__action-text">{nextBestAction}</p>
        </div>
        {factors.length > 0 && (
          <ul className="rp-health-factors" aria-label="What makes up the score">
            {factors.map((factor) => (
              <li key={factor.key} className="rp-health-factors__item">
                <span
                  className={`rp-health-factors__points${factor.points < 0 ? ' rp-health-factors__points--negative' : ''}`}
                >
                  {signedPoints(factor.points)}
                  <span className="rp-visually-hidden"> points: </span>
                </span>
                <span>{factor.explanation}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
