import type {
  Channel,
  CustomerStatus,
  Direction,
  InteractionPurpose,
  JourneyStage,
  Role,
} from '@rapport/domain';

export const CHANNEL_LABELS: Record<Channel, string> = {
  WEB: 'Website',
  PHONE: 'Phone',
  EMAIL: 'Email',
  STORE: 'Store',
  OFFICE: 'Office',
  SOCIAL: 'Social media',
  MAIL: 'Mail',
  EVENT: 'Event',
  OTHER: 'Other',
};

export const STAGE_LABELS: Record<JourneyStage, { label: string; description: string }> = {
  DISCOVER: { label: 'Discover', description: 'How people first find and learn about you' },
  BUY: { label: 'Buy', description: 'Quotes, orders, bookings and payment' },
  ONBOARD: { label: 'Onboard', description: 'Getting started after the purchase' },
  USE: { label: 'Use', description: 'Day-to-day use of what you provide' },
  SUPPORT: { label: 'Support', description: 'Questions, problems and repairs' },
  BILLING: { label: 'Billing', description: 'Invoices, renewals and refunds' },
  RETURN: { label: 'Return', description: 'Coming back, buying again, referring others' },
};

export const ROLE_LABELS: Record<Role, string> = { OWNER: 'Owner', STAFF: 'Staff' };

export const STATUS_LABELS: Record<CustomerStatus, string> = { ACTIVE: 'Active', ARCHIVED: 'Archived' };

export const DIRECTION_LABELS: Record<Direction, string> = {
  OUTBOUND: 'We reached out',
  INBOUND: 'They reached us',
};

export const PURPOSE_LABELS: Record<InteractionPurpose, string> = {
  RELATIONSHIP: 'Relationship (not sales)',
  SALES: 'Sales',
  SERVICE: 'Service',
  SUPPORT: 'Support',
};

/** Sentiment −2..+2, as words. */
export const SENTIMENT_LABELS: Record<string, string> = {
  '-2': 'Very negative',
  '-1': 'Negative',
  '0': 'Neutral',
  '1': 'Positive',
  '2': 'Very positive',
};

/** "+2", "0", "−1". */
export function formatSentiment(sentiment: number): string {
  if (sentiment > 0) return `+${sentiment}`;
  return sentiment < 0 ? `−${-sentiment}` : '0';
}

/*
 * Dates in English, written out here rather than by `Intl.DateTimeFormat`: a page's first Intl date
 * or number formatter loads ICU's locale data, 30–90 ms in Chromium on the development machine (in a
 * fresh page), which Lighthouse's simulated phone counts four times over, in the dashboard's first
 * task. The product speaks English only; labels.test.ts holds these to Intl's 'en' output.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 25, 2025", in the browser's time zone (Intl's `dateStyle: 'medium'`). */
export function mediumDate(date: Date): string {
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

/** "Nov 25, 2025, 3:04 PM", in the browser's time zone (`dateStyle: 'medium', timeStyle: 'short'`). */
export function mediumDateTime(date: Date): string {
  const hour = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${mediumDate(date)}, ${hour % 12 || 12}:${minutes} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "Nov 3", in UTC. */
export function utcMonthDay(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "Nov 2025", in UTC. */
export function utcMonthYear(date: Date): string {
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "Nov 25, 2025, 3:04 PM"; an unparsable date is shown as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : mediumDateTime(date);
}

/** "Nov 25, 2025"; an unparsable date is shown as given. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : mediumDate(date);
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
