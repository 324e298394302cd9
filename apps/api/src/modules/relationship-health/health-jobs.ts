import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from '../../logger';
import { CustomerStateService } from './customer-state.service';

/** Where scheduled work keeps its queue (pg-boss, in the app's own Postgres), or null for none (tests). */
export interface JobsOptions {
  databaseUrl: string;
  logger: Logger;
  /** When the pass runs (RAPPORT_HEALTH_CRON, every 15 minutes by default). */
  cron: string;
}
export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export const REFRESH_HEALTH_QUEUE = 'refresh-stale-health';
/**
 * Stately: at most one pass queued and one running, across every process on the database. A pass
 * asked for while one waits is already covered by it, and two at once would recompute the same customers.
 */
const QUEUE: PgBoss.Queue = { name: REFRESH_HEALTH_QUEUE, policy: 'stately' };
export const HEALTH_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Health changes with the passing of time, not only on writes: this keeps stored health (and with it
 * the daily snapshots) at most an hour old. At boot it asks for a pass to catch up on anything stale,
 * such as customers that existed before health was stored. Every process is a worker; pg-boss hands
 * each pass to one of them, and its cron adds one pass per tick however many processes run.
 */
@Injectable()
export class HealthJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss: PgBoss | undefined;

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsOptions | null,
    private readonly customerState: CustomerStateService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.options) return;
    const { databaseUrl, logger, cron } = this.options;
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 2 });
    // Only the message and code: pg errors carry their whole client, secrets included.
    boss.on('error', (error: Error & { code?: string }) =>
      logger.error({ err: { message: error.message, code: error.code } }, 'scheduled work failed'),
    );
    await boss.start();
    await boss.createQueue(REFRESH_HEALTH_QUEUE, QUEUE);
    // createQueue keeps an existing queue as it was: databases from before had the standard policy.
    await boss.updateQueue(REFRESH_HEALTH_QUEUE, QUEUE);
    await boss.schedule(REFRESH_HEALTH_QUEUE, cron);
    // The catch-up is a job like the scheduled ones, so the app listens at once however much is stale,
    // and replicas booting together queue it once. Sent before `work`, whose first poll then finds it.
    await boss.send(REFRESH_HEALTH_QUEUE, {});
    await boss.work(REFRESH_HEALTH_QUEUE, async ([job]) => {
      const refreshed = await this.refreshStale();
      logger.info({ refreshed, job: job?.id }, 'refreshed stale relationship health');
    });
    this.boss = boss;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, timeout: 5_000, wait: true });
  }

  private refreshStale(): Promise<number> {
    return this.customerState.refreshStale(new Date(Date.now() - HEALTH_MAX_AGE_MS));
  }
}
