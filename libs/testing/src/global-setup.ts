import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// Relative imports: jest's module mapper does not apply to global setup.
import { runMigrations } from '../../platform/database/src/migrate';
import { connectionUrl, provisionDatabase } from '../../platform/database/src/roles';
import { REDIS_MISSING_HELP, redisServerOnPath, startEmbeddedPostgres, startLocalRedis } from '../../platform/runtime/src';

/**
 * Once per `npm test`: a throwaway embedded PostgreSQL (durability off) on a free port with the same
 * roles and migrations as production, and Redis (REDIS_URL, else a redis-server from PATH on a free
 * port). Tests connect as the runtime role: a superuser would silently bypass row-level security.
 */
export default async function globalSetup(): Promise<void> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'lahde-test-'));
  chmodSync(workDir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its directory
  const started = Date.now();
  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), superuserPassword: 'test-superuser', persistent: false, fast: true });
  const roles = { database: 'lahde_test', owner: { name: 'lahde_owner', password: 'test-owner' }, runtime: { name: 'lahde_app', password: 'test-runtime' } };
  await provisionDatabase(pg.superuserUrl(), roles);
  await runMigrations(connectionUrl(pg.host, pg.port, roles.database, roles.owner));

  let redisUrl = process.env['REDIS_URL'];
  let stopRedis = async (): Promise<void> => undefined;
  if (!redisUrl) {
    if (!redisServerOnPath()) throw new Error(REDIS_MISSING_HELP);
    const redis = await startLocalRedis(path.join(workDir, 'redis'));
    redisUrl = redis.url;
    stopRedis = redis.stop;
  }

  Object.assign(process.env, {
    NODE_ENV: 'test',
    LAHDE_DATA_DIR: path.join(workDir, 'data'),
    DATABASE_URL: connectionUrl(pg.host, pg.port, roles.database, roles.runtime),
    DATABASE_OWNER_URL: connectionUrl(pg.host, pg.port, roles.database, roles.owner),
    DATABASE_SUPERUSER_URL: pg.superuserUrl(roles.database),
    REDIS_URL: redisUrl,
  });
  (globalThis as { lahdeTeardown?: () => Promise<void> }).lahdeTeardown = async () => {
    await stopRedis();
    await pg.stop();
  };
  console.log(`\n[test harness] PostgreSQL :${pg.port} and ${redisUrl} ready in ${Date.now() - started} ms`);
}
