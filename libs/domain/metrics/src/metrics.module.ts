import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { QueueModule } from '@lahde/platform/queue';
import { MetricsRefreshProcessor, MetricsRefreshScheduler } from './metrics-refresh';
import { CascadeResolver } from './cascade.resolver';
import { CascadeService } from './cascade.service';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';
import { TrendService } from './trend.service';
import { RefreshMetricsAfterWrites } from './refresh-after-writes.interceptor';

/** National and county metrics read from the aggregate schema; every mutation schedules a refresh. */
@Module({
  imports: [QueueModule],
  providers: [MetricsService, TrendService, MetricsResolver, CascadeService, CascadeResolver, MetricsRefreshScheduler, { provide: APP_INTERCEPTOR, useClass: RefreshMetricsAfterWrites }],
})
export class MetricsModule {}

/** The refresh processor; loaded by the worker (and by the API when it runs jobs itself). */
@Module({ imports: [QueueModule], providers: [MetricsRefreshScheduler, MetricsRefreshProcessor] })
export class MetricsJobsModule {}
