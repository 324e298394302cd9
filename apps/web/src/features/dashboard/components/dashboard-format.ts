import type { HealthBandName } from '@rapport/ui';
import { utcMonthDay } from '~/app/labels';

/** Band order on the dashboard, best first. */
export const BANDS: readonly HealthBandName[] = ['HEALTHY', 'WATCH', 'AT_RISK'];

/**
 * Band colours for chart fills (SVG attributes cannot read CSS custom properties everywhere): the
 * `--rp-color-success-700`, `--rp-color-warning-700` and `--rp-color-danger-600` tokens.
 */
export const BAND_COLORS: Record<HealthBandName, string> = {
  HEALTHY: '#1f6b3a',
  WATCH: '#8a5a06',
  AT_RISK: '#c0352f',
};

/** `--rp-color-brand-600`, `--rp-color-gray-100`, `--rp-color-gray-600`. */
export const CHART_COLORS = { line: '#0f7a6b', grid: '#ededea', axis: '#5c5c55' } as const;

/** How every chart axis looks: bare, with small gray labels. */
export const AXIS_STYLE = {
  tickLine: false,
  axisLine: false,
  tick: { fill: CHART_COLORS.axis, fontSize: 12 },
} as const;

/** The window the trend and the contact mix cover. */
export const DASHBOARD_DAYS = 90;

/** How many rows the overdue and at-risk lists show. */
export const DASHBOARD_LIST_SIZE = 10;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since a check-in fell due (0 on the day it fell due). */
export function daysOverdue(dueAt: string, now: Date = new Date()): number {
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return 0;
  return Math.max(0, Math.floor((now.getTime() - due) / DAY_MS));
}

/** "Due today", "1 day overdue", "12 days overdue". */
export function describeOverdue(days: number): string {
  if (days <= 0) return 'Due today';
  return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
}

/** "2025-11-03" (a UTC day, as the API sends it) → "Nov 3". */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : utcMonthDay(date);
}

/** 0.4 → "40%"; null → "–". */
export function formatShare(share: number | null | undefined): string {
  return share == null ? '–' : `${Math.round(share * 100)}%`;
}

/**
 * An axis tick's count in a few characters, so a chain's counts fit the axis: 950 → "950",
 * 2500 → "2.5k", 45000 → "45k", 1200000 → "1.2M".
 */
export function formatAxisCount(count: number): string {
  if (Math.abs(count) < 1000) return String(count);
  // One decimal below 10 ("2.5k"), none above ("45k"); never a trailing ".0".
  const compact = (value: number, unit: string) =>
    `${Number(value.toFixed(Math.abs(value) < 10 ? 1 : 0))}${unit}`;
  // 999,500 would round to "1000k".
  return Math.abs(count) < 999_500 ? compact(count / 1000, 'k') : compact(count / 1_000_000, 'M');
}
