import { Client } from 'pg';
import { runMigrations } from '@lahde/platform/database';
import { runtimeClient } from '@lahde/testing';

describe('reference data and migrations', () => {
  let client: Client;
  beforeAll(async () => (client = await runtimeClient()));
  afterAll(() => client.end());

  it('seeds the 22 tenants with their 2024 populations, adding up to 5,605,317', async () => {
    const { rows } = await client.query(
      'SELECT count(*)::int AS counties, sum(p.population)::int AS population FROM counties c JOIN county_populations p ON p.county_id = c.id AND p.year = 2024',
    );
    expect(rows[0]).toEqual({ counties: 22, population: 5_605_317 });
  });

  it('seeds the 308 municipalities, 16 of them in Åland outside every tenant', async () => {
    const { rows } = await client.query(
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE county_id IS NULL)::int AS outside, count(DISTINCT county_id)::int AS counties FROM municipalities',
    );
    expect(rows[0]).toEqual({ total: 308, outside: 16, counties: 22 });
  });

  it('is up to date: running the migrations again applies nothing', async () => {
    expect(await runMigrations(process.env['DATABASE_OWNER_URL'] as string)).toEqual([]);
  });
});
