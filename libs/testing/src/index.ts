export * from './test-issuer';
export * from './test-database';
export * from './throwaway-stack';
