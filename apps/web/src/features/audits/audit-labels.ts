import type { AuditFactor, AuditStatus, Surprise } from '@rapport/domain';
import type { BadgeTone } from '@rapport/ui';

export const FACTOR_LABELS: Record<AuditFactor, { label: string; question: string }> = {
  accuracy: { label: 'Accuracy', question: 'Correct information and billing, a clear process' },
  availability: { label: 'Availability', question: 'Someone there, ready and glad to help' },
  partnership: { label: 'Partnership', question: 'Treated as a partner, not a stranger' },
  advice: { label: 'Advice', question: 'Capable, knowledgeable people' },
};

/** Ratings 1..5 as words. */
export const RATING_WORDS = ['Poor', 'Fair', 'Good', 'Very good', 'Excellent'] as const;

export const SURPRISE_LABELS: Record<Surprise, { label: string; description: string; tone: BadgeTone }> = {
  NONE: { label: 'None', description: 'As expected', tone: 'neutral' },
  DELIGHT: { label: 'Delight', description: 'Better than expected', tone: 'success' },
  LETDOWN: { label: 'Letdown', description: 'Worse than expected', tone: 'danger' },
};

/** Friction 0..3. */
export const FRICTION_LABELS = [
  { label: 'None', description: 'Smooth' },
  { label: 'Hesitation', description: 'I had to think twice' },
  { label: 'Obstacle', description: 'I had to work around it' },
  { label: 'Blocker', description: 'I could not go on' },
] as const;

export const FRICTION_TONES: readonly BadgeTone[] = ['success', 'warning', 'danger', 'danger'];

export const AUDIT_STATUS_LABELS: Record<AuditStatus, { label: string; tone: BadgeTone }> = {
  DRAFT: { label: 'Not started', tone: 'neutral' },
  IN_PROGRESS: { label: 'In progress', tone: 'info' },
  SUBMITTED: { label: 'Submitted', tone: 'success' },
};

/** Consistency 0..1 (null under two audits) as a percentage and plain words. */
export function describeConsistency(consistency: number | null): { percent: string | null; label: string } {
  if (consistency === null) return { percent: null, label: 'Needs 2+ audits' };
  const percent = `${Math.round(consistency * 100)}%`;
  if (consistency >= 0.9) return { percent, label: 'Very consistent: customers get the same experience' };
  if (consistency >= 0.75) return { percent, label: 'Mostly consistent' };
  if (consistency >= 0.5) return { percent, label: 'Varies from visit to visit' };
  return { percent, label: 'Varies a lot: it depends who you meet' };
}
