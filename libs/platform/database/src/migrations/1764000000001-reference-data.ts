import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTIES, COUNTY_POPULATION_SOURCE, COUNTY_POPULATION_YEAR } from '../reference/counties.data';
import { MUNICIPALITIES, MUNICIPALITY_POPULATION_SOURCE, MUNICIPALITY_POPULATION_YEAR } from '../reference/municipalities.data';

/** Seeds the 22 county tenants, THL's national tenant and the 308 municipalities with populations. A new year's figures are new rows. */
export class ReferenceData1764000000001 implements MigrationInterface {
  name = 'ReferenceData1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO counties (code, name_fi, name_sv, name_en, map_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`,
      columns(COUNTIES, [0, 1, 2, 3, 5]),
    );
    // THL's own tenant: the trainer training it runs for participants from every county.
    await q.query(
      `INSERT INTO counties (code, name_fi, name_sv, name_en, map_id, kind)
       VALUES ('00', 'Terveyden ja hyvinvoinnin laitos (THL)', 'Institutet för hälsa och välfärd (THL)', 'Finnish Institute for Health and Welfare (THL)', NULL, 'NATIONAL')`,
    );
    await q.query(
      `INSERT INTO county_populations (county_id, year, population, source)
       SELECT c.id, $3, p.population, $4
       FROM unnest($1::text[], $2::int[]) AS p(code, population) JOIN counties c ON c.code = p.code`,
      [...columns(COUNTIES, [0, 4]), COUNTY_POPULATION_YEAR, COUNTY_POPULATION_SOURCE],
    );
    await q.query(
      `INSERT INTO municipalities (code, name_fi, region_code, county_id)
       SELECT m.code, m.name_fi, m.region_code, c.id
       FROM unnest($1::text[], $2::text[], $3::text[]) AS m(code, name_fi, region_code)
       LEFT JOIN counties c ON c.code = m.region_code`,
      columns(MUNICIPALITIES, [0, 1, 2]),
    );
    await q.query(
      `INSERT INTO municipality_populations (municipality_code, year, population, source)
       SELECT code, $3, population, $4 FROM unnest($1::text[], $2::int[]) AS p(code, population)`,
      [...columns(MUNICIPALITIES, [0, 3]), MUNICIPALITY_POPULATION_YEAR, MUNICIPALITY_POPULATION_SOURCE],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM municipality_populations; DELETE FROM municipalities; DELETE FROM county_populations; DELETE FROM counties');
  }
}

function columns(rows: ReadonlyArray<ReadonlyArray<unknown>>, indexes: number[]): unknown[][] {
  return indexes.map((i) => rows.map((row) => row[i]));
}
