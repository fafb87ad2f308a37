import type { Config } from 'jest';

const moduleNameMapper = {
  '^@lahde/platform/(.*)$': '<rootDir>/libs/platform/$1/src/index.ts',
  '^@lahde/domain/(.*)$': '<rootDir>/libs/domain/$1/src/index.ts',
  '^@lahde/testing$': '<rootDir>/libs/testing/src/index.ts',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] as [string, object] };
const project = (displayName: string, testMatch: string[], extra: Partial<Config> = {}) => ({
  displayName,
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch,
  transform,
  moduleNameMapper,
  ...extra,
});

/**
 * Four tiers, one run: unit (`*.spec.ts` beside the code, no I/O), integration (real PostgreSQL as the
 * runtime role), e2e (the whole API over HTTP with real Redis) and browser (the web app in a real
 * Chromium). The global setup starts PostgreSQL and Redis once for all of them.
 */
const config: Config = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  maxWorkers: 2,
  // A global option (projects cannot set it): real PostgreSQL, Redis and bull on a 2-core machine.
  testTimeout: 60_000,
  projects: [
    project('unit', ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts']),
    project('integration', ['<rootDir>/tests/integration/**/*.int-spec.ts']),
    project('e2e', ['<rootDir>/tests/e2e/**/*.e2e-spec.ts']),
    // The web app in a real Chromium against the whole API (tests/browser/support/web-app.ts).
    project('browser', ['<rootDir>/tests/browser/**/*.browser-spec.ts']),
  ],
};

export default config;
