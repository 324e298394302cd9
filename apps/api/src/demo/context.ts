import type { OpenBrowser, Session } from './client';
import type { TouchpointKey } from './data';
import type { DemoPlan, MemberKey } from './plan';

/** What the seeders share: the two members' sessions, the ids made so far, the plan. */
export interface DemoContext {
  open: OpenBrowser;
  workspaceId: string;
  plan: DemoPlan;
  sessions: Record<MemberKey, Session>;
  memberIds: Record<MemberKey, string>;
  touchpoints: Record<TouchpointKey, string>;
  /** Per planned customer (same index): the customer's id and their interactions' ids, oldest first. */
  customers: { id: string; interactionIds: string[] }[];
  log: (line: string) => void;
}

/** Runs `work` over `items`, at most `concurrency` at a time; results in the order of `items`. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
