import { clamp, gaussian } from './chance';
import type { CopyValue } from './copy-rows';
import { randomFor } from './ids';
import { DAY_MS } from './options';
import { CADENCES, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, TAGS } from './vocabulary';
import type { World } from './world';

export const CUSTOMER_COLUMNS = [
  'workspace_id',
  'id',
  'name',
  'company',
  'email',
  'phone',
  'tags',
  'notes',
  'owner_id',
  'cadence_days',
  'status',
  'created_at',
  'updated_at',
  'next_check_in_due_at',
];

/**
 * The customers, created over the workspace's history with more of them lately (a growing
 * business), most with a relationship owner (a few members own the most), a third with a cadence of
 * their own, a few archived. Records each one's facts in `world.customers` as it goes.
 */
export function* customerRows(world: World): Generator<CopyValue[]> {
  const r = randomFor(world.seed, world.stream('customers'));
  const facts = world.customers;
  const staff = world.members.length;
  const start = world.createdAt + 2 * DAY_MS;
  const span = world.now - DAY_MS - start;
  // Drawn first and sorted: customers go in in the order they joined, as the app would have added them.
  const joined = Float64Array.from({ length: world.spec.customers }, () =>
    Math.floor(start + Math.sqrt(r.next()) * span),
  ).sort();
  for (let c = 0; c < world.spec.customers; c++) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const createdAt = joined[c] as number;
    // Squaring skews ownership towards the first members: some own thousands, some a few hundred.
    const owner = r.chance(0.9) ? Math.floor(r.next() ** 2 * staff) : -1;
    const cadence = r.chance(0.35) ? r.pick(CADENCES) : null;
    const archived = r.chance(0.05);
    facts.createdAt[c] = createdAt;
    facts.owner[c] = owner;
    facts.archived[c] = archived ? 1 : 0;
    facts.disposition[c] = clamp(0.35 + gaussian(r) * 0.45, -1, 1);
    const tags = TAGS.filter(() => r.chance(0.12));
    const created = new Date(createdAt);
    yield [
      world.workspaceId,
      world.id('customer', c),
      `${first} ${last}`,
      r.chance(0.3) ? `${last} ${r.pick(COMPANY_WORDS)}` : null,
      r.chance(0.8)
        ? `${first}.${last}.${c}@customers.example`.toLowerCase().replace(/[^a-z0-9.@]/g, '')
        : null,
      r.chance(0.5) ? `+44 7700 ${String(r.int(0, 999_999)).padStart(6, '0')}` : null,
      tags,
      r.chance(0.1) ? 'Prefers to be called in the morning.' : null,
      owner >= 0 ? (world.members[owner]?.id ?? null) : null,
      cadence,
      archived ? 'ARCHIVED' : 'ACTIVE',
      created,
      created,
      // Not null in the schema; the health refresh sets the real one.
      new Date(createdAt + (cadence ?? 30) * DAY_MS),
    ];
  }
}

/**
 * How many interactions each customer has, exactly `spec.interactions` in all: about one in eight
 * none, the rest a heavy-tailed share (a few regulars have hundreds), longer-standing customers more.
 */
export function allocateInteractions(world: World): void {
  const r = randomFor(world.seed, world.stream('interaction-counts'));
  const { customers, interactions } = world.spec;
  const { createdAt, first } = world.customers;
  const weights = new Float64Array(customers);
  let total = 0;
  for (let c = 0; c < customers; c++) {
    const age = (world.now - (createdAt[c] as number)) / DAY_MS;
    const weight = c > 0 && r.chance(0.12) ? 0 : (-Math.log(1 - r.next())) ** 1.6 * (30 + age);
    weights[c] = weight;
    total += weight;
  }
  let given = 0;
  const counts = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    counts[c] = Math.floor(((weights[c] as number) / total) * interactions);
    given += counts[c] as number;
  }
  // What rounding down left over goes one each to customers with a share, in turn.
  for (let c = 0; given < interactions; c = (c + 1) % customers) {
    if ((weights[c] as number) > 0) {
      counts[c] = (counts[c] as number) + 1;
      given++;
    }
  }
  first[0] = 0;
  for (let c = 0; c < customers; c++) first[c + 1] = (first[c] as number) + (counts[c] as number);
}
