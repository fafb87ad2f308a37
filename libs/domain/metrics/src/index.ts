export * from './metrics.module';
export { refreshCounty } from './refresh-county';
