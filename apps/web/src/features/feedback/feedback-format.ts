import { ANONYMITY_THRESHOLD, type FeedbackRequestStatus, type SurveyType } from '@rapport/domain';
import type { BadgeTone } from '@rapport/ui';
import { utcMonthYear } from '~/app/labels';

/** How many months the charts and the per-touchpoint breakdown cover (this one included). */
export const FEEDBACK_MONTHS = 6;

/** The guard's sentence, wherever a group's scores are hidden. */
export const GUARD_MESSAGE = `fewer than ${ANONYMITY_THRESHOLD} anonymous answers — hidden to protect who said what`;

/** A gap (customers − auditors, on 0..1) this large or larger is highlighted. */
export const GAP_THRESHOLD = 0.2;

export const SURVEY_TYPE_LABELS: Record<SurveyType, { label: string; scale: string; name: string }> = {
  NPS: { label: 'NPS', scale: '0–10', name: 'Net Promoter Score' },
  CSAT: { label: 'CSAT', scale: '1–5', name: 'Customer satisfaction' },
  CES: { label: 'CES', scale: '1–7', name: 'Customer effort' },
};

export const QUESTION_SUGGESTIONS: Record<SurveyType, string> = {
  NPS: 'How likely are you to recommend us to a friend?',
  CSAT: 'How satisfied were you with your visit today?',
  CES: 'How easy was it to get what you needed?',
};

export const REQUEST_STATUS_LABELS: Record<FeedbackRequestStatus, { label: string; tone: BadgeTone }> = {
  PENDING: { label: 'Pending', tone: 'info' },
  ANSWERED: { label: 'Answered', tone: 'success' },
  EXPIRED: { label: 'Expired', tone: 'neutral' },
};

export interface Summary {
  responses: number;
  nps?: number | null;
  csat?: number | null;
  ces?: number | null;
}

/**
 * Whether the anonymity guard hid a group's scores: it has answers but no score at all (a group
 * with answers always has at least one score, unless 1–4 of them are anonymous).
 */
export function isGuarded(summary: Summary): boolean {
  return summary.responses > 0 && summary.nps == null && summary.csat == null && summary.ces == null;
}

export interface Month {
  /** ISO start, inclusive. */
  from: string;
  /** ISO end, exclusive: the next month's start. */
  to: string;
  /** "Jun 2025". */
  label: string;
}

/** The last `count` calendar months (UTC), oldest first; the last is the current month. */
export function lastMonths(now: Date = new Date(), count = FEEDBACK_MONTHS): Month[] {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(Date.UTC(year, month - (count - 1) + i, 1));
    const end = new Date(Date.UTC(year, month - (count - 1) + i + 1, 1));
    return { from: start.toISOString(), to: end.toISOString(), label: utcMonthYear(start) };
  });
}

/** The variables of FeedbackScoresOverTime for six months: from0/to0 … from5/to5. */
export function monthVariables(months: readonly Month[]) {
  const vars: Record<string, string> = {};
  months.forEach((m, i) => {
    vars[`from${i}`] = m.from;
    vars[`to${i}`] = m.to;
  });
  return vars as {
    from0: string;
    to0: string;
    from1: string;
    to1: string;
    from2: string;
    to2: string;
    from3: string;
    to3: string;
    from4: string;
    to4: string;
    from5: string;
    to5: string;
  };
}

export type Metric = 'nps' | 'csat' | 'ces';

export const METRICS: readonly { key: Metric; type: SurveyType; title: string; description: string }[] = [
  {
    key: 'nps',
    type: 'NPS',
    title: 'NPS',
    description: '% promoters (9–10) − % detractors (0–6), −100 to +100',
  },
  { key: 'csat', type: 'CSAT', title: 'CSAT', description: 'Share of answers that are 4 or 5 out of 5' },
  { key: 'ces', type: 'CES', title: 'CES', description: 'Mean effort answer, 1 (hard) to 7 (easy)' },
];

/** NPS "+23" / "−10", CSAT "82%", CES "5.4"; null → "–". */
export function formatMetric(metric: Metric, value: number | null | undefined): string {
  if (value == null) return '–';
  if (metric === 'nps') {
    const rounded = Math.round(value);
    return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
  }
  if (metric === 'csat') return `${Math.round(value * 100)}%`;
  return value.toFixed(1);
}

/** A 0..1 score as "72%"; null → "–". */
export function formatScore01(value: number | null | undefined): string {
  return value == null ? '–' : `${Math.round(value * 100)}%`;
}

/** A gap on 0..1 as signed points: "+24 pts", "−31 pts", "0 pts". */
export function formatGap(gap: number): string {
  const points = Math.round(gap * 100);
  return points > 0 ? `+${points} pts` : points < 0 ? `−${Math.abs(points)} pts` : '0 pts';
}

export type GapVerdict = 'worse' | 'better' | 'aligned' | 'unknown';

export function gapVerdict(gap: number | null | undefined): GapVerdict {
  if (gap == null) return 'unknown';
  // A little slack: 0.2 can arrive as 0.19999999999999996.
  if (gap <= -GAP_THRESHOLD + 1e-9) return 'worse';
  if (gap >= GAP_THRESHOLD - 1e-9) return 'better';
  return 'aligned';
}

export const GAP_MESSAGES: Record<Exclude<GapVerdict, 'unknown'>, string> = {
  worse: 'Customers feel worse than your audits say',
  better: 'Customers feel better than your audits say',
  aligned: 'Customers and audits roughly agree',
};

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
