import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_GROUP } from '../roles';
import { isolateByTenant } from './tenant-isolation';

/** Shared reference data (tenants, municipalities, populations by year) and the first county-owned table. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE counties (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{2}$'),
        name_fi text NOT NULL,
        name_sv text NOT NULL,
        name_en text NOT NULL,
        map_id text,
        -- The 22 organisers are COUNTY tenants; THL's own tenant (its trainer training) is NATIONAL.
        kind text NOT NULL DEFAULT 'COUNTY' CHECK (kind IN ('COUNTY', 'NATIONAL'))
      )`);
    await q.query(`
      CREATE TABLE county_populations (
        county_id uuid NOT NULL REFERENCES counties(id),
        year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        population int NOT NULL CHECK (population >= 0),
        source text NOT NULL,
        PRIMARY KEY (county_id, year)
      )`);
    await q.query(`
      CREATE TABLE municipalities (
        code text PRIMARY KEY CHECK (code ~ '^[0-9]{3}$'),
        name_fi text NOT NULL,
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}$'),
        county_id uuid REFERENCES counties(id)
      )`);
    await q.query('CREATE INDEX municipalities_county_idx ON municipalities (county_id, name_fi)');
    await q.query(`
      CREATE TABLE municipality_populations (
        municipality_code text NOT NULL REFERENCES municipalities(code),
        year int NOT NULL CHECK (year BETWEEN 1900 AND 2200),
        population int NOT NULL CHECK (population >= 0),
        source text NOT NULL,
        PRIMARY KEY (municipality_code, year)
      )`);
    await q.query(`GRANT SELECT ON counties, county_populations, municipalities, municipality_populations TO ${RUNTIME_GROUP}`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES counties(id),
        type text NOT NULL CHECK (type IN ('COUNTY', 'MUNICIPALITY', 'NGO', 'PARISH', 'COMPANY', 'OTHER')),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        municipality_code text REFERENCES municipalities(code),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query('CREATE UNIQUE INDEX organisations_tenant_name_key ON organisations (tenant_id, lower(name))');
    await isolateByTenant(q, 'organisations');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisations, municipality_populations, municipalities, county_populations, counties');
  }
}
