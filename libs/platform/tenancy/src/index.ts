export * from './tenant-context';
export * from './tenant-transaction';
export * from './tenancy.module';
