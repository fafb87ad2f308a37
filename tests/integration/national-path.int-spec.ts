import { Client } from 'pg';
import { countyId, runtimeClient } from '@lahde/testing';

/** The national path reads aggregates only, and a county writes and reads only its own aggregates: enforced by PostgreSQL. */
describe('national path and metrics schema', () => {
  let db: Client;
  let countyA: string;
  let countyB: string;

  const tx = async <T>(setup: string[], work: () => Promise<T>): Promise<T> => {
    await db.query('BEGIN');
    try {
      for (const sql of setup) await db.query(sql);
      return await work();
    } finally {
      await db.query('ROLLBACK');
    }
  };
  const asCounty = (id: string) => [`SELECT set_config('app.tenant_id', '${id}', true)`];
  const NATIONAL = ['SET LOCAL ROLE lahde_national'];
  const coverageRow = (tenant: string) =>
    db.query(
      `INSERT INTO metrics.county_coverage (tenant_id, as_of, active_key_workers, certified_key_workers, active_trainers, municipalities, municipalities_covered, units, units_covered)
       VALUES ($1, now(), 1, 1, 0, 1, 1, 1, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET as_of = excluded.as_of`,
      [tenant],
    );

  beforeAll(async () => {
    db = await runtimeClient();
    countyA = await countyId(db, '02');
    countyB = await countyId(db, '05');
  });
  afterAll(() => db.end());

  it('refuses every county-owned table to the national role', async () => {
    for (const table of ['people', 'organisations', 'units', 'courses', 'enrolments', 'certificates', 'memberships', 'activities', 'audit_log']) {
      await expect(tx(NATIONAL, () => db.query(`SELECT count(*) FROM ${table}`))).rejects.toThrow(/permission denied/);
    }
  });

  it('lets the national role read aggregates and reference data, but not write them', async () => {
    await tx(NATIONAL, async () => {
      await db.query('SELECT count(*) FROM metrics.county_coverage');
      expect((await db.query("SELECT count(*)::int AS n FROM counties WHERE kind = 'COUNTY'")).rows[0].n).toBe(22);
    });
    await expect(tx(NATIONAL, () => coverageRow(countyA))).rejects.toThrow(/permission denied/);
  });

  it("lets a county write its own aggregates only, and read only its own", async () => {
    await tx(asCounty(countyA), async () => {
      await coverageRow(countyA);
      await expect(coverageRow(countyB)).rejects.toThrow(/row-level security/);
    });
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [countyB]);
    await coverageRow(countyB);
    await db.query('COMMIT');
    try {
      // Refresh jobs of the e2e suites may write rows of their own meanwhile: only A's may show.
      const seenByA = await tx(asCounty(countyA), () => db.query('SELECT tenant_id FROM metrics.county_coverage'));
      expect(seenByA.rows.filter((r) => r.tenant_id !== countyA)).toEqual([]);
      const seenNationally = await tx(NATIONAL, () => db.query('SELECT tenant_id FROM metrics.county_coverage'));
      expect(seenNationally.rows.map((r) => r.tenant_id)).toContain(countyB);
    } finally {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_id', $1, true)`, [countyB]);
      await db.query('DELETE FROM metrics.county_coverage');
      await db.query('COMMIT');
    }
  });

  it('has row-level security enabled and forced on every aggregate table, and no view or SECURITY DEFINER function', async () => {
    const tables = await db.query(
      `SELECT c.relname, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'metrics' AND c.relkind = 'r'`,
    );
    expect(tables.rows.length).toBeGreaterThanOrEqual(4);
    for (const t of tables.rows) expect(t).toEqual({ relname: t.relname, enabled: true, forced: true });
    const exposed = await db.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'metrics') AND c.relkind IN ('v', 'm')
       UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('public', 'metrics') AND p.prosecdef`,
    );
    expect(exposed.rows).toEqual([]);
  });

  it('cannot take the national role for a whole session outside a transaction by accident', async () => {
    await tx(NATIONAL, async () => undefined);
    expect((await db.query('SELECT current_user AS u')).rows[0].u).toBe('lahde_app');
  });
});
