import { Job, JobOptions, Queue } from 'bull';

/** How long a request waits for Redis before its job is left to a sweeper. */
export const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Adds a job for a request already recorded in the database (an outbox row), waiting at most
 * `timeoutMs` for Redis. Never fails the caller: when Redis is away it returns the reason, and the row
 * stays waiting for the sweeper that queues it once Redis is back.
 */
export async function addWithin<T>(queue: Queue<T>, name: string, data: T, options: JobOptions, timeoutMs = ENQUEUE_TIMEOUT_MS): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      queue.add(name, data, options),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('Redis did not answer')), timeoutMs))),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether bull has given up on a job (its last attempt failed, or it stalled too often) rather than a
 * failure it will retry. A job that stalls twice fails with attempts to spare, so counting attempts
 * alone would leave its record running for good.
 */
export async function failedForGood(job: Job): Promise<boolean> {
  return job.attemptsMade >= (job.opts.attempts ?? 1) || (await job.getState()) === 'failed';
}
