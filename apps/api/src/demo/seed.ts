import { backdate } from './backdate';
import { fetchBrowsers, type OpenBrowser } from './client';
import type { DemoContext } from './context';
import { BUSINESS_NAME, OWNER, STAFF } from './data';
import { planDemo } from './plan';
import { seedAudits } from './seed-audits';
import { seedCheckIns, seedCustomers } from './seed-customers';
import { seedFeedback } from './seed-feedback';
import { seedFriction } from './seed-friction';
import { findExisting, finishWorkspace, setUpWorkspace } from './seed-workspace';

export interface DemoTarget {
  /** The GraphQL endpoint (…/graphql), or a way to open fresh browsers on the app. */
  api: string | OpenBrowser;
  /** The app's database, as its request pool logs in (app-login.ts): the final step writes through it. */
  databaseUrl: string;
}

export interface SeedOptions {
  /** The day the demo's history ends; defaults to now. */
  now?: Date;
  /** Progress lines; silent by default. */
  log?: (line: string) => void;
}

export type SeedResult = { created: true } | { created: false; workspaceName: string };

export class DemoIncompleteError extends Error {}

/**
 * Seeds the Crumb & Co. demo workspace through the GraphQL API, like a client would, so every rule
 * of the API applies; then dates back, in the database, what the API records as happening now.
 * Idempotent: when the demo owner can already sign in, it changes nothing and says so.
 */
export async function seedDemo(target: DemoTarget, options: SeedOptions = {}): Promise<SeedResult> {
  const open = typeof target.api === 'string' ? fetchBrowsers(target.api) : target.api;
  const log = options.log ?? (() => {});
  const existing = await findExisting(open);
  if (existing.state === 'complete') return { created: false, workspaceName: existing.workspaceName };
  if (existing.state === 'incomplete') {
    throw new DemoIncompleteError(
      `A previous demo run stopped part-way (${OWNER.email} exists, but the workspace is still "${existing.workspaceName}"). ` +
        'Start again on a fresh database: remove RAPPORT_DATA_DIR (default ./.rapport) or point DATABASE_URL at an empty one.',
    );
  }
  const plan = planDemo(options.now ?? new Date());
  const workspace = await setUpWorkspace(open);
  log(`${BUSINESS_NAME}: owner ${OWNER.name}, staff ${STAFF.name}, 6 touchpoints`);
  const ctx: DemoContext = { open, plan, ...workspace, customers: [], log };
  await seedCustomers(ctx);
  await seedCheckIns(ctx);
  await seedAudits(ctx);
  await seedFeedback(ctx);
  await seedFriction(ctx);
  // Before the workspace gets its final name: a failed backdating leaves the demo marked incomplete.
  await backdate(ctx, target.databaseUrl);
  await finishWorkspace(ctx.sessions.owner);
  return { created: true };
}
