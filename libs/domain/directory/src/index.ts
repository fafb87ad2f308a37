export * from './directory.module';
export * from './directory-jobs.module';
export * from './county/county-lookup.module';
export { CountyService } from './county/county.service';
export { County, Municipality, Population } from './county/county.models';
export { ORGANISATION_CENSUS_JOB } from './organisation/organisation-census.processor';
export type { OrganisationCensusResult } from './organisation/organisation-census.processor';
