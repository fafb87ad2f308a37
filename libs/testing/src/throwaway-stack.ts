import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// Relative imports: this runs in jest's global setup too, where the module mapper does not apply.
import { runMigrations } from '../../platform/database/src/migrate';
import { connectionUrl, provisionDatabase } from '../../platform/database/src/roles';
import { REDIS_MISSING_HELP, redisServerOnPath, startEmbeddedPostgres, startLocalRedis } from '../../platform/runtime/src';

export interface ThrowawayStack {
  workDir: string;
  runtimeUrl: string;
  ownerUrl: string;
  superuserUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/**
 * A disposable embedded PostgreSQL (durability off) on a free port with the production roles and
 * migrations, and Redis (`redisUrl` if given, else a redis-server from PATH on a free port). Used by
 * the test harness and the benchmarks. Connect as the runtime role: a superuser bypasses RLS silently.
 */
export async function startThrowawayStack(name: string, redisUrl?: string): Promise<ThrowawayStack> {
  const workDir = mkdtempSync(path.join(tmpdir(), `lahde-${name}-`));
  chmodSync(workDir, 0o755); // as root, PostgreSQL runs as the `postgres` user and must reach its directory
  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), superuserPassword: 'throwaway-superuser', persistent: false, fast: true });
  const roles = { database: 'lahde', owner: { name: 'lahde_owner', password: 'throwaway-owner' }, runtime: { name: 'lahde_app', password: 'throwaway-runtime' } };
  try {
    await provisionDatabase(pg.superuserUrl(), roles);
    await runMigrations(connectionUrl(pg.host, pg.port, roles.database, roles.owner));
  } catch (error) {
    await pg.stop();
    throw error;
  }
  let stopRedis = async (): Promise<void> => undefined;
  if (!redisUrl) {
    if (!redisServerOnPath()) {
      await pg.stop();
      throw new Error(REDIS_MISSING_HELP);
    }
    const redis = await startLocalRedis(path.join(workDir, 'redis'));
    redisUrl = redis.url;
    stopRedis = redis.stop;
  }
  return {
    workDir,
    runtimeUrl: connectionUrl(pg.host, pg.port, roles.database, roles.runtime),
    ownerUrl: connectionUrl(pg.host, pg.port, roles.database, roles.owner),
    superuserUrl: pg.superuserUrl(roles.database),
    redisUrl,
    stop: async () => {
      await stopRedis();
      await pg.stop();
    },
  };
}
