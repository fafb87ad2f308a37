export * from './reporting.module';
export { EsfExportProcessor } from './export.processor';
