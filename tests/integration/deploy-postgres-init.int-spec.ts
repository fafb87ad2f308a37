import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { connectionUrl, rolesSql, runMigrations } from '@lahde/platform/database';

const DEPLOY = path.join(__dirname, '../../deploy/postgres');
const SCRIPT = path.join(DEPLOY, '10-lahde-database.sh');
const TEMPLATE = path.join(DEPLOY, 'lahde-roles.sql.in');
// Characters that must survive both sed and SQL quoting.
const OWNER_PASSWORD = "o'wn&er|pw\\1";
const APP_PASSWORD = 'app-secret-123';
// Roles and database of this suite's own: the login roles of the shared test cluster stay untouched.
const DATABASE = 'lahde_deploy_check';
const OWNER = 'deploy_check_owner';
const APP = 'deploy_check_app';

/**
 * The compose file's first-start script for the PostgreSQL container, run as the container would run it
 * (psql as the superuser): roles and database exist, the owner can migrate, and the runtime role is the
 * restricted one the application expects.
 */
describe('deploy/postgres first-start script', () => {
  const superuserUrl = new URL(process.env['DATABASE_SUPERUSER_URL'] as string);
  const at = (database: string, role: { name: string; password: string }) => connectionUrl(superuserUrl.hostname, Number(superuserUrl.port), database, role);

  afterAll(async () => {
    const admin = new Client({ connectionString: superuserUrl.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${APP}, ${OWNER}`);
    await admin.end();
  });

  it('holds exactly the role SQL of `lahde roles-sql`', () => {
    const template = readFileSync(TEMPLATE, 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('--'))
      .join('\n')
      .trim();
    const generated = rolesSql({ database: 'lahde', owner: { name: 'lahde_owner', password: 'CHANGE-ME-owner' }, runtime: { name: 'lahde_app', password: 'CHANGE-ME-runtime' } })
      .map((s) => `${s};`)
      .join('\n');
    // Out of date: regenerate with the command in the file's first line.
    expect(template).toBe(generated);
  });

  it('creates the roles and the database; the owner migrates, the runtime role is restricted', async () => {
    const { stdout } = await promisify(execFile)('sh', [SCRIPT], {
      env: {
        PATH: process.env['PATH'],
        PGHOST: superuserUrl.hostname,
        PGPORT: superuserUrl.port,
        PGPASSWORD: decodeURIComponent(superuserUrl.password),
        POSTGRES_USER: decodeURIComponent(superuserUrl.username),
        LAHDE_DATABASE: DATABASE,
        LAHDE_OWNER_ROLE: OWNER,
        LAHDE_APP_ROLE: APP,
        LAHDE_OWNER_PASSWORD: OWNER_PASSWORD,
        LAHDE_APP_PASSWORD: APP_PASSWORD,
        LAHDE_ROLES_TEMPLATE: TEMPLATE,
      },
    });
    expect(stdout).toContain(`database ${DATABASE} are ready`);

    const applied = await runMigrations(at(DATABASE, { name: OWNER, password: OWNER_PASSWORD }));
    expect(applied.length).toBeGreaterThan(0);

    const runtime = new Client({ connectionString: at(DATABASE, { name: APP, password: APP_PASSWORD }) });
    await runtime.connect();
    try {
      const [role] = (await runtime.query('SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user')).rows;
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
      expect((await runtime.query('SHOW statement_timeout')).rows[0].statement_timeout).toBe('15s');
      expect((await runtime.query('SELECT count(*)::int AS n FROM counties')).rows[0].n).toBe(23);
      await expect(runtime.query('CREATE TABLE intruder (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await runtime.end();
    }
  });
});
