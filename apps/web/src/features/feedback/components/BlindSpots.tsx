import { useQuery } from '@apollo/client/react';
import { Card, EmptyState } from '@rapport/ui';
import { STAGE_LABELS } from '~/app/labels';
import { ChartFrame, lazyDrawing } from '~/features/dashboard/components/ChartFrame';
import type { BlindSpotsQuery } from '~/gql/graphql';
import {
  formatGap,
  formatScore01,
  GAP_MESSAGES,
  GAP_THRESHOLD,
  GUARD_MESSAGE,
  gapVerdict,
  plural,
} from '../feedback-format';
import { BlindSpotsDocument } from '../graphql/feedback.graphql';
import { SectionState } from './SectionState';

const BlindSpotBars = lazyDrawing(() => import('./drawings').then((m) => m.BlindSpotBars));

export type BlindSpot = BlindSpotsQuery['blindSpots'][number];

/** `--rp-color-gray-600` for auditors, `--rp-color-brand-600` for customers. */

/** Why a side has no score. */
function auditGapReason(spot: BlindSpot): string {
  return spot.audits === 0 ? 'no audits yet' : 'no audit scores yet';
}
function customerGapReason(spot: BlindSpot): string {
  if (spot.answers === 0) return 'no answers yet';
  return `${plural(spot.answers, 'answer')}, ${GUARD_MESSAGE}`;
}

/** One touchpoint in words, as the chart's text alternative reads it. */
export function describeBlindSpot(spot: BlindSpot): string {
  const audit =
    spot.auditScore == null ? `not enough data (${auditGapReason(spot)})` : formatScore01(spot.auditScore);
  const customers =
    spot.customerScore == null
      ? `not enough data (${customerGapReason(spot)})`
      : formatScore01(spot.customerScore);
  const verdict = gapVerdict(spot.gap);
  const gap =
    spot.gap == null || verdict === 'unknown'
      ? ''
      : `; gap ${formatGap(spot.gap)}${verdict === 'aligned' ? '' : `: ${GAP_MESSAGES[verdict].toLowerCase()}`}`;
  return `${spot.touchpoint.name}: auditors ${audit}, customers ${customers}${gap}.`;
}

function BlindSpotRow({ spot }: { spot: BlindSpot }) {
  const verdict = gapVerdict(spot.gap);
  const highlighted = verdict === 'worse' || verdict === 'better';
  const titleId = `blind-spot-${spot.touchpoint.id}`;
  return (
    <li>
      <article
        className={`fb-bs-row${highlighted ? ` fb-bs-row--${verdict}` : ''}`}
        aria-labelledby={titleId}
        data-highlighted={highlighted || undefined}
      >
        <div className="fb-bs-row__head">
          <h3 className="fb-bs-row__name" id={titleId}>
            {spot.touchpoint.name}
          </h3>
          <span className="fb-muted fb-small">{STAGE_LABELS[spot.touchpoint.stage]?.label}</span>
        </div>
        <dl className="fb-bs-row__sides">
          <div className="fb-bs-side">
            <dt>Auditors</dt>
            <dd>
              {spot.auditScore == null ? (
                <>
                  <span className="fb-bs-none">Not enough data</span>
                  <span className="fb-muted fb-small">{auditGapReason(spot)}</span>
                </>
              ) : (
                <>
                  <span className="fb-bs-value">{formatScore01(spot.auditScore)}</span>
                  <span className="fb-bs-bar" aria-hidden="true">
                    <span
                      className="fb-bs-bar__fill fb-bs-bar__fill--audit"
                      style={{ width: `${Math.round(spot.auditScore * 100)}%` }}
                    />
                  </span>
                  <span className="fb-muted fb-small">{plural(spot.audits, 'audit observation')}</span>
                </>
              )}
            </dd>
          </div>
          <div className="fb-bs-side">
            <dt>Customers</dt>
            <dd>
              {spot.customerScore == null ? (
                <>
                  <span className="fb-bs-none">Not enough data</span>
                  <span className="fb-muted fb-small">{customerGapReason(spot)}</span>
                </>
              ) : (
                <>
                  <span className="fb-bs-value">{formatScore01(spot.customerScore)}</span>
                  <span className="fb-bs-bar" aria-hidden="true">
                    <span
                      className="fb-bs-bar__fill fb-bs-bar__fill--customer"
                      style={{ width: `${Math.round(spot.customerScore * 100)}%` }}
                    />
                  </span>
                  <span className="fb-muted fb-small">{plural(spot.answers, 'answer')}</span>
                </>
              )}
            </dd>
          </div>
          <div className="fb-bs-side fb-bs-side--gap">
            <dt>Gap</dt>
            <dd>
              {spot.gap == null ? (
                <span className="fb-bs-none">Not enough data</span>
              ) : (
                <>
                  <span className="fb-bs-value">{formatGap(spot.gap)}</span>
                  {verdict !== 'unknown' && (
                    <span className={highlighted ? 'fb-bs-verdict' : 'fb-muted fb-small'}>
                      {highlighted && <span aria-hidden="true">{verdict === 'worse' ? '▼ ' : '▲ '}</span>}
                      {GAP_MESSAGES[verdict]}
                    </span>
                  )}
                </>
              )}
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}

/** Auditors' and customers' scores per touchpoint, side by side (touchpoints with both or either). */
export function BlindSpotChart({ spots }: { spots: readonly BlindSpot[] }) {
  const data = spots.map((s) => ({
    name: s.touchpoint.name,
    audit: s.auditScore == null ? null : Math.round(s.auditScore * 100),
    customer: s.customerScore == null ? null : Math.round(s.customerScore * 100),
  }));
  return (
    <ChartFrame
      height={Math.max(160, 56 * spots.length + 40)}
      caption={`Auditors' and customers' scores out of 100, per touchpoint. ${spots.map(describeBlindSpot).join(' ')}`}
      className="fb-bs-chart"
    >
      <BlindSpotBars data={data} />
    </ChartFrame>
  );
}

export function BlindSpotsView({ spots }: { spots: readonly BlindSpot[] }) {
  const flagged = spots.filter((s) => {
    const v = gapVerdict(s.gap);
    return v === 'worse' || v === 'better';
  });
  return (
    <>
      <p className="fb-bs-summary">
        {flagged.length === 0
          ? `No touchpoint where customers and auditors differ by ${Math.round(GAP_THRESHOLD * 100)} points or more.`
          : `${plural(flagged.length, 'touchpoint')} where customers and auditors differ by ${Math.round(GAP_THRESHOLD * 100)} points or more: ${flagged.map((s) => s.touchpoint.name).join(', ')}.`}
      </p>
      {spots.some((s) => s.auditScore != null || s.customerScore != null) && <BlindSpotChart spots={spots} />}
      <ul className="fb-bs-list" aria-label="Auditors and customers per touchpoint">
        {spots.map((s) => (
          <BlindSpotRow key={s.touchpoint.id} spot={s} />
        ))}
      </ul>
    </>
  );
}

/** The blind-spot view: where what the business believes (audits) and what customers feel differ. */
export function BlindSpotsCard() {
  const { data, loading, error, refetch } = useQuery(BlindSpotsDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const spots = data?.blindSpots;
  return (
    <Card
      id="blind-spots"
      title="Blind spots"
      description="Per touchpoint, what your auditors rated beside what customers said, both out of 100"
      className="fb-wide"
    >
      <SectionState
        what="blind spots"
        loading={loading}
        error={error}
        hasData={!!spots}
        onRetry={() => void refetch()}
      >
        {spots && spots.length > 0 ? (
          <BlindSpotsView spots={spots} />
        ) : (
          <EmptyState
            compact
            title="Nothing to compare yet"
            description="Audit a touchpoint and bind a survey to it: this view puts the two side by side."
          />
        )}
      </SectionState>
    </Card>
  );
}
