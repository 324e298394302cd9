import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rateLimited } from '../graphql/errors';

export interface RateLimit {
  bucket: string;
  limit: number;
  windowSeconds: number;
}

/** Failed sign-ins, per email and per IP: more than 10 in 15 minutes is refused. */
export const FAILED_SIGN_IN: RateLimit = { bucket: 'sign-in-failure', limit: 10, windowSeconds: 15 * 60 };
/** Requests on a public link (audits now; feedback later), per IP and per link. */
export const PUBLIC_LINK: RateLimit = { bucket: 'public-link', limit: 300, windowSeconds: 15 * 60 };
/** Sign-ups per IP: a person makes one workspace, a script makes hundreds. */
export const SIGN_UP: RateLimit = { bucket: 'sign-up', limit: 20, windowSeconds: 60 * 60 };

/**
 * Counts attempts in Postgres (not process memory), so every API replica shares the counters.
 * Runs inside the caller's transaction; rows older than a day are pruned as new ones arrive.
 */
@Injectable()
export class RateLimitService {
  /**
   * Counts one attempt against every key, or throws RATE_LIMITED (counting nothing) when a key has
   * already used up its allowance in the window. Counting is serialised per key (a transaction-level
   * advisory lock, held until the caller commits), so a burst of concurrent attempts cannot all pass
   * the check before any of them is recorded. Take the attempt before doing the work it limits.
   */
  async take(em: EntityManager, rule: RateLimit, keys: string[]): Promise<void> {
    // Always in the same order, so two requests sharing keys cannot deadlock.
    for (const key of [...keys].sort()) {
      await em.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${rule.bucket}\n${key}`]);
    }
    const rows: { count: string }[] = await em.query(
      `select count(*) from rate_limit_events
        where bucket = $1 and key = any($2) and at > now() - make_interval(secs => $3)
        group by key order by count(*) desc limit 1`,
      [rule.bucket, keys, rule.windowSeconds],
    );
    if (Number(rows[0]?.count ?? 0) >= rule.limit) throw rateLimited();
    await em.query(`insert into rate_limit_events (bucket, key) select $1, unnest($2::text[])`, [
      rule.bucket,
      keys,
    ]);
    await em.query(`delete from rate_limit_events where at < now() - interval '1 day' and random() < 0.01`);
  }

  /** Gives back an attempt `take` counted that turned out not to count (a successful sign-in). */
  async refund(em: EntityManager, rule: RateLimit, keys: string[]): Promise<void> {
    // Events of one bucket and key are interchangeable: removing the newest of each key is exact.
    await em.query(
      `delete from rate_limit_events e using (
         select distinct on (key) ctid from rate_limit_events
          where bucket = $1 and key = any($2) order by key, at desc) newest
        where e.ctid = newest.ctid`,
      [rule.bucket, keys],
    );
  }
}
