import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bull';
import { ConfigError, loadConfig } from '@lahde/platform/config';
import { createLogger, PinoNestLogger } from '@lahde/platform/observability';
import { Queues } from '@lahde/platform/queue';
import { logJobs } from './job-logging';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const config = loadConfig();
  // JSON lines on stdout, like the API's; processors log through Nest's Logger, which writes here.
  const pino = createLogger({ level: config.logLevel, service: 'worker' });
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: new PinoNestLogger(pino) });
  app.enableShutdownHooks();
  logJobs(pino, Object.values(Queues).map((name) => app.get<Queue>(getQueueToken(name), { strict: false })));
  Logger.log('Worker processing jobs', 'Lahde');
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
