import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { refreshCounty } from './refresh-county';

export const REFRESH_JOB = 'refresh-county';
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
export class MetricsRefreshProcessor {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
  ) {}

  @Process(REFRESH_JOB)
  refresh(job: Job<TenantJobData>): Promise<void> {
    return this.tenant.runAs(job.data.tenantId, job.data.requestedBy, () => this.tx.run(refreshCounty));
  }
}
