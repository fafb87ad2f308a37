import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { AppConfig, CONFIG } from '@lahde/platform/config';

/** Queues by name. Processors live in the domain libs and run in the worker (or in the API for local use). */
export const Queues = {
  maintenance: 'maintenance',
  metrics: 'metrics',
  reporting: 'reporting',
  imports: 'imports',
} as const;

/** Bull on Redis. Finished jobs are removed so Redis holds only work in flight; the database keeps the record. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [CONFIG],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: config.queuePrefix,
        defaultJobOptions: { removeOnComplete: true, removeOnFail: 1000, attempts: 3, backoff: { type: 'exponential', delay: 1000 } },
      }),
    }),
    BullModule.registerQueue({ name: Queues.maintenance }, { name: Queues.metrics }, { name: Queues.reporting }, { name: Queues.imports }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
