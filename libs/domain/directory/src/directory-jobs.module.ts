import { Module } from '@nestjs/common';
import { QueueModule } from '@lahde/platform/queue';
import { OrganisationCensusProcessor } from './organisation/organisation-census.processor';

/** The directory's background job processors; loaded by the worker (and by the API when it runs jobs itself). */
@Module({ imports: [QueueModule], providers: [OrganisationCensusProcessor] })
export class DirectoryJobsModule {}
