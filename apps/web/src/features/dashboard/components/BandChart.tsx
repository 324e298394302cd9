import { EmptyState, HEALTH_BAND_LABELS, type HealthBandName, healthBandModifier } from '@rapport/ui';
import { Link, useNavigate } from 'react-router';
import { ChartFrame, lazyDrawing } from './ChartFrame';
import { BANDS } from './dashboard-format';

const BandBars = lazyDrawing(() => import('./drawings').then((m) => m.BandBars));

export interface BandCounts {
  healthy: number;
  watch: number;
  atRisk: number;
}

export function bandCount(counts: BandCounts, band: HealthBandName): number {
  if (band === 'HEALTHY') return counts.healthy;
  return band === 'WATCH' ? counts.watch : counts.atRisk;
}

/** The customer list, filtered to one band. */
export function bandPath(band: HealthBandName): string {
  return `/customers?band=${band}`;
}

function customers(count: number): string {
  return `${count} ${count === 1 ? 'customer' : 'customers'}`;
}

/** Active customers per health band; a band's bar (or its line in the caption) opens those customers. */
export function BandChart({ counts }: { counts: BandCounts }) {
  const navigate = useNavigate();
  const data = BANDS.map((band) => ({
    band,
    label: HEALTH_BAND_LABELS[band],
    count: bandCount(counts, band),
  }));
  const total = data.reduce((sum, d) => sum + d.count, 0);

  if (total === 0) {
    return (
      <EmptyState
        compact
        title="No customers yet"
        description="Each customer's health band shows here once you add them."
      />
    );
  }

  return (
    <ChartFrame
      height={200}
      caption={
        <>
          <span className="rp-visually-hidden">
            Active customers per health band, {customers(total)} in all:
          </span>
          <ul className="dash-legend">
            {data.map((d) => (
              <li key={d.band}>
                <Link to={bandPath(d.band)} className="dash-legend__link">
                  <span
                    className={`dash-legend__swatch dash-legend__swatch--${healthBandModifier(d.band)}`}
                    aria-hidden="true"
                  />
                  <span className="dash-legend__label">{d.label}</span>
                  <span className="dash-legend__value">{customers(d.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      }
    >
      <BandBars data={data} onSelect={(band) => void navigate(bandPath(band))} />
    </ChartFrame>
  );
}
