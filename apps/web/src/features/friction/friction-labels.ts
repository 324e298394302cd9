import {
  FRICTION_SOURCES,
  FRICTION_STATUSES,
  type FrictionSource,
  type FrictionStatus,
} from '@rapport/domain';
import type { BadgeTone } from '@rapport/ui';

export const FRICTION_STATUS_LABELS: Record<FrictionStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  RESOLVED: 'Resolved',
};

export const FRICTION_SOURCE_LABELS: Record<FrictionSource, string> = {
  AUDIT: 'Audit',
  FEEDBACK: 'Feedback',
  INTERACTION: 'Interaction',
  MANUAL: 'By hand',
};

export const SEVERITIES = [1, 2, 3] as const;

export const SEVERITY_LABELS: Record<number, { label: string; tone: BadgeTone }> = {
  1: { label: 'Minor', tone: 'info' },
  2: { label: 'Moderate', tone: 'warning' },
  3: { label: 'Severe', tone: 'danger' },
};

export function severityLabel(severity: number): { label: string; tone: BadgeTone } {
  return SEVERITY_LABELS[severity] ?? { label: `Severity ${severity}`, tone: 'neutral' };
}

export function isFrictionStatus(value: string | null): value is FrictionStatus {
  return (FRICTION_STATUSES as readonly string[]).includes(value ?? '');
}

export function isFrictionSource(value: string | null): value is FrictionSource {
  return (FRICTION_SOURCES as readonly string[]).includes(value ?? '');
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "today", "yesterday", "5 days ago", "3 weeks ago", "4 months ago". */
export function formatAge(iso: string, now: Date = new Date()): string {
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const days = Math.max(0, Math.floor((now.getTime() - then) / DAY_MS));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  if (days < 60) return `${Math.floor(days / 7)} weeks ago`;
  if (days < 730) return `${Math.floor(days / 30)} months ago`;
  return `${Math.floor(days / 365)} years ago`;
}
