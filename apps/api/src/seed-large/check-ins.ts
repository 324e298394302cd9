import type { CopyValue } from './copy-rows';
import { randomFor } from './ids';
import { isRelationship } from './interactions';
import { DAY_MS } from './options';
import { SKIP_REASONS } from './vocabulary';
import type { World } from './world';

export const CHECK_IN_COLUMNS = [
  'workspace_id',
  'id',
  'customer_id',
  'assignee_id',
  'due_at',
  'note',
  'status',
  'skip_reason',
  'interaction_id',
  'created_by',
  'created_at',
  'closed_at',
];

/**
 * Check-ins of active customers: some relationship contacts closed a planned check-in (DONE, linked
 * to that interaction), some were skipped, and a third of the customers have one planned, from a
 * month overdue to six weeks ahead.
 */
export function* checkInRows(world: World): Generator<CopyValue[]> {
  const r = randomFor(world.seed, world.stream('check-ins'));
  const { customers: cf, interactions: facts, members } = world;
  let n = 0;
  const row = (
    c: number,
    assignee: number,
    dueAt: number,
    status: 'PLANNED' | 'DONE' | 'SKIPPED',
    closedAt: number | null,
    interaction: number | null,
  ): CopyValue[] => {
    const createdAt = Math.max(cf.createdAt[c] as number, Math.min(dueAt - 14 * DAY_MS, world.now - DAY_MS));
    return [
      world.workspaceId,
      world.id('check-in', n++),
      world.id('customer', c),
      members[assignee]?.id ?? null,
      new Date(dueAt),
      r.chance(0.3) ? 'Ask how the new menu is going' : null,
      status,
      status === 'SKIPPED' ? r.pick(SKIP_REASONS) : null,
      interaction === null ? null : world.id('interaction', interaction),
      members[assignee]?.id ?? null,
      new Date(createdAt),
      closedAt === null ? null : new Date(closedAt),
    ];
  };
  for (let c = 0; c < world.spec.customers; c++) {
    if (cf.archived[c]) continue;
    const owner = cf.owner[c] as number;
    const assignee = owner >= 0 ? owner : r.int(0, members.length - 1);
    let done = 0;
    for (let i = cf.first[c] as number; i < (cf.first[c + 1] as number) && done < 2; i++) {
      if (!isRelationship(world, i) || !r.chance(0.4)) continue;
      const occurredAt = facts.occurredAt[i] as number;
      yield row(c, assignee, occurredAt - r.int(0, 3 * 24) * 3_600_000, 'DONE', occurredAt, i);
      done++;
    }
    const since = (cf.createdAt[c] as number) + DAY_MS;
    if (r.chance(0.1) && since < world.now - 2 * DAY_MS) {
      const dueAt = since + r.next() * (world.now - 2 * DAY_MS - since);
      yield row(c, assignee, dueAt, 'SKIPPED', dueAt + DAY_MS, null);
    }
    if (r.chance(0.33)) {
      const dueAt = Math.max(since, world.now + r.int(-30, 45) * DAY_MS + r.int(8, 17) * 3_600_000);
      yield row(c, assignee, dueAt, 'PLANNED', null, null);
    }
  }
}
