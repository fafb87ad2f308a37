import { Module } from '@nestjs/common';
import { COUNTY_LOOKUP } from '@lahde/platform/auth';
import { CachedCountyLookup } from './county-lookup';

@Module({ providers: [{ provide: COUNTY_LOOKUP, useClass: CachedCountyLookup }], exports: [COUNTY_LOOKUP] })
export class CountyLookupModule {}
