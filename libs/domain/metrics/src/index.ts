export * from './metrics.module';
export { refreshCounty } from './refresh-county';
export { coverageRows, factRows } from './metrics.service';
export type { Queryable } from './metrics.service';
export { cascadeRows } from './cascade.service';
export { ESF_INDICATOR_SUMS_SQL, ESF_PARTICIPANTS_SQL } from './esf-entries';
export { suppress } from './suppression';
export type { Cell, ShownCell } from './suppression';
export { MetricsRefreshScheduler } from './metrics-refresh';
