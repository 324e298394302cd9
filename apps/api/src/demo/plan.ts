import {
  BUSINESS_ORDERS,
  CES_COMMENTS,
  CSAT_COMMENTS,
  CUSTOMERS,
  DEMO_SEED,
  type DemoCustomer,
  FRICTION_NOTES,
  NEGATIVE_SUMMARIES,
  NPS_COMMENTS,
  PRODUCTS,
  RELATIONSHIP_CHANNELS,
  RELATIONSHIP_TEXTS,
  SALES_TEMPLATES,
  SERVICE_TEXTS,
  SUPPORT_TEXTS,
  type TouchpointKey,
} from './data';
import { Random } from './random';

/**
 * Everything chance decides, decided up front and in one fixed order, so that the seeders may send
 * requests concurrently and the demo still comes out the same: same seed, same workspace (dated
 * relative to `now`).
 */
export const DAY_MS = 86_400_000;
/** The demo's history reaches this far back. */
export const HISTORY_DAYS = 180;

export type Purpose = 'SALES' | 'SERVICE' | 'SUPPORT' | 'RELATIONSHIP';
export type MemberKey = 'owner' | 'staff';

export interface PlannedContact {
  by: MemberKey;
  occurredAt: Date;
  purpose: Purpose;
  direction: 'INBOUND' | 'OUTBOUND';
  touchpoint: TouchpointKey | null;
  channel: (typeof RELATIONSHIP_CHANNELS)[number] | null;
  sentiment: number;
  summary: string;
  frictionNote: string | null;
  followUpAt: Date | null;
}

export interface PlannedAnswer {
  score: number;
  comment: string | null;
}

export interface PlannedCustomer {
  index: number;
  data: DemoCustomer;
  /** Who creates the customer. */
  by: MemberKey;
  /** Oldest first. */
  contacts: PlannedContact[];
  /** The NPS request, and its answer (null: still pending). */
  nps: { by: MemberKey; answer: PlannedAnswer | null } | null;
  /** The CES request about the website order form, and its answer. */
  ces: { by: MemberKey; answer: PlannedAnswer | null } | null;
}

export interface DemoPlan {
  now: Date;
  customers: PlannedCustomer[];
  /** Anonymous answers at the shop counter, one browser each. */
  counterAnswers: PlannedAnswer[];
}

/** A time on a past day: `daysAgo` whole days before today (UTC), during opening hours. */
export function onDay(rng: Random, now: Date, daysAgo: number): Date {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY_MS;
  return new Date(day + rng.int(7, 17) * 3_600_000 + rng.int(0, 11) * 5 * 60_000);
}

const comment = (rng: Random, pool: readonly string[]): string | null => rng.pick(pool) || null;

function loggedBy(rng: Random, customer: DemoCustomer): MemberKey {
  if (!customer.owner) return rng.chance(0.5) ? 'owner' : 'staff';
  if (rng.chance(0.8)) return customer.owner;
  return customer.owner === 'owner' ? 'staff' : 'owner';
}

function sentimentOf(rng: Random, customer: DemoCustomer, daysAgo: number): number {
  switch (customer.persona) {
    case 'loyal':
      return rng.pick([0, 1, 1, 2, 2]);
    case 'regular':
      return rng.pick([-1, 0, 0, 1, 1, 1, 2]);
    case 'drifting':
      return daysAgo < 60 ? rng.pick([-2, -1, -1, 0]) : rng.pick([0, 0, 1, 1]);
    case 'new':
      return rng.pick([1, 1, 2]);
  }
}

/** A sales, service or support contact on a day. */
function businessContact(rng: Random, customer: DemoCustomer, now: Date, daysAgo: number): PlannedContact {
  const roll = rng.next();
  const purpose: Purpose =
    customer.persona === 'new' || roll < 0.55 ? 'SALES' : roll < 0.85 ? 'SERVICE' : 'SUPPORT';
  const sentiment = sentimentOf(rng, customer, daysAgo);
  let touchpoint: TouchpointKey;
  let summary: string;
  if (purpose === 'SALES') {
    touchpoint = customer.business
      ? rng.pick(['phone', 'website'] as const)
      : rng.pick(['counter', 'counter', 'website', 'phone', 'instagram'] as const);
    summary = customer.business
      ? rng.pick(BUSINESS_ORDERS)
      : rng.pick(SALES_TEMPLATES).replace('{product}', rng.pick(PRODUCTS));
  } else if (purpose === 'SERVICE') {
    const where = customer.business
      ? rng.pick(['delivery', 'delivery', 'phone'] as const)
      : rng.pick(['counter', 'phone', 'delivery', 'website'] as const);
    touchpoint = where;
    summary = rng.pick(SERVICE_TEXTS[where]);
  } else {
    touchpoint = customer.business ? 'invoice' : rng.pick(['phone', 'invoice'] as const);
    summary = rng.pick(SUPPORT_TEXTS);
  }
  if (sentiment <= -1 && purpose !== 'SALES' && rng.chance(0.6))
    summary = rng.pick(NEGATIVE_SUMMARIES[touchpoint]);
  const frictionNote = (sentiment <= -1 ? rng.chance(0.7) : rng.chance(0.04))
    ? rng.pick(FRICTION_NOTES[touchpoint])
    : null;
  const occurredAt = onDay(rng, now, daysAgo);
  const followUp = sentiment <= -1 && daysAgo > 3 && rng.chance(0.3);
  return {
    by: loggedBy(rng, customer),
    occurredAt,
    purpose,
    direction: purpose === 'SALES' || purpose === 'SUPPORT' || rng.chance(0.6) ? 'INBOUND' : 'OUTBOUND',
    touchpoint,
    channel: null,
    sentiment,
    summary,
    frictionNote,
    followUpAt: followUp ? new Date(occurredAt.getTime() + 2 * DAY_MS) : null,
  };
}

/** A non-sales check-in on a day. */
function relationshipContact(
  rng: Random,
  customer: DemoCustomer,
  now: Date,
  daysAgo: number,
): PlannedContact {
  const sentiment = customer.persona === 'drifting' ? rng.pick([0, 1]) : rng.pick([1, 1, 2]);
  return {
    by: loggedBy(rng, customer),
    occurredAt: onDay(rng, now, daysAgo),
    purpose: 'RELATIONSHIP',
    direction: rng.chance(0.85) ? 'OUTBOUND' : 'INBOUND',
    touchpoint: null,
    channel: rng.pick(RELATIONSHIP_CHANNELS),
    sentiment,
    summary: rng.pick(RELATIONSHIP_TEXTS),
    frictionNote: null,
    followUpAt: null,
  };
}

/** The days (ago) of a customer's non-sales contacts: recent for the loyal, lapsed for the rest. */
function relationshipDays(rng: Random, customer: DemoCustomer): number[] {
  const cadence = customer.cadenceDays ?? 30;
  const days: number[] = [];
  switch (customer.persona) {
    case 'loyal': {
      let day = rng.int(2, Math.max(3, Math.floor(cadence * 0.7)));
      while (day < HISTORY_DAYS - 5) {
        days.push(day);
        day += Math.max(7, Math.round(cadence * (0.8 + rng.next() * 0.6)));
      }
      break;
    }
    case 'regular': {
      const last = Math.min(HISTORY_DAYS - 10, Math.round(cadence * (1.3 + rng.next())));
      days.push(last);
      if (last + cadence * 1.5 < HISTORY_DAYS - 5) days.push(Math.round(last + cadence * 1.5));
      break;
    }
    case 'drifting':
      if (rng.chance(0.6)) days.push(rng.int(120, HISTORY_DAYS - 5));
      break;
    case 'new':
      break;
  }
  return days;
}

function planContacts(rng: Random, customer: DemoCustomer, now: Date): PlannedContact[] {
  const contacts: PlannedContact[] = [];
  if (customer.persona === 'new') {
    for (let i = rng.int(1, 3); i > 0; i--)
      contacts.push(businessContact(rng, customer, now, rng.int(1, 20)));
  } else {
    const count = customer.business ? rng.int(8, 12) : rng.int(4, 8);
    for (let i = 0; i < count; i++) {
      contacts.push(businessContact(rng, customer, now, rng.int(1, HISTORY_DAYS - 2)));
    }
    if (customer.persona === 'drifting') {
      // Recent trouble: what made them drift.
      for (let i = rng.int(1, 2); i > 0; i--) {
        const contact = businessContact(rng, customer, now, rng.int(2, 30));
        const where = contact.touchpoint ?? 'counter';
        contacts.push({
          ...contact,
          sentiment: rng.pick([-2, -1]),
          frictionNote: rng.pick(FRICTION_NOTES[where]),
        });
      }
    }
    for (const day of relationshipDays(rng, customer))
      contacts.push(relationshipContact(rng, customer, now, day));
  }
  return contacts.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

function npsAnswer(rng: Random, customer: DemoCustomer): PlannedAnswer {
  const score =
    customer.persona === 'loyal'
      ? rng.pick([8, 9, 9, 10, 10])
      : customer.persona === 'regular'
        ? rng.pick([6, 7, 8, 8, 9])
        : rng.pick([2, 3, 4, 5, 6]);
  const pool =
    score >= 9 ? NPS_COMMENTS.promoter : score >= 7 ? NPS_COMMENTS.passive : NPS_COMMENTS.detractor;
  return { score, comment: comment(rng, pool) };
}

function counterAnswer(rng: Random): PlannedAnswer {
  const roll = rng.next();
  const score = roll < 0.4 ? 5 : roll < 0.7 ? 4 : roll < 0.86 ? 3 : roll < 0.95 ? 2 : 1;
  const pool = score >= 4 ? CSAT_COMMENTS.happy : score === 3 ? CSAT_COMMENTS.meh : CSAT_COMMENTS.unhappy;
  return { score, comment: comment(rng, pool) };
}

export function planDemo(now: Date, seed = DEMO_SEED): DemoPlan {
  const rng = new Random(seed);
  let cesAsked = 0;
  const customers = CUSTOMERS.map((data, index): PlannedCustomer => {
    const contacts = planContacts(rng, data, now);
    const by: MemberKey = data.owner ?? 'owner';
    const nps =
      data.persona === 'new'
        ? null
        : { by, answer: rng.chance(data.persona === 'drifting' ? 0.75 : 0.85) ? npsAnswer(rng, data) : null };
    const orderedOnline = contacts.some((c) => c.touchpoint === 'website');
    let ces: PlannedCustomer['ces'] = null;
    if (orderedOnline && cesAsked < 10) {
      cesAsked++;
      const hard = data.persona === 'drifting' || rng.chance(0.1);
      const score = hard ? rng.int(2, 3) : rng.int(5, 7);
      ces = {
        by,
        answer: rng.chance(0.85)
          ? { score, comment: comment(rng, hard ? CES_COMMENTS.hard : CES_COMMENTS.easy) }
          : null,
      };
    }
    return { index, data, by, contacts, nps, ces };
  });
  const counterAnswers = Array.from({ length: 32 }, () => counterAnswer(rng));
  return { now, customers, counterAnswers };
}
