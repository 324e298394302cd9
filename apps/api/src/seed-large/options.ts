export const DAY_MS = 86_400_000;
/** The large workspace's history: three years. */
export const HISTORY_DAYS = 3 * 365;
/** Daily health snapshots seeded before today (today's is the health refresh's own). */
export const SNAPSHOT_DAYS = 90;

export interface SeedLargeOptions {
  customers: number;
  interactions: number;
  /** Workspaces of a few members and 20–200 customers each, beside the large one. */
  smallWorkspaces?: number;
  /** Submitted audits of the large workspace. */
  audits?: number;
  /** Answered feedback requests and anonymous answers together. */
  feedbackAnswers?: number;
  /** Unanswered, unexpired feedback requests, one per customer, for a benchmark to answer. */
  pendingFeedback?: number;
  /** The day the seeded history ends; the start of the current UTC day by default. */
  now?: Date;
  /** Everything left to chance follows from it. */
  seed?: number;
}

/** The options with every default filled in: what the data follows from. */
export type SeedLargePlan = Required<SeedLargeOptions>;

export const DEFAULT_SEED = 20_251_201;

export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

export function planSeed(options: SeedLargeOptions): SeedLargePlan {
  const plan: SeedLargePlan = {
    customers: options.customers,
    interactions: options.interactions,
    smallWorkspaces: options.smallWorkspaces ?? 50,
    audits: options.audits ?? 200,
    feedbackAnswers: options.feedbackAnswers ?? Math.round(options.customers / 2),
    pendingFeedback: options.pendingFeedback ?? Math.round(options.customers / 5),
    now: options.now ?? startOfUtcDay(new Date()),
    seed: options.seed ?? DEFAULT_SEED,
  };
  for (const [name, value] of Object.entries(plan)) {
    if (name === 'now') continue;
    const positive = name === 'customers' || name === 'interactions';
    if (!Number.isSafeInteger(value) || (value as number) < (positive ? 1 : 0)) {
      throw new RangeError(`${name} must be a ${positive ? 'positive' : 'non-negative'} whole number`);
    }
  }
  if (plan.pendingFeedback > plan.customers) {
    throw new RangeError('pendingFeedback cannot exceed customers (one pending request per customer)');
  }
  return plan;
}
