export * from './metrics.module';
export { refreshCounty } from './refresh-county';
export { coverageRows, factRows } from './metrics.service';
export type { Queryable } from './metrics.service';
export { cascadeRows } from './cascade.service';
