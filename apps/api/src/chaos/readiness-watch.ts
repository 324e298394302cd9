import { setTimeout as sleep } from 'node:timers/promises';

export interface ReadinessLog {
  /** Each change of `/readyz`'s answer, with when it was seen. */
  changes: { at: number; ready: boolean }[];
  stop(): Promise<void>;
}

/** Polls `/readyz` every `intervalMs` and records when the answer changes. */
export function watchReadiness(base: string, intervalMs = 100): ReadinessLog {
  const changes: ReadinessLog['changes'] = [];
  let running = true;
  const poll = async () => {
    while (running) {
      const ready = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
        (res) => res.status === 200,
        () => false,
      );
      if (changes.at(-1)?.ready !== ready) changes.push({ at: Date.now(), ready });
      await sleep(intervalMs);
    }
  };
  const polling = poll();
  return {
    changes,
    stop: async () => {
      running = false;
      await polling;
    },
  };
}
