import { LinkTokens } from '../auth/link-tokens';
import { loadConfig } from '../config/config';
import { pendingRequestKind } from './feedback';
import { Ids } from './ids';
import { planSeed, type SeedLargeOptions } from './options';
import { scopedKind } from './world';

/** The app's own link derivation, under `secret` (RAPPORT_SECRET, or the data directory's link secret). */
export function linkTokens(secret: string, publicUrl?: string): LinkTokens {
  return new LinkTokens(
    loadConfig({ RAPPORT_SECRET: secret, ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}) }),
  );
}

export interface PendingFeedbackLink {
  requestId: string;
  /** What the public `submitFeedback(token: …)` mutation takes. */
  token: string;
  /** The link a customer would open: `<publicUrl>/f/<token>`. */
  url: string;
}

/**
 * The unanswered, unexpired feedback requests seedLarge leaves in the large workspace, with their
 * public tokens, computed from the secret and the seed options alone (no database): the same options
 * as the seed was run with give the same links.
 */
export function pendingFeedbackLinks(
  secret: string,
  options: SeedLargeOptions,
  publicUrl?: string,
): PendingFeedbackLink[] {
  const plan = planSeed(options);
  const ids = new Ids(plan.seed);
  const links = linkTokens(secret, publicUrl);
  return Array.from({ length: plan.pendingFeedback }, (_, k) => {
    const requestId = ids.id(scopedKind(0, pendingRequestKind), k);
    return { requestId, token: links.token('feedback', requestId), url: links.url('feedback', requestId) };
  });
}
