import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { addWithin, Queues } from '@lahde/platform/queue';

export const EXPORT_JOB = 'esf-export';
export const SWEEP_JOB = 'esf-export-sweep';

export interface ExportJobData {
  tenantId: string;
  requestedBy: string;
  exportId: string;
}

@Injectable()
export class ExportQueue {
  private readonly logger = new Logger(ExportQueue.name);

  constructor(@InjectQueue(Queues.reporting) readonly queue: Queue<ExportJobData>) {}

  /**
   * Queues the job named after the export: bull refuses a second job with the same id, so a request
   * queued twice (by the API and the sweeper) still runs once. Never fails the caller: a request that
   * cannot reach Redis stays QUEUED in the database for the sweeper.
   */
  async enqueue(data: ExportJobData): Promise<void> {
    const failure = await addWithin(this.queue, EXPORT_JOB, data, { jobId: data.exportId, attempts: 3, backoff: { type: 'exponential', delay: 2000 } });
    if (failure) this.logger.warn(`export ${data.exportId} left queued in the database: ${failure}`);
  }
}
