import * as path from 'node:path';
import { startThrowawayStack } from './throwaway-stack';

/** Once per `npm test`: PostgreSQL and Redis for every suite; their addresses go to the workers' environment. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const stack = await startThrowawayStack('test', process.env['REDIS_URL']);
  Object.assign(process.env, {
    NODE_ENV: 'test',
    LAHDE_DATA_DIR: path.join(stack.workDir, 'data'),
    DATABASE_URL: stack.runtimeUrl,
    DATABASE_OWNER_URL: stack.ownerUrl,
    DATABASE_SUPERUSER_URL: stack.superuserUrl,
    REDIS_URL: stack.redisUrl,
  });
  (globalThis as { lahdeTeardown?: () => Promise<void> }).lahdeTeardown = stack.stop;
  console.log(`\n[test harness] ${new URL(stack.runtimeUrl).host} and ${stack.redisUrl} ready in ${Date.now() - started} ms`);
}
