/**
 * Ends the current task and resumes in a new one, so the browser can paint and answer input in between:
 * long tasks (Lighthouse's "total blocking time") become short ones. scheduler.yield() where the
 * browser has it (the continuation keeps its place ahead of other tasks), else a zero timeout.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
