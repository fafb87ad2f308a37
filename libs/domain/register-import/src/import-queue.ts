import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { addWithin, Queues, TenantJobData } from '@lahde/platform/queue';

export const VALIDATE_JOB = 'register-validate';
export const COMMIT_JOB = 'register-commit';
export const SWEEP_JOB = 'register-sweep';

export interface ImportJobData extends TenantJobData {
  importId: string;
}

@Injectable()
export class ImportQueue {
  private readonly logger = new Logger(ImportQueue.name);

  constructor(@InjectQueue(Queues.imports) readonly queue: Queue<ImportJobData>) {}

  /** One job per import and step (bull refuses a second with the same id); Redis away leaves the row for the sweeper. */
  async enqueue(step: typeof VALIDATE_JOB | typeof COMMIT_JOB, data: ImportJobData): Promise<void> {
    const failure = await addWithin(this.queue, step, data, { jobId: `${step}:${data.importId}`, attempts: 3, backoff: { type: 'exponential', delay: 2000 } });
    if (failure) this.logger.warn(`register import ${data.importId} left waiting in the database: ${failure}`);
  }
}
