import { Module } from '@nestjs/common';
import { QueueModule } from '@lahde/platform/queue';
import { MetricsRefreshScheduler } from '@lahde/domain/metrics';
import { ImportQueue } from './import-queue';
import { RegisterImportProcessor } from './import.processor';
import { RegisterImportResolver } from './import.resolver';
import { RegisterImportService } from './import.service';

/** Register imports: upload, status, commit. */
@Module({ imports: [QueueModule], providers: [ImportQueue, RegisterImportService, RegisterImportResolver] })
export class RegisterImportModule {}

/** The dry run and commit jobs; loaded by the worker (and by the API when it runs jobs itself). */
@Module({ imports: [QueueModule], providers: [ImportQueue, MetricsRefreshScheduler, RegisterImportProcessor] })
export class RegisterImportJobsModule {}
