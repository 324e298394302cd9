import { AUDIT_FACTORS, type AuditFactor } from '@rapport/domain';

/** 1 (red) … 3 (amber) … 5 (green). */
export type HeatLevel = 1 | 2 | 3 | 4 | 5;

export type HeatColumn = AuditFactor | 'consistency' | 'openFrictionCount';

export interface HeatScores {
  accuracy: number | null;
  availability: number | null;
  partnership: number | null;
  advice: number | null;
  consistency: number | null;
  openFrictionCount: number;
}

export const FACTOR_LABELS: Record<AuditFactor, string> = {
  accuracy: 'Accuracy',
  availability: 'Availability',
  partnership: 'Partnership',
  advice: 'Advice',
};

export const HEAT_COLUMNS: readonly { key: HeatColumn; label: string; hint: string }[] = [
  ...AUDIT_FACTORS.map((factor) => ({ key: factor, label: FACTOR_LABELS[factor], hint: 'mean rating, 1–5' })),
  { key: 'consistency', label: 'Consistency', hint: 'across audits, 0–1' },
  { key: 'openFrictionCount', label: 'Open friction', hint: 'points not yet resolved' },
];

function clampLevel(n: number): HeatLevel {
  return Math.min(5, Math.max(1, Math.round(n))) as HeatLevel;
}

/** A mean rating 1..5 as a level: 1 red, 3 amber, 5 green. */
export function ratingLevel(rating: number): HeatLevel {
  return clampLevel(rating);
}

/** Consistency 0..1 as a level: 0 red, 0.5 amber, 1 green. */
export function consistencyLevel(consistency: number): HeatLevel {
  return clampLevel(1 + consistency * 4);
}

/** Open friction points as a level: none is green, each one more is redder (4 or more: red). */
export function frictionLevel(count: number): HeatLevel {
  return clampLevel(5 - count);
}

export interface HeatCell {
  /** Null: nothing to show yet. */
  level: HeatLevel | null;
  /** What the cell shows: "4.2", "0.8", "3", or "—". */
  text: string;
  /** Said by screen readers and shown on hover for an empty cell. */
  note: string | null;
}

/** The figure, colour level and note of one cell of the heat map. */
export function heatCell(scores: HeatScores, column: HeatColumn): HeatCell {
  if (column === 'openFrictionCount') {
    const count = scores.openFrictionCount;
    return { level: frictionLevel(count), text: String(count), note: null };
  }
  const value = scores[column];
  if (value === null || value === undefined) {
    const audited = AUDIT_FACTORS.some((factor) => scores[factor] !== null && scores[factor] !== undefined);
    const note = column === 'consistency' && audited ? 'Needs two audits or more' : 'No audits yet';
    return { level: null, text: '—', note };
  }
  const level = column === 'consistency' ? consistencyLevel(value) : ratingLevel(value);
  return { level, text: value.toFixed(1), note: null };
}

/** The class of a cell: `heat-cell--1` … `heat-cell--5`, or `heat-cell--none`. */
export function heatClassName(level: HeatLevel | null): string {
  return `heat-cell heat-cell--${level ?? 'none'}`;
}
