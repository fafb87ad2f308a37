export * from './test-issuer';
export * from './test-database';
