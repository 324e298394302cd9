import type { FrictionSource } from '@rapport/domain';
import type { CopyValue } from './copy-rows';
import { randomFor } from './ids';
import { DAY_MS } from './options';
import { FRICTION_NOTES, RESOLUTIONS } from './vocabulary';
import type { World } from './world';

export const FRICTION_COLUMNS = [
  'workspace_id',
  'id',
  'touchpoint_id',
  'customer_id',
  'description',
  'severity',
  'status',
  'owner_id',
  'resolution',
  'source',
  'observation_id',
  'interaction_id',
  'feedback_response_id',
  'created_by',
  'created_at',
  'updated_at',
  'resolved_at',
];

/** A friction point as raised (OPEN), before time moved it along. */
export interface RaisedFriction {
  id: string;
  touchpointId: string | null;
  customerId: string | null;
  description: string;
  severity: number;
  ownerId: string | null;
  source: FrictionSource;
  observationId?: string;
  interactionId?: string;
  feedbackResponseId?: string;
  createdBy: string | null;
  createdAt: number;
}

/**
 * Friction raised from interactions' friction notes (as `raiseFrictionPoint` with an interaction
 * does: its customer, touchpoint and the customer's owner) and raised by hand, one per 300 customers.
 */
export function raisedByMembers(world: World): RaisedFriction[] {
  const r = randomFor(world.seed, world.stream('manual-friction'));
  const { customers: cf, interactions: facts, members, touchpoints } = world;
  const customerOf = (i: number) => {
    let lo = 0;
    let hi = world.spec.customers - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((cf.first[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const ownerOf = (c: number) => members[cf.owner[c] as number]?.id ?? null;
  const fromInteractions = facts.raised.map(({ interaction: i, note }, n): RaisedFriction => {
    const c = customerOf(i);
    return {
      id: world.id('interaction-friction', n),
      touchpointId: touchpoints[facts.touchpoint[i] as number]?.id ?? null,
      customerId: world.id('customer', c),
      description: note,
      severity: r.int(1, 3),
      ownerId: ownerOf(c),
      source: 'INTERACTION',
      interactionId: world.id('interaction', i),
      createdBy: members[facts.member[i] as number]?.id ?? null,
      createdAt: (facts.occurredAt[i] as number) + 3_600_000,
    };
  });
  const manual = Array.from({ length: Math.floor(world.spec.customers / 300) }, (_, n): RaisedFriction => {
    const c = r.int(0, world.spec.customers - 1);
    const onCustomer = r.chance(0.5);
    const since = onCustomer ? (cf.createdAt[c] as number) : world.createdAt + 2 * DAY_MS;
    return {
      id: world.id('manual-friction', n),
      touchpointId: touchpoints.length > 0 ? r.pick(touchpoints).id : null,
      customerId: onCustomer ? world.id('customer', c) : null,
      description: r.pick(FRICTION_NOTES),
      severity: r.int(1, 3),
      ownerId: onCustomer ? ownerOf(c) : null,
      source: 'MANUAL',
      createdBy: r.pick(members).id,
      createdAt: since + r.next() * (world.now - DAY_MS - since),
    };
  });
  return [...fromInteractions, ...manual];
}

/**
 * The points as the register holds them today: older ones mostly resolved (with a resolution, and
 * an owner who took them on), recent ones mostly open or in progress.
 */
export function* frictionRows(world: World, points: readonly RaisedFriction[]): Generator<CopyValue[]> {
  const r = randomFor(world.seed, world.stream('friction-status'));
  for (const p of points) {
    const ageDays = (world.now - p.createdAt) / DAY_MS;
    const x = r.next();
    const status =
      ageDays > 60
        ? x < 0.75
          ? 'RESOLVED'
          : x < 0.85
            ? 'IN_PROGRESS'
            : 'OPEN'
        : x < 0.2
          ? 'RESOLVED'
          : x < 0.5
            ? 'IN_PROGRESS'
            : 'OPEN';
    const resolvedAt = status === 'RESOLVED' ? p.createdAt + r.next() * Math.min(ageDays, 45) * DAY_MS : null;
    const ownerId = p.ownerId ?? (status === 'OPEN' ? null : r.pick(world.members).id);
    const updatedAt =
      resolvedAt ??
      (status === 'IN_PROGRESS' ? p.createdAt + r.next() * Math.min(ageDays, 10) * DAY_MS : p.createdAt);
    yield [
      world.workspaceId,
      p.id,
      p.touchpointId,
      p.customerId,
      p.description,
      p.severity,
      status,
      ownerId,
      status === 'RESOLVED' ? r.pick(RESOLUTIONS) : null,
      p.source,
      p.observationId ?? null,
      p.interactionId ?? null,
      p.feedbackResponseId ?? null,
      p.createdBy,
      new Date(p.createdAt),
      new Date(updatedAt),
      resolvedAt === null ? null : new Date(resolvedAt),
    ];
  }
}
