import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { DatabaseModule } from '@lahde/platform/database';
import { QueueModule } from '@lahde/platform/queue';
import { TenancyModule } from '@lahde/platform/tenancy';
import { DirectoryJobsModule } from '@lahde/domain/directory';
import { MetricsJobsModule } from '@lahde/domain/metrics';
import { RegisterImportJobsModule } from '@lahde/domain/register-import';
import { ReportingJobsModule } from '@lahde/domain/reporting';
import { PrivacyJobsModule } from '@lahde/domain/privacy';

/** The background worker: bull processors of every domain, no HTTP. */
@Module({})
export class WorkerModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      global: true,
      imports: [TenancyModule, DatabaseModule, QueueModule, DirectoryJobsModule, MetricsJobsModule, ReportingJobsModule, RegisterImportJobsModule, PrivacyJobsModule],
      providers: [{ provide: CONFIG, useValue: config }],
      exports: [CONFIG],
    };
  }
}
