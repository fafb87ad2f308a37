import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { helsinkiToday } from '@lahde/platform/errors';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { RetentionOutcome, RetentionService } from './retention.service';

export const RETENTION_JOB = 'privacy-retention';
export const RETENTION_ALL_JOB = 'privacy-retention-all';
/** Daily at 02:30 Finnish time, outside office hours. */
const RETENTION_CRON = { cron: '30 2 * * *', tz: 'Europe/Helsinki' };

/**
 * The daily retention run: one job per tenant (each of the 22 organisers and THL's own tenant), each
 * in that tenant's context as the `system` actor. The job id names the tenant and the day, so the
 * fan-out enqueued twice on one day adds each county's job once while it waits.
 */
@Processor(Queues.maintenance)
export class RetentionProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
    private readonly retention: RetentionService,
    @InjectQueue(Queues.maintenance) private readonly queue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(RETENTION_ALL_JOB, {}, { repeat: RETENTION_CRON, jobId: RETENTION_ALL_JOB });
  }

  @Process(RETENTION_ALL_JOB)
  async fanOut(): Promise<number> {
    const day = helsinkiToday();
    return this.tx.forEachTenant(
      async (tenantId) => {
        await this.queue.add(RETENTION_JOB, { tenantId, requestedBy: 'system' } satisfies TenantJobData, { jobId: `${RETENTION_JOB}:${tenantId}:${day}` });
      },
      { includeNational: true },
    );
  }

  @Process(RETENTION_JOB)
  apply(job: Job<TenantJobData>): Promise<RetentionOutcome> {
    return this.tenant.runAs(job.data.tenantId, 'system', () => this.retention.applyToCurrentTenant());
  }
}
