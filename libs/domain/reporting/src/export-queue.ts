import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { Queues } from '@lahde/platform/queue';

export const EXPORT_JOB = 'esf-export';
export const SWEEP_JOB = 'esf-export-sweep';

export interface ExportJobData {
  tenantId: string;
  requestedBy: string;
  exportId: string;
}

/** How long a request waits for Redis before it is left to the sweeper. */
const ENQUEUE_TIMEOUT_MS = 2000;

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
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.add(EXPORT_JOB, data, { jobId: data.exportId, attempts: 3, backoff: { type: 'exponential', delay: 2000 } }),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), ENQUEUE_TIMEOUT_MS))),
      ]);
    } catch (error) {
      this.logger.warn(`export ${data.exportId} left queued in the database: ${error instanceof Error ? error.message : error}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
