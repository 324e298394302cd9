import { groupByStage, type JourneyStage } from '@rapport/domain';
import { useId } from 'react';
import { STAGE_LABELS } from '~/app/labels';
import { HEAT_COLUMNS, type HeatScores, heatCell, heatClassName } from './heat-map';
import '../touchpoints.css';

export interface HeatMapTouchpoint extends HeatScores {
  id: string;
  name: string;
  stage: JourneyStage;
  momentOfTruth?: boolean;
}

const HEAT_LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * Touchpoints by journey stage × the four audit factors, consistency and open friction, each cell
 * coloured from red (poor) through amber to green (good). A real table: on a phone it scrolls
 * sideways inside its frame, with the touchpoint names kept in view.
 */
export function TouchpointHeatMap({ touchpoints }: { touchpoints: readonly HeatMapTouchpoint[] }) {
  const captionId = useId();
  const legendId = useId();
  return (
    <div className="heat-map">
      <section
        className="heat-map__scroll"
        // Focusable, so a keyboard can scroll it on a narrow screen.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        aria-labelledby={captionId}
        aria-describedby={legendId}
      >
        <table className="heat-table">
          <caption id={captionId} className="heat-table__caption">
            Touchpoint heat map: mean audit ratings (1–5), consistency across audits (0–1) and open friction
            points, by journey stage
          </caption>
          <thead>
            <tr>
              <th scope="col" className="heat-table__corner">
                Touchpoint
              </th>
              {HEAT_COLUMNS.map((column) => (
                <th key={column.key} scope="col" className="heat-table__col">
                  <span className="heat-table__col-label">{column.label}</span>
                  <span className="heat-table__col-hint">{column.hint}</span>
                </th>
              ))}
            </tr>
          </thead>
          {groupByStage(touchpoints).map((group) => (
            <tbody key={group.stage} className="heat-table__stage">
              <tr>
                <th scope="rowgroup" colSpan={HEAT_COLUMNS.length + 1} className="heat-table__stage-name">
                  {STAGE_LABELS[group.stage].label}
                </th>
              </tr>
              {group.touchpoints.map((tp) => (
                <tr key={tp.id}>
                  <th scope="row" className="heat-table__name">
                    {tp.name}
                    {tp.momentOfTruth && (
                      <span className="heat-table__mot" title="Moment of truth">
                        <span aria-hidden="true"> ★</span>
                        <span className="rp-visually-hidden"> (moment of truth)</span>
                      </span>
                    )}
                  </th>
                  {HEAT_COLUMNS.map((column) => {
                    const cell = heatCell(tp, column.key);
                    return (
                      <td
                        key={column.key}
                        className={heatClassName(cell.level)}
                        title={cell.note ?? undefined}
                      >
                        {cell.note ? (
                          <>
                            <span aria-hidden="true">{cell.text}</span>
                            <span className="rp-visually-hidden">{cell.note}</span>
                          </>
                        ) : (
                          cell.text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
      <div className="heat-legend" id={legendId}>
        <p className="heat-legend__scale">
          <span>Poor</span>
          {HEAT_LEVELS.map((level) => (
            <span key={level} className={`heat-legend__swatch heat-cell--${level}`} aria-hidden="true" />
          ))}
          <span>Good</span>
          <span className="heat-legend__swatch heat-cell--none" aria-hidden="true">
            —
          </span>
          <span>No audits yet</span>
        </p>
        <p className="heat-legend__detail">
          Ratings run from 1 (red) through 3 (amber) to 5 (green); consistency from 0 to 1 (needs two audits);
          open friction is green at none and redder with each one, red from 4.
        </p>
      </div>
    </div>
  );
}
