import { Client } from 'pg';
import { countyId, inTenant, ownerClient, runtimeClient } from '@lahde/testing';

/**
 * Isolation proven in PostgreSQL itself, as the runtime role the API connects as: whatever the
 * application code does, a transaction scoped to county A cannot see or change county B's rows.
 */
describe('row-level security as the runtime role', () => {
  let app: Client;
  let owner: Client;
  let countyA: string;
  let countyB: string;
  let orgB: string;

  beforeAll(async () => {
    app = await runtimeClient();
    owner = await ownerClient();
    countyA = await countyId(app, '08');
    countyB = await countyId(app, '09');
    // Arrange B's row through the application path (tenant context), never by bypassing RLS.
    await app.query('BEGIN');
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [countyB]);
    const { rows } = await app.query("INSERT INTO organisations (type, name) VALUES ('NGO', 'B shelter ' || gen_random_uuid()) RETURNING id, tenant_id");
    await app.query('COMMIT');
    orgB = rows[0].id;
    expect(rows[0].tenant_id).toBe(countyB);
  });

  afterAll(async () => {
    await app.end();
    await owner.end();
  });

  it('connects as a role that is not superuser, cannot bypass RLS and owns nothing', async () => {
    const { rows } = await app.query(
      `SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned_relations,
              (SELECT count(*)::int FROM pg_namespace n WHERE n.nspowner = r.oid) AS owned_schemas
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, owned_relations: 0, owned_schemas: 0 });
  });

  it('has RLS enabled and forced, with a policy, on every table that has a tenant_id', async () => {
    const { rows } = await owner.query(
      `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
              (SELECT count(*)::int FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
    );
    expect(rows.map((r) => r.relname)).toContain('organisations');
    for (const row of rows) expect(row).toEqual({ relname: row.relname, relrowsecurity: true, relforcerowsecurity: true, policies: 1 });
  });

  it('shows no rows and accepts no insert without a tenant context', async () => {
    await inTenant(app, null, async () => {
      const { rows } = await app.query('SELECT count(*)::int AS n FROM organisations');
      expect(rows[0].n).toBe(0);
    });
    await expect(inTenant(app, null, () => app.query("INSERT INTO organisations (type, name) VALUES ('NGO', 'nobody''s')"))).rejects.toThrow(
      /null value in column "tenant_id"|row-level security/,
    );
  });

  it("cannot read, update or delete another county's rows inside its own context", async () => {
    await inTenant(app, countyA, async () => {
      expect((await app.query('SELECT * FROM organisations WHERE id = $1', [orgB])).rowCount).toBe(0);
      expect((await app.query("UPDATE organisations SET name = 'hijacked' WHERE id = $1", [orgB])).rowCount).toBe(0);
      expect((await app.query('DELETE FROM organisations WHERE id = $1', [orgB])).rowCount).toBe(0);
    });
    await inTenant(app, countyB, async () => {
      const { rows } = await app.query('SELECT name FROM organisations WHERE id = $1', [orgB]);
      expect(rows[0].name).toMatch(/^B shelter/);
    });
  });

  it("cannot insert a row for another county, nor move its own row there", async () => {
    await expect(
      inTenant(app, countyA, () => app.query("INSERT INTO organisations (tenant_id, type, name) VALUES ($1, 'NGO', 'forged')", [countyB])),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inTenant(app, countyA, async () => {
        const { rows } = await app.query("INSERT INTO organisations (type, name) VALUES ('NGO', 'A own') RETURNING id");
        await app.query('UPDATE organisations SET tenant_id = $1 WHERE id = $2', [countyB, rows[0].id]);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot switch off RLS, change the policy or read the table as someone else', async () => {
    for (const sql of [
      'ALTER TABLE organisations DISABLE ROW LEVEL SECURITY',
      'DROP POLICY tenant_isolation ON organisations',
      'SET ROLE lahde_owner',
      'SET row_security = off; SELECT * FROM organisations',
    ]) {
      await expect(inTenant(app, countyA, () => app.query(sql))).rejects.toThrow(/must be owner|permission denied|row-level security|query would be affected/);
    }
  });

  it('leaves no tenant on the connection after the transaction ends', async () => {
    await app.query('BEGIN');
    await app.query("SELECT set_config('app.tenant_id', $1, true)", [countyB]);
    await app.query('COMMIT');
    const { rows } = await app.query("SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, (SELECT count(*)::int FROM organisations) AS visible");
    expect(rows[0]).toEqual({ tenant: null, visible: 0 });
  });

  it('reads shared reference data without a tenant, but cannot change it', async () => {
    const { rows } = await app.query("SELECT count(*)::int AS n FROM counties WHERE kind = 'COUNTY'");
    expect(rows[0].n).toBe(22);
    await expect(app.query("UPDATE counties SET name_en = 'x' WHERE code = '10'")).rejects.toThrow(/permission denied/);
  });
});
