import { Module } from '@nestjs/common';
import { QueueModule } from '@lahde/platform/queue';
import { AccessReportController } from './access-report.controller';
import { AccessReportService } from './access-report.service';
import { ErasureService } from './erasure.service';
import { PrivacyResolver } from './privacy.resolver';
import { RetentionSettingsService } from './retention-settings.service';
import { RetentionProcessor } from './retention.processor';
import { RetentionService } from './retention.service';

/** Data-protection duties: right of access, erasure, per-county retention periods. */
@Module({
  controllers: [AccessReportController],
  providers: [AccessReportService, ErasureService, RetentionSettingsService, RetentionService, PrivacyResolver],
  exports: [RetentionService],
})
export class PrivacyModule {}

/** The daily retention job; loaded by the worker (and by the API when it runs jobs itself). */
@Module({ imports: [QueueModule], providers: [RetentionService, RetentionProcessor] })
export class PrivacyJobsModule {}
