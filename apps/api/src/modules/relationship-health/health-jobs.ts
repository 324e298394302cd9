import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Logger } from '../../logger';
import { CustomerStateService } from './customer-state.service';

/** Where scheduled work keeps its queue (pg-boss, in the app's own Postgres), or null for none (tests). */
export interface JobsOptions {
  databaseUrl: string;
  logger: Logger;
}
export const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

export const REFRESH_HEALTH_QUEUE = 'refresh-stale-health';
/** Every 15 minutes, customers whose health is over an hour old are recomputed. */
export const REFRESH_HEALTH_CRON = '*/15 * * * *';
export const HEALTH_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Health changes with the passing of time, not only on writes: this keeps stored health (and with it
 * the daily snapshots) at most an hour old. At boot it first catches up on anything stale, such as
 * customers that existed before health was stored.
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
    const { databaseUrl, logger } = this.options;
    await this.refreshStale();
    const boss = new PgBoss({ connectionString: databaseUrl, schema: 'pgboss', max: 2 });
    // Only the message and code: pg errors carry their whole client, secrets included.
    boss.on('error', (error: Error & { code?: string }) =>
      logger.error({ err: { message: error.message, code: error.code } }, 'scheduled work failed'),
    );
    await boss.start();
    await boss.createQueue(REFRESH_HEALTH_QUEUE);
    await boss.schedule(REFRESH_HEALTH_QUEUE, REFRESH_HEALTH_CRON);
    await boss.work(REFRESH_HEALTH_QUEUE, async () => {
      const refreshed = await this.refreshStale();
      logger.info({ refreshed }, 'refreshed stale relationship health');
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
