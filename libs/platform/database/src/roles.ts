import { Client } from 'pg';

/** Group roles the migrations grant to; login roles are members of them. */
export const RUNTIME_GROUP = 'lahde_runtime';
/**
 * The national path: a unit of work for THL's national views switches to this role (SET LOCAL ROLE),
 * which may read the aggregate relations of the `metrics` schema and nothing else.
 */
export const NATIONAL_GROUP = 'lahde_national';

export interface RoleProvisioning {
  database: string;
  owner: { name: string; password: string };
  runtime: { name: string; password: string };
}

/**
 * SQL that an administrator runs once per cluster (`lahde roles-sql | psql`): the owner role that runs
 * migrations and owns the schema, and the runtime login role the API and worker connect as. The
 * runtime role is NOSUPERUSER NOBYPASSRLS and owns nothing, so row-level security always applies.
 */
export function rolesSql(p: RoleProvisioning): string[] {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const id = (s: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`invalid role or database name: ${s}`);
    return s;
  };
  const ensureRole = (name: string, attrs: string) =>
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${lit(name)}) THEN CREATE ROLE ${id(name)}; END IF;
       ALTER ROLE ${id(name)} ${attrs};
     END $$`;
  return [
    ensureRole(RUNTIME_GROUP, 'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT'),
    ensureRole(p.owner.name, `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${lit(p.owner.password)}`),
    ensureRole(p.runtime.name, `LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE INHERIT CONNECTION LIMIT 400 PASSWORD ${lit(p.runtime.password)}`),
    ensureRole(NATIONAL_GROUP, 'NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT'),
    `GRANT ${RUNTIME_GROUP} TO ${id(p.runtime.name)}`,
    // Membership only to switch roles (SET ROLE), without inheriting: the county path never reads national rows.
    `GRANT ${NATIONAL_GROUP} TO ${id(p.runtime.name)} WITH INHERIT FALSE, SET TRUE`,
    `ALTER ROLE ${id(p.runtime.name)} SET statement_timeout = '15s'`,
    `ALTER ROLE ${id(p.runtime.name)} SET idle_in_transaction_session_timeout = '60s'`,
  ];
}

/** Creates the database and roles if missing; idempotent, so `npm start` may run it every time. */
export async function provisionDatabase(superuserUrl: string, p: RoleProvisioning): Promise<void> {
  const admin = new Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    for (const statement of rolesSql(p)) await admin.query(statement);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [p.database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${p.database} OWNER ${p.owner.name} ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
  const db = new Client({ connectionString: superuserUrl.replace(/\/[^/]*$/, `/${p.database}`) });
  await db.connect();
  try {
    // Nobody but the owner may create objects in the public schema.
    await db.query(`REVOKE ALL ON DATABASE ${p.database} FROM PUBLIC`);
    await db.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${p.database} TO ${RUNTIME_GROUP}, ${NATIONAL_GROUP}, ${p.owner.name}`);
    await db.query(`ALTER SCHEMA public OWNER TO ${p.owner.name}`);
    await db.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await db.query('CREATE EXTENSION IF NOT EXISTS pgcrypto');
  } finally {
    await db.end();
  }
}

export function connectionUrl(host: string, port: number, database: string, role: { name: string; password: string }): string {
  return `postgres://${role.name}:${encodeURIComponent(role.password)}@${host}:${port}/${database}`;
}
