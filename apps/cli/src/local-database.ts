import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { connectionUrl, provisionDatabase, RoleProvisioning } from '@lahde/platform/database';
import { startEmbeddedPostgres } from '@lahde/platform/runtime';

export interface LocalDatabase {
  ownerUrl: string;
  runtimeUrl: string;
  stop(): Promise<void>;
}

interface Credentials {
  superuser: string;
  owner: string;
  runtime: string;
}

/**
 * The embedded PostgreSQL of `npm start`: its cluster lives in `<dataDir>/postgres` and survives
 * restarts; the passwords of its roles are generated once into `<dataDir>/credentials.json` (0600).
 */
export async function localDatabase(dataDir = path.resolve(process.env['LAHDE_DATA_DIR'] || '.data')): Promise<LocalDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const credentials = loadOrCreateCredentials(path.join(dataDir, 'credentials.json'));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), superuserPassword: credentials.superuser, persistent: true });
  const roles: RoleProvisioning = {
    database: 'lahde',
    owner: { name: 'lahde_owner', password: credentials.owner },
    runtime: { name: 'lahde_app', password: credentials.runtime },
  };
  try {
    await provisionDatabase(pg.superuserUrl(), roles);
  } catch (error) {
    await pg.stop();
    throw error;
  }
  return {
    ownerUrl: connectionUrl(pg.host, pg.port, roles.database, roles.owner),
    runtimeUrl: connectionUrl(pg.host, pg.port, roles.database, roles.runtime),
    stop: () => pg.stop(),
  };
}

function loadOrCreateCredentials(file: string): Credentials {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const secret = () => randomBytes(24).toString('base64url');
  const credentials = { superuser: secret(), owner: secret(), runtime: secret() };
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}
