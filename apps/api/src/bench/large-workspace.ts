import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { pendingFeedbackLinks } from '../seed-large/feedback-links';
import type { SeedLargeOptions } from '../seed-large/options';
import { seedLarge } from '../seed-large/seed-large';

/**
 * The benchmark database's app secret: its feedback links (and the app's login password) derive from
 * it, so it must stay the same from run to run. Benchmark data only; never a real deployment's.
 */
export const BENCH_SECRET = process.env.RAPPORT_SECRET ?? 'rapport-benchmark-secret-not-for-real-data';

/** The large workspace: `npm run bench -- --customers N --interactions N` (seeded once per size). */
export function workspaceSize(): { customers: number; interactions: number } {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '100000' },
      interactions: { type: 'string', default: '1000000' },
    },
  });
  return { customers: Number(values.customers), interactions: Number(values.interactions) };
}

/** What the benchmark needs of the large workspace. */
export interface LargeWorkspace {
  customers: number;
  interactions: number;
  owner: { email: string; password: string };
  /** Active customers to spread reads and writes over. */
  customerIds: string[];
  /** A feedback link nobody has answered yet (each taken once); throws when none are left. */
  nextFeedbackToken(): string;
}

/** Customers the load picks from at random: enough that writes rarely meet on one customer. */
const SAMPLE = 20_000;

/**
 * The large workspace at `ownerUrl`: seeded on first use (seed:large, minutes), found afterwards.
 * Its unanswered feedback links are derived from `secret` as the seed derived them; those answered or
 * expired since (earlier benchmark runs, the passing days) are left out.
 */
export async function openLargeWorkspace(
  ownerUrl: string,
  options: SeedLargeOptions,
  secret: string,
): Promise<LargeWorkspace> {
  const seeded = await seedLarge(ownerUrl, { ...options, linkSecret: secret }, (line) =>
    console.log(`  ${line}`),
  );
  const admin = new Pool({ connectionString: ownerUrl, max: 1 });
  try {
    const counts = await admin.query<{ customers: number; interactions: number }>(
      `select (select count(*) from customers where workspace_id = $1)::int as customers,
              (select count(*) from interactions where workspace_id = $1)::int as interactions`,
      [seeded.workspaceId],
    );
    const customers = await admin.query<{ id: string }>(
      `select id from customers where workspace_id = $1 and status = 'ACTIVE' order by md5(id::text) limit $2`,
      [seeded.workspaceId, SAMPLE],
    );
    const links = pendingFeedbackLinks(secret, options);
    const open = await admin.query<{ id: string }>(
      `select r.id from feedback_requests r
        where r.workspace_id = $1 and r.id = any($2::uuid[]) and r.answered_at is null and r.expires_at > now()`,
      [seeded.workspaceId, links.map((l) => l.requestId)],
    );
    const unanswered = new Set(open.rows.map((r) => r.id));
    const tokens = links.filter((l) => unanswered.has(l.requestId)).map((l) => l.token);
    let next = 0;
    return {
      customers: counts.rows[0]?.customers ?? 0,
      interactions: counts.rows[0]?.interactions ?? 0,
      owner: seeded.owner,
      customerIds: customers.rows.map((r) => r.id),
      nextFeedbackToken: () => {
        const token = tokens[next++];
        if (!token)
          throw new Error('Every seeded feedback link is answered: delete .rapport-bench to seed again');
        return token;
      },
    };
  } finally {
    await admin.end();
  }
}
