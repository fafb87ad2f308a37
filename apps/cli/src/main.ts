import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { runMigrations, rolesSql } from '@lahde/platform/database';
import { isRole, Role } from '@lahde/platform/auth';
import { mintToken } from './token';
import { start } from './start';
import { localDatabase } from './local-database';

const USAGE = `Usage: lahde <command>

  start [--demo]        embedded PostgreSQL + Redis (unless DATABASE_URL / REDIS_URL are set), migrations,
                        API (with the web app) and worker; Ctrl-C stops all of it. --demo fills an empty
                        database with a synthetic national data set
  migrate               apply pending migrations (DATABASE_OWNER_URL, or the embedded database)
  token --role ROLE [--county CODE] [--sub ID] [--name NAME] [--ttl HOURS]
                        print a development token (refused when NODE_ENV=production)
  roles-sql             print the SQL that creates the owner and runtime roles (edit the passwords)

Roles: ${Object.values(Role).join(', ')}`;

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      return start({ demo: rest.includes('--demo') });
    case 'migrate': {
      const ownerUrl = process.env['DATABASE_OWNER_URL'];
      const db = ownerUrl ? null : await localDatabase();
      try {
        const applied = await runMigrations(ownerUrl ?? db!.ownerUrl);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Schema is up to date');
      } finally {
        await db?.stop();
      }
      return;
    }
    case 'token': {
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, county: { type: 'string' }, sub: { type: 'string' }, name: { type: 'string' }, ttl: { type: 'string' } },
      });
      if (!isRole(values.role)) throw new UsageError(`--role must be one of ${Object.values(Role).join(', ')}`);
      const ttlHours = values.ttl ? Number(values.ttl) : 8;
      if (!(ttlHours > 0 && ttlHours <= 24)) throw new UsageError('--ttl must be between 0 and 24 hours');
      console.log(await mintToken({ role: values.role, county: values.county, subject: values.sub, name: values.name, ttlSeconds: Math.round(ttlHours * 3600) }));
      return;
    }
    case 'roles-sql':
      console.log(
        rolesSql({ database: 'lahde', owner: { name: 'lahde_owner', password: 'CHANGE-ME-owner' }, runtime: { name: 'lahde_app', password: 'CHANGE-ME-runtime' } })
          .map((s) => `${s};`)
          .join('\n'),
      );
      return;
    default:
      console.log(USAGE);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof UsageError ? 2 : 1);
});
