import { Module } from '@nestjs/common';
import { QueueModule } from '@lahde/platform/queue';
import { ExportDownloadController } from './download.controller';
import { ExportQueue } from './export-queue';
import { EsfExportProcessor } from './export.processor';
import { EsfExportResolver } from './export.resolver';
import { EsfExportService } from './export.service';

/** ESF+ exports: requests (outbox rows), status, signed downloads. */
@Module({
  imports: [QueueModule],
  controllers: [ExportDownloadController],
  providers: [ExportQueue, EsfExportService, EsfExportResolver],
})
export class ReportingModule {}

/** The export writer and the sweeper; loaded by the worker (and by the API when it runs jobs itself). */
@Module({ imports: [QueueModule], providers: [ExportQueue, EsfExportProcessor] })
export class ReportingJobsModule {}
