import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { refreshCounty } from './refresh-county';

export const REFRESH_JOB = 'refresh-county';
/** The safety net: every county is refreshed at worker start and every 15 minutes. */
export const REFRESH_ALL_JOB = 'refresh-all';
const REFRESH_ALL_EVERY_MS = 15 * 60_000;
/** How long a refresh waits for more writes of the same county before it runs. */
export const REFRESH_DELAY_MS = 500;

/**
 * Schedules a county's metrics refresh after a write. One job per county and second: writes in a burst
 * share a job, and a write made while a refresh runs gets a later one, so no write is left out.
 */
@Injectable()
export class MetricsRefreshScheduler {
  private readonly logger = new Logger(MetricsRefreshScheduler.name);

  constructor(@InjectQueue(Queues.metrics) private readonly queue: Queue<TenantJobData>) {}

  async schedule(tenantId: string, requestedBy: string): Promise<void> {
    const second = Math.floor(Date.now() / 1000);
    try {
      await this.queue.add(REFRESH_JOB, { tenantId, requestedBy }, { jobId: `refresh:${tenantId}:${second}`, delay: REFRESH_DELAY_MS });
    } catch (error) {
      // The write itself succeeded; the periodic refresh catches up when Redis is back.
      this.logger.warn(`metrics refresh for ${tenantId} not scheduled: ${error instanceof Error ? error.message : error}`);
    }
  }
}

@Processor(Queues.metrics)
export class MetricsRefreshProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
    private readonly scheduler: MetricsRefreshScheduler,
    @InjectQueue(Queues.metrics) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(REFRESH_ALL_JOB, {}, { repeat: { every: REFRESH_ALL_EVERY_MS }, jobId: REFRESH_ALL_JOB });
    await this.queue.add(REFRESH_ALL_JOB, {}, { jobId: `${REFRESH_ALL_JOB}:boot:${Date.now()}` });
  }

  /** Catches up whatever a missed schedule (e.g. Redis down during a write) left stale. */
  @Process(REFRESH_ALL_JOB)
  async refreshAll(): Promise<void> {
    await this.tx.forEachTenant((tenantId) => this.scheduler.schedule(tenantId, 'system'));
  }

  @Process(REFRESH_JOB)
  refresh(job: Job<TenantJobData>): Promise<void> {
    return this.tenant.runAs(job.data.tenantId, job.data.requestedBy, () => this.tx.run(refreshCounty));
  }
}
