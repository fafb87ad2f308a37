export * from './network.module';
