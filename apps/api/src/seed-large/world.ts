import type { Channel, JourneyStage, Role } from '@rapport/domain';
import { Ids } from './ids';
import { DAY_MS, HISTORY_DAYS, type SeedLargePlan } from './options';

export const LARGE_WORKSPACE_NAME = 'Northwind Bakeries';

/** The large workspace's owner, who a benchmark signs in as. */
export const LARGE_OWNER = {
  name: 'Nora Northwind',
  email: 'owner@northwind.example',
  password: 'northwind-bench-owner',
} as const;
/** Every staff member of the large workspace (staff01@… to staff25@…) signs in with this password. */
export const LARGE_STAFF_PASSWORD = 'northwind-bench-staff';
/** The owner and staff of every small workspace (owner@small-01.example, staff1@small-01.example, …). */
export const SMALL_WORKSPACE_PASSWORD = 'small-bench-password';

const LARGE_STAFF = 25;

/** How big one workspace is; the large one and the small ones go through the same generators. */
export interface WorkspaceSpec {
  /** 0 for the large workspace, 1… for the small ones. */
  index: number;
  name: string;
  ownerName: string;
  ownerEmail: string;
  staffEmails: string[];
  customers: number;
  interactions: number;
  touchpoints: number;
  audits: number;
  feedbackAnswers: number;
  pendingFeedback: number;
  historyDays: number;
}

export interface SeededMember {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface SeededTouchpoint {
  id: string;
  name: string;
  channel: Channel;
  stage: JourneyStage;
}

/** Per customer, by index: what later tables need to stay consistent with it. */
export interface CustomerFacts {
  createdAt: Float64Array;
  /** Index into members, -1 for none. */
  owner: Int16Array;
  archived: Uint8Array;
  /** -1 (unhappy) … 1 (delighted): tilts their sentiments and health. */
  disposition: Float32Array;
  /** Their interactions are indices first[c] … first[c + 1] - 1. */
  first: Int32Array;
}

/** Per interaction, by index (a customer's are contiguous), all drawn before any is written. */
export interface InteractionFacts {
  occurredAt: Float64Array;
  /** Index into members, -1 for none. */
  member: Int16Array;
  /** Index into touchpoints, -1 for none. */
  touchpoint: Int16Array;
  /** Index into INTERACTION_PURPOSES. */
  purpose: Uint8Array;
  sentiment: Int8Array;
  inbound: Uint8Array;
  /** Without a touchpoint: index into the channels an interaction can have without one. */
  channel: Uint8Array;
  /** Index into the purpose's summaries. */
  summary: Uint8Array;
  /** Index into FRICTION_NOTES, -1 for none. */
  note: Int8Array;
  /** Days after it that a follow-up is due, 0 for none. */
  followUpDays: Uint8Array;
  /** Interactions whose friction note was raised as a friction point, with the note. */
  raised: { interaction: number; note: string }[];
}

/** One workspace being seeded: its spec, ids, and the facts generated so far. */
export interface World {
  spec: WorkspaceSpec;
  seed: number;
  /** Milliseconds: the seeded history ends here. */
  now: number;
  workspaceId: string;
  createdAt: number;
  id(kind: string, index: number): string;
  stream(name: string): string;
  members: SeededMember[];
  touchpoints: SeededTouchpoint[];
  customers: CustomerFacts;
  interactions: InteractionFacts;
}

export function largeSpec(plan: SeedLargePlan): WorkspaceSpec {
  return {
    index: 0,
    name: LARGE_WORKSPACE_NAME,
    ownerName: LARGE_OWNER.name,
    ownerEmail: LARGE_OWNER.email,
    staffEmails: Array.from(
      { length: LARGE_STAFF },
      (_, i) => `staff${String(i + 1).padStart(2, '0')}@northwind.example`,
    ),
    customers: plan.customers,
    interactions: plan.interactions,
    touchpoints: 30,
    audits: plan.audits,
    feedbackAnswers: plan.feedbackAnswers,
    pendingFeedback: plan.pendingFeedback,
    historyDays: HISTORY_DAYS,
  };
}

/** Small workspace n (1…): 2–4 staff, 20–200 customers, 3–12 interactions each, one or two touchpoints. */
export function smallSpec(n: number, draw: (min: number, max: number) => number): WorkspaceSpec {
  const domain = `small-${String(n).padStart(2, '0')}.example`;
  const customers = draw(20, 200);
  return {
    index: n,
    name: `Small Shop ${String(n).padStart(2, '0')}`,
    ownerName: `Owner ${n}`,
    ownerEmail: `owner@${domain}`,
    staffEmails: Array.from({ length: draw(2, 4) }, (_, i) => `staff${i + 1}@${domain}`),
    customers,
    interactions: customers * draw(3, 12),
    touchpoints: draw(1, 2),
    audits: 0,
    feedbackAnswers: 0,
    pendingFeedback: 0,
    historyDays: draw(180, HISTORY_DAYS),
  };
}

/** The id kind (and stream name) of `kind` in workspace `index`: ids never collide across workspaces. */
export const scopedKind = (index: number, kind: string): string => `w${index}:${kind}`;

export function newWorld(plan: SeedLargePlan, spec: WorkspaceSpec): World {
  const ids = new Ids(plan.seed);
  const now = plan.now.getTime();
  return {
    spec,
    seed: plan.seed,
    now,
    workspaceId: ids.id('workspace', spec.index),
    createdAt: now - (spec.historyDays + 7) * DAY_MS,
    id: (kind, index) => ids.id(scopedKind(spec.index, kind), index),
    stream: (name) => scopedKind(spec.index, name),
    members: [],
    touchpoints: [],
    customers: {
      createdAt: new Float64Array(spec.customers),
      owner: new Int16Array(spec.customers),
      archived: new Uint8Array(spec.customers),
      disposition: new Float32Array(spec.customers),
      first: new Int32Array(spec.customers + 1),
    },
    interactions: {
      occurredAt: new Float64Array(spec.interactions),
      member: new Int16Array(spec.interactions),
      touchpoint: new Int16Array(spec.interactions),
      purpose: new Uint8Array(spec.interactions),
      sentiment: new Int8Array(spec.interactions),
      inbound: new Uint8Array(spec.interactions),
      channel: new Uint8Array(spec.interactions),
      summary: new Uint8Array(spec.interactions),
      note: new Int8Array(spec.interactions),
      followUpDays: new Uint8Array(spec.interactions),
      raised: [],
    },
  };
}
