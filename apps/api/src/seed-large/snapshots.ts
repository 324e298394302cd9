import { bandOf } from '@rapport/domain';
import { clamp, gaussian } from './chance';
import type { CopyValue } from './copy-rows';
import { randomFor } from './ids';
import { DAY_MS, SNAPSHOT_DAYS, startOfUtcDay } from './options';
import type { World } from './world';

export const SNAPSHOT_COLUMNS = ['workspace_id', 'customer_id', 'day', 'score', 'band'];

/** Customer indices in the order of their ids. */
function customersInIdOrder(world: World): number[] {
  const ids = Array.from({ length: world.spec.customers }, (_, c) => world.id('customer', c));
  return Array.from(ids.keys()).sort((a, b) => ((ids[a] as string) < (ids[b] as string) ? -1 : 1));
}

/**
 * One health snapshot per customer for each of the SNAPSHOT_DAYS days before today that it existed,
 * as the hourly pass would have left them: a score wandering around a level set by the customer's
 * disposition (the same that tilted their sentiments), with the band the domain gives it. Today's
 * snapshot is the health refresh's own. Rows go out in primary-key order (customer id, day), so the
 * millions of entries land at the right edge of the index, not at random places in an index larger
 * than memory (where the app's daily pass puts each day's).
 */
export function* snapshotRows(world: World): Generator<CopyValue[]> {
  const r = randomFor(world.seed, world.stream('snapshots'));
  const today = startOfUtcDay(new Date(world.now)).getTime();
  const days = Array.from({ length: SNAPSHOT_DAYS }, (_, d) => {
    const at = today - (SNAPSHOT_DAYS - d) * DAY_MS;
    return { at, day: new Date(at).toISOString().slice(0, 10) };
  });
  const { customers: cf } = world;
  for (const c of customersInIdOrder(world)) {
    const customerId = world.id('customer', c);
    const contacts = (cf.first[c + 1] as number) - (cf.first[c] as number);
    const level = clamp(55 + 30 * (cf.disposition[c] as number) - (contacts === 0 ? 20 : 0), 5, 95);
    let score = level + gaussian(r) * 8;
    const createdDay = startOfUtcDay(new Date(cf.createdAt[c] as number)).getTime();
    for (const { at, day } of days) {
      score = clamp(score + 0.2 * (level - score) + gaussian(r) * 2.5, 0, 100);
      if (at < createdDay) continue;
      const rounded = Math.round(score);
      yield [world.workspaceId, customerId, day, rounded, bandOf(rounded)];
    }
  }
}
