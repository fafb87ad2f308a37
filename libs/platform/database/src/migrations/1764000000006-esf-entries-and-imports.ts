import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateAggregate, isolateByTenant } from './tenant-isolation';

/**
 * ESF+ entry cells for the national indicator summary (aggregates, no one named), and the register
 * import: an uploaded key worker register, checked in a dry run and then committed all at once.
 */
export class EsfEntriesAndImports1764000000006 implements MigrationInterface {
  name = 'EsfEntriesAndImports1764000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metrics.esf_entries (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        entry_date date NOT NULL,
        -- md5(unit id : county id): counts distinct units supported without naming them.
        unit_key text,
        gender text NOT NULL,
        education text NOT NULL,
        age_band text NOT NULL,
        qualified boolean NOT NULL,
        participants int NOT NULL CHECK (participants > 0)
      )`);
    await q.query('CREATE INDEX esf_entries_period_idx ON metrics.esf_entries (entry_date, tenant_id)');
    await isolateAggregate(q, 'metrics.esf_entries');

    await q.query(`
      CREATE TABLE register_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES counties(id),
        requested_by text NOT NULL,
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        format text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
        -- The file itself until it is committed (or discarded): the job may run on another host.
        content bytea,
        sha256 text NOT NULL,
        mapping jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'VALIDATING'
          CHECK (status IN ('VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        row_count int,
        -- [{row, column, message}] from the dry run or the commit.
        problems jsonb NOT NULL DEFAULT '[]',
        -- {created, updated, unchanged, certified}: planned by the dry run, done by the commit.
        summary jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (tenant_id, id)
      )`);
    await q.query('CREATE INDEX register_imports_requester_idx ON register_imports (tenant_id, requested_by, created_at)');
    await isolateByTenant(q, 'register_imports', 'SELECT, INSERT, UPDATE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE register_imports');
    await q.query('DROP TABLE metrics.esf_entries');
  }
}
