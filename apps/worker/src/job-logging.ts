import type { Job, Queue } from 'bull';
import type { Logger } from 'pino';

/**
 * One line per job this worker finished or failed: queue, job name and id, attempt and duration. The
 * payload is never logged (it names tenants and people); a failure's message is.
 */
export function logJobs(logger: Logger, queues: Queue[]): void {
  for (const queue of queues) {
    const describe = (job: Job) => ({
      queue: queue.name,
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade,
      durationMs: job.finishedOn && job.processedOn ? job.finishedOn - job.processedOn : undefined,
    });
    queue.on('completed', (job: Job) => logger.info(describe(job), `job ${queue.name}/${job.name} completed`));
    queue.on('failed', (job: Job, error: Error) => logger.warn({ ...describe(job), error: error.message }, `job ${queue.name}/${job.name} failed`));
  }
}
