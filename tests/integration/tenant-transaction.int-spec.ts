import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MissingTenantContextError, TenancyModule, TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { countyId, runtimeClient } from '@lahde/testing';

/** This suite's rows (suites run in parallel on one database, and others add organisations to these counties too). */
const OWN_ROWS = "SELECT name FROM organisations WHERE name IN ('A org', 'B org') ORDER BY name";

/** The application's door to county data, against real PostgreSQL with a one-connection pool. */
describe('TenantTransaction', () => {
  let dataSource: DataSource;
  let tx: TenantTransaction;
  let tenant: TenantContext;
  let countyA: string;
  let countyB: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        TenancyModule,
        // One connection: every unit of work reuses the connection the previous one used.
        TypeOrmModule.forRoot({ type: 'postgres', url: process.env['DATABASE_URL'], synchronize: false, extra: { max: 1 } }),
      ],
    }).compile();
    dataSource = moduleRef.get(DataSource);
    tx = moduleRef.get(TenantTransaction);
    tenant = moduleRef.get(TenantContext);
    const client = await runtimeClient();
    countyA = await countyId(client, '06');
    countyB = await countyId(client, '07');
    await client.end();
    for (const [county, name] of [[countyA, 'A org'], [countyB, 'B org']] as const) {
      await tenant.runAs(county, 'test', () => tx.run((em) => em.query("INSERT INTO organisations (type, name) VALUES ('OTHER', $1)", [name])));
    }
  });

  afterAll(() => dataSource.destroy());

  it('throws, and returns nothing, when there is no tenant in context', async () => {
    await expect(tx.run((em) => em.query('SELECT * FROM organisations'))).rejects.toBeInstanceOf(MissingTenantContextError);
  });

  it("sees only the context tenant's rows", async () => {
    const names = await tenant.runAs(countyA, 'test', () => tx.run((em) => em.query(OWN_ROWS)));
    expect(names).toEqual([{ name: 'A org' }]);
  });

  it('leaves no tenant on the pooled connection for the next unit of work', async () => {
    await tenant.runAs(countyB, 'test', () => tx.run((em) => em.query('SELECT 1')));
    const [row] = await dataSource.query("SELECT NULLIF(current_setting('app.tenant_id', true), '') AS tenant, (SELECT count(*)::int FROM organisations) AS visible");
    expect(row).toEqual({ tenant: null, visible: 0 });
  });

  it('rolls back the whole unit of work when any statement fails', async () => {
    await expect(
      tenant.runAs(countyA, 'test', () =>
        tx.run(async (em) => {
          await em.query("INSERT INTO organisations (type, name) VALUES ('OTHER', 'half-written')");
          await em.query("INSERT INTO organisations (type, name) VALUES ('NOT-A-TYPE', 'bad')");
        }),
      ),
    ).rejects.toThrow();
    const rows = await tenant.runAs(countyA, 'test', () => tx.run((em) => em.query("SELECT 1 FROM organisations WHERE name = 'half-written'")));
    expect(rows).toHaveLength(0);
  });

  it('keeps concurrent units of work of two tenants apart', async () => {
    const read = (county: string) => tenant.runAs(county, 'test', () => tx.run((em) => em.query(OWN_ROWS)));
    const results = await Promise.all([read(countyA), read(countyB), read(countyA), read(countyB)]);
    expect(results.map((r) => r.map((x: { name: string }) => x.name))).toEqual([['A org'], ['B org'], ['A org'], ['B org']]);
  });
});
