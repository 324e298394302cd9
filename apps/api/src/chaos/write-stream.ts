import { setTimeout as sleep } from 'node:timers/promises';
import type { ApiClient } from './api-client';

const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`;

export interface StreamCounts {
  /** Idempotency key → the interaction id the API acknowledged for it. */
  acknowledged: Map<string, string>;
  /** Keys the stream gave up on: never acknowledged, so they may or may not be stored. */
  abandoned: string[];
  /** Retries by reason (network error, HTTP status). */
  retries: Map<string, number>;
  /** Answers that were errors but not retryable ones: each is a finding. */
  refusals: Map<string, number>;
}

export interface StreamOptions {
  writes: number;
  writers: number;
  customerIds: readonly string[];
  /** Called after each acknowledgement with how many there are so far. */
  onAcknowledged?: (count: number) => void;
  /** How long one key is retried before the stream gives up on it (and says so); default 60 s. */
  giveUpAfterMs?: number;
  /** Asked before each new key: true ends the stream early. */
  until?: () => boolean;
}

const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * A steady stream of `logInteraction` calls, each with its own idempotency key, from `writers`
 * concurrent clients. A write that fails on the network or with a 5xx is sent again with the same
 * key until the API acknowledges it, as a careful client would.
 */
export async function writeStream(client: ApiClient, options: StreamOptions): Promise<StreamCounts> {
  const counts: StreamCounts = {
    acknowledged: new Map(),
    abandoned: [],
    retries: new Map(),
    refusals: new Map(),
  };
  let next = 0;
  const writeOne = async (index: number) => {
    const key = `stream-${index}`;
    const input = {
      customerId: options.customerIds[index % options.customerIds.length],
      channel: 'PHONE',
      direction: 'OUTBOUND',
      purpose: index % 4 === 0 ? 'RELATIONSHIP' : 'SERVICE',
      sentiment: (index % 5) - 2,
      summary: `Stream write ${index}`,
      idempotencyKey: key,
    };
    const giveUpAt = Date.now() + (options.giveUpAfterMs ?? 60_000);
    for (let attempt = 0; ; attempt++) {
      const outcome = await client.send(LOG, { input });
      if (outcome.kind === 'ok') {
        counts.acknowledged.set(key, String(outcome.data.logInteraction?.id));
        options.onAcknowledged?.(counts.acknowledged.size);
        return;
      }
      if (outcome.kind === 'retry') bump(counts.retries, outcome.why);
      else bump(counts.refusals, outcome.message);
      if (Date.now() >= giveUpAt) break;
      await sleep(Math.min(1_000, 50 * 2 ** attempt));
    }
    counts.abandoned.push(key);
  };
  const writer = async () => {
    while (next < options.writes && !options.until?.()) await writeOne(next++);
  };
  await Promise.all(Array.from({ length: options.writers }, writer));
  return counts;
}
