import { Client } from 'pg';
import { NATIONAL_GROUP, RUNTIME_GROUP } from '@lahde/platform/database';
import { ownerClient, runtimeClient } from '@lahde/testing';

/**
 * The security posture of the migrated database, read from PostgreSQL's own catalog so that every new
 * table, view, function or grant is covered without editing this file. Each check is a query that lists
 * violations (expected: none); each is also shown to fire on a deliberately bad object created in a
 * rolled-back transaction, so that an empty answer means "nothing wrong", not "the query is broken".
 */

/** SECURITY DEFINER functions the runtime or national role may call, each with the reason it is safe. */
const ALLOWED_SECURITY_DEFINER: Record<string, string> = {};

const SCHEMAS = ['public', 'metrics'];

/** Every role the runtime login role is, inherits or may SET ROLE to. `:runtime` and `:schemas` are filled in by `sql()`. */
const REACHABLE_ROLES = `SELECT r.oid, r.rolname FROM pg_roles r WHERE pg_has_role(:runtime, r.oid, 'MEMBER')`;

/** Tables (plain or partitioned) that hold county rows: any table of our schemas with a tenant_id column. */
const COUNTY_TABLES = `
  SELECT c.oid, n.nspname, c.relname, format('%I.%I', n.nspname, c.relname) AS name, c.relrowsecurity, c.relforcerowsecurity
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY(:schemas) AND c.relkind IN ('r', 'p')
     AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`;

const CHECKS = {
  /** Roles reachable from the runtime role with a dangerous attribute. */
  privilegedRoles: `
    SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb, r.rolreplication
      FROM pg_roles r WHERE r.oid IN (SELECT oid FROM (${REACHABLE_ROLES}) reach)
       AND (r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb OR r.rolreplication)`,

  /** Anything owned by a role reachable from the runtime role: the owner may bypass grants and change RLS. */
  ownedObjects: `
    WITH reach AS (${REACHABLE_ROLES})
    SELECT 'relation ' || c.oid::regclass::text AS object FROM pg_class c WHERE c.relowner IN (SELECT oid FROM reach)
       AND c.relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname LIKE 'pg\\_temp\\_%' OR nspname LIKE 'pg\\_toast\\_temp\\_%')
    UNION ALL SELECT 'function ' || p.oid::regprocedure::text FROM pg_proc p WHERE p.proowner IN (SELECT oid FROM reach)
    UNION ALL SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE n.nspowner IN (SELECT oid FROM reach)
    UNION ALL SELECT 'type ' || t.oid::regtype::text FROM pg_type t WHERE t.typowner IN (SELECT oid FROM reach) AND t.typrelid = 0
    UNION ALL SELECT 'database ' || d.datname FROM pg_database d WHERE d.datdba IN (SELECT oid FROM reach)
    UNION ALL SELECT 'large object ' || l.oid FROM pg_largeobject_metadata l WHERE l.lomowner IN (SELECT oid FROM reach)
    UNION ALL SELECT 'event trigger ' || e.evtname FROM pg_event_trigger e WHERE e.evtowner IN (SELECT oid FROM reach)`,

  /** County tables without RLS enabled and forced, or without a policy. */
  unprotectedTables: `
    SELECT t.name, t.relrowsecurity AS enabled, t.relforcerowsecurity AS forced, (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = t.oid) AS policies
      FROM (${COUNTY_TABLES}) t
     WHERE NOT t.relrowsecurity OR NOT t.relforcerowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = t.oid)`,

  /** Policies that apply to the runtime role (directly, through a group it inherits, or PUBLIC) and do not filter by the transaction's tenant. */
  policiesIgnoringTenant: `
    SELECT format('%I.%I', p.schemaname, p.tablename) AS name, p.policyname, p.roles::text[] AS roles
      FROM pg_policies p
     WHERE p.schemaname = ANY(:schemas)
       AND EXISTS (SELECT 1 FROM unnest(p.roles) role WHERE role = 'public' OR pg_has_role(:runtime, role, 'USAGE'))
       AND (coalesce(p.qual, p.with_check) NOT LIKE '%app.tenant_id%' OR coalesce(p.with_check, p.qual) NOT LIKE '%app.tenant_id%')`,

  /** Privileges of the runtime role that row-level security does not govern (TRUNCATE empties every county's rows) or that reach beyond DML. */
  runtimeBeyondDml: `
    SELECT t.name, priv FROM (${COUNTY_TABLES}) t CROSS JOIN unnest(ARRAY['TRUNCATE', 'TRIGGER', 'REFERENCES']) priv
     WHERE has_table_privilege(:runtime, t.oid, priv)
    UNION ALL
    SELECT 'schema ' || n.nspname, 'CREATE' FROM pg_namespace n WHERE n.nspname = ANY(:schemas) AND has_schema_privilege(:runtime, n.oid, 'CREATE')`,

  /** Any privilege of the national role on a county table of the public schema, or any write on the aggregates. */
  nationalOnCountyTables: `
    SELECT t.name, priv FROM (${COUNTY_TABLES}) t CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) priv
     WHERE t.nspname = 'public' AND (has_table_privilege('${NATIONAL_GROUP}', t.oid, priv)
        OR (priv IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') AND has_any_column_privilege('${NATIONAL_GROUP}', t.oid, priv)))
    UNION ALL
    SELECT t.name, priv FROM (${COUNTY_TABLES}) t CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) priv
     WHERE t.nspname <> 'public' AND has_table_privilege('${NATIONAL_GROUP}', t.oid, priv)
    UNION ALL
    SELECT 'schema ' || n.nspname, 'CREATE' FROM pg_namespace n WHERE n.nspname = ANY(:schemas) AND has_schema_privilege('${NATIONAL_GROUP}', n.oid, 'CREATE')`,

  /** Views and materialised views the national role can read that depend, directly or through other views, on a county table of the public schema. */
  nationalViewsOverCountyTables: `
    WITH RECURSIVE county AS (SELECT oid FROM (${COUNTY_TABLES}) t WHERE t.nspname = 'public'),
    uses(view_oid, used_oid) AS (
      SELECT r.ev_class, d.refobjid FROM pg_rewrite r
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
       WHERE d.refobjid <> r.ev_class
      UNION
      SELECT u.view_oid, d.refobjid FROM uses u JOIN pg_rewrite r ON r.ev_class = u.used_oid
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.refclassid = 'pg_class'::regclass
       WHERE d.refobjid <> r.ev_class)
    SELECT DISTINCT v.oid::regclass::text AS view, u.used_oid::regclass::text AS county_table
      FROM pg_class v JOIN pg_namespace n ON n.oid = v.relnamespace JOIN uses u ON u.view_oid = v.oid
     WHERE n.nspname = ANY(:schemas) AND v.relkind IN ('v', 'm') AND u.used_oid IN (SELECT oid FROM county)
       AND has_table_privilege('${NATIONAL_GROUP}', v.oid, 'SELECT')`,

  /** SECURITY DEFINER functions, in any schema, that the runtime or national role may execute. */
  securityDefinerFunctions: `
    SELECT p.oid::regprocedure::text AS function, pg_get_userbyid(p.proowner) AS owner
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND (has_function_privilege(:runtime, p.oid, 'EXECUTE') OR has_function_privilege('${NATIONAL_GROUP}', p.oid, 'EXECUTE'))`,
};

type Check = keyof typeof CHECKS;

describe('database security posture (catalog checks)', () => {
  let owner: Client;
  let runtime: Client;
  let superuser: Client;
  const runtimeRole = new URL(process.env['DATABASE_URL'] ?? 'postgres://unset@x/x').username;

  /** Fills in the runtime role and the schemas as literals (they come from the harness, not from input). */
  const sql = (text: string) =>
    text.replace(/:runtime/g, owner.escapeLiteral(runtimeRole)).replace(/:schemas/g, `ARRAY[${SCHEMAS.map((s) => owner.escapeLiteral(s)).join(', ')}]`);
  const violations = async (check: Check) => (await owner.query(sql(CHECKS[check]))).rows;

  /** Creates a bad object in a transaction (as `db`: the owner, or the superuser for role changes), runs the check inside it, and rolls back. */
  const firesOn = async (check: Check, setup: string[], db: Client = owner) => {
    await db.query('BEGIN');
    try {
      for (const statement of setup) await db.query(statement);
      return (await db.query(sql(CHECKS[check]))).rows;
    } finally {
      await db.query('ROLLBACK');
    }
  };

  beforeAll(async () => {
    owner = await ownerClient();
    runtime = await runtimeClient();
    superuser = new Client({ connectionString: process.env['DATABASE_SUPERUSER_URL'] });
    await superuser.connect();
  });
  afterAll(async () => {
    await owner.end();
    await runtime.end();
    await superuser.end();
  });

  it('finds the county tables from the catalog (the lists below are derived, not typed in)', async () => {
    const { rows } = await owner.query(sql(COUNTY_TABLES));
    const names = rows.map((r) => r.name);
    // A floor, not the list: a known table in each schema proves the query reads the right catalog.
    expect(names).toEqual(expect.arrayContaining(['public.organisations', 'public.people', 'public.audit_log', 'metrics.county_coverage']));
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it('runs the API as a role that is no superuser, cannot bypass RLS, create roles or databases, nor reaches a role that can', async () => {
    expect(runtimeRole).toBe((await runtime.query('SELECT current_user AS u')).rows[0].u);
    const reachable = (await owner.query(sql(REACHABLE_ROLES))).rows.map((r) => r.rolname).sort();
    expect(reachable).toEqual([runtimeRole, NATIONAL_GROUP, RUNTIME_GROUP].sort());
    expect(await violations('privilegedRoles')).toEqual([]);
    expect((await firesOn('privilegedRoles', [`ALTER ROLE ${NATIONAL_GROUP} CREATEDB`], superuser)).map((r) => r.rolname)).toEqual([NATIONAL_GROUP]);
  });

  it('switches to the national role only explicitly: membership without inheritance', async () => {
    const { rows } = await owner.query(
      `SELECT m.inherit_option, m.set_option FROM pg_auth_members m WHERE m.member = $1::regrole AND m.roleid = $2::regrole`,
      [runtimeRole, NATIONAL_GROUP],
    );
    expect(rows).toEqual([{ inherit_option: false, set_option: true }]);
  });

  it('lets the runtime role own nothing: no table, view, sequence, function, type, schema or database', async () => {
    expect(await violations('ownedObjects')).toEqual([]);
    // As the owner: what a forgotten ALTER ... OWNER TO in a migration would leave behind.
    const found = await firesOn('ownedObjects', ['CREATE SEQUENCE posture_probe_seq', `ALTER SEQUENCE posture_probe_seq OWNER TO ${RUNTIME_GROUP}`], superuser);
    expect(found).toEqual([{ object: 'relation posture_probe_seq' }]);
  });

  it('has RLS enabled and forced, with a policy, on every table with a tenant_id in public and metrics', async () => {
    expect(await violations('unprotectedTables')).toEqual([]);
    const found = await firesOn('unprotectedTables', ['CREATE TABLE metrics.posture_probe (tenant_id uuid NOT NULL)']);
    expect(found).toEqual([{ name: 'metrics.posture_probe', enabled: false, forced: false, policies: 0 }]);
  });

  it("filters every policy that applies to the runtime role by the transaction's tenant", async () => {
    expect(await violations('policiesIgnoringTenant')).toEqual([]);
    const found = await firesOn('policiesIgnoringTenant', [`CREATE POLICY posture_probe ON public.organisations FOR SELECT TO ${RUNTIME_GROUP} USING (true)`]);
    expect(found).toEqual([{ name: 'public.organisations', policyname: 'posture_probe', roles: [RUNTIME_GROUP] }]);
  });

  it('gives the runtime role no privilege that row-level security does not govern (TRUNCATE, TRIGGER, REFERENCES, CREATE)', async () => {
    expect(await violations('runtimeBeyondDml')).toEqual([]);
    expect(await firesOn('runtimeBeyondDml', [`GRANT TRUNCATE ON public.people TO ${RUNTIME_GROUP}`])).toEqual([{ name: 'public.people', priv: 'TRUNCATE' }]);
  });

  it('gives the national role no privilege on any county table, and only reads on the aggregates', async () => {
    expect(await violations('nationalOnCountyTables')).toEqual([]);
    expect(await firesOn('nationalOnCountyTables', [`GRANT SELECT (first_name) ON public.people TO ${NATIONAL_GROUP}`])).toEqual([{ name: 'public.people', priv: 'SELECT' }]);
    expect(await firesOn('nationalOnCountyTables', [`GRANT UPDATE ON metrics.county_coverage TO ${NATIONAL_GROUP}`])).toEqual([{ name: 'metrics.county_coverage', priv: 'UPDATE' }]);
  });

  it('has no view readable by the national role that reads a county table, directly or through another view', async () => {
    expect(await violations('nationalViewsOverCountyTables')).toEqual([]);
    const found = await firesOn(
      'nationalViewsOverCountyTables',
      [
        'CREATE VIEW metrics.posture_inner AS SELECT tenant_id, count(*) AS n FROM public.people GROUP BY tenant_id',
        'CREATE VIEW metrics.posture_outer AS SELECT * FROM metrics.posture_inner',
        `GRANT SELECT ON metrics.posture_outer TO ${NATIONAL_GROUP}`,
      ],
    );
    expect(found).toEqual([{ view: 'metrics.posture_outer', county_table: 'people' }]);
  });

  it('has no SECURITY DEFINER function the runtime or national role can call, except those listed with a reason', async () => {
    const found = (await violations('securityDefinerFunctions')).filter((f) => !(f.function in ALLOWED_SECURITY_DEFINER));
    expect(found).toEqual([]);
    const probe = await firesOn('securityDefinerFunctions', ['CREATE FUNCTION public.posture_probe() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$ SELECT count(*) FROM public.people $$']);
    expect(probe).toEqual([{ function: 'posture_probe()', owner: 'lahde_owner' }]);
  });

  it('bounds every statement and idle transaction of the runtime role', async () => {
    const { rows } = await owner.query(
      `SELECT unnest(s.setconfig) AS setting FROM pg_db_role_setting s WHERE s.setrole = $1::regrole AND s.setdatabase = 0`,
      [runtimeRole],
    );
    const settings = Object.fromEntries(rows.map((r) => r.setting.split('=')));
    expect(settings).toEqual(expect.objectContaining({ statement_timeout: expect.any(String), idle_in_transaction_session_timeout: expect.any(String) }));
    // What a runtime connection actually gets, in milliseconds: set, and short enough to stop a runaway query.
    const effective = await runtime.query(
      `SELECT setting::int AS ms FROM pg_settings WHERE name = 'statement_timeout'
       UNION ALL SELECT setting::int FROM pg_settings WHERE name = 'idle_in_transaction_session_timeout'`,
    );
    for (const { ms } of effective.rows) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(60_000);
    }
  });
});
