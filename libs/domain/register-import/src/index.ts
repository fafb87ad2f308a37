export * from './register-import.module';
