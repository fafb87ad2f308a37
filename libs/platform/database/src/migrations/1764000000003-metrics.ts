import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NATIONAL_GROUP, RUNTIME_GROUP } from '../roles';
import { isolateAggregate } from './tenant-isolation';

/**
 * The `metrics` schema: per-county aggregates with no personal data, written by the refresh job inside
 * each county's tenant context and read by the national path. The national role can read these tables
 * and nothing else; a county can write only its own rows.
 */
export class Metrics1764000000003 implements MigrationInterface {
  name = 'Metrics1764000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA metrics');
    await q.query(`GRANT USAGE ON SCHEMA metrics TO ${RUNTIME_GROUP}, ${NATIONAL_GROUP}`);
    // Public reference data (names, populations) for the national views; no county-owned table.
    await q.query(`GRANT SELECT ON counties, county_populations, municipalities, municipality_populations TO ${NATIONAL_GROUP}`);
    await q.query(`
      CREATE TABLE metrics.county_coverage (
        tenant_id uuid PRIMARY KEY REFERENCES counties(id),
        as_of timestamptz NOT NULL,
        active_key_workers int NOT NULL,
        certified_key_workers int NOT NULL,
        active_trainers int NOT NULL,
        municipalities int NOT NULL,
        municipalities_covered int NOT NULL,
        units int NOT NULL,
        units_covered int NOT NULL
      )`);
    await q.query(`
      CREATE TABLE metrics.coverage_breakdown (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        dimension text NOT NULL CHECK (dimension IN ('SECTOR', 'ORGANISATION_TYPE', 'MUNICIPALITY', 'GENDER', 'AGE_BAND')),
        key text NOT NULL,
        active_key_workers int NOT NULL,
        units int NOT NULL,
        units_covered int NOT NULL,
        PRIMARY KEY (tenant_id, dimension, key)
      )`);
    await q.query(`
      CREATE TABLE metrics.course_facts (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        course_id uuid NOT NULL,
        tier int NOT NULL,
        status text NOT NULL,
        first_session date,
        last_session date,
        enrolled int NOT NULL,
        completed int NOT NULL,
        dropped int NOT NULL,
        -- Days from the first session to certification, one element per completer: no one is named.
        completion_days int[] NOT NULL DEFAULT '{}',
        addressing_participants int NOT NULL DEFAULT 0,
        PRIMARY KEY (tenant_id, course_id)
      )`);
    await q.query('CREATE INDEX course_facts_period_idx ON metrics.course_facts (first_session, tier)');
    await q.query(`
      CREATE TABLE metrics.activity_facts (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        month date NOT NULL,
        kind text NOT NULL,
        count int NOT NULL,
        key_workers int NOT NULL,
        PRIMARY KEY (tenant_id, month, kind)
      )`);
    for (const table of ['county_coverage', 'coverage_breakdown', 'course_facts', 'activity_facts']) await isolateAggregate(q, `metrics.${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA metrics CASCADE');
  }
}
