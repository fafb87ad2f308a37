export * from './queue.module';
export * from './tenant-job';
