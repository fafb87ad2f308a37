import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

/**
 * The export outbox: a request is a row first (so it survives Redis being down) and a bull job second.
 * The same request (same kind, format, period) while one is pending or done returns the existing row.
 */
export class EsfExports1764000000005 implements MigrationInterface {
  name = 'EsfExports1764000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE esf_exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES counties(id),
        requested_by text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('PARTICIPANTS', 'INDICATORS')),
        format text NOT NULL CHECK (format IN ('CSV', 'CSV_SEMICOLON', 'XLSX')),
        period_from date NOT NULL,
        period_to date NOT NULL CHECK (period_to >= period_from),
        status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
        progress int NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        row_count int,
        sha256 text,
        error text,
        attempts int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // One live request per requester and parameters: a duplicate returns the existing job.
    await q.query(`CREATE UNIQUE INDEX esf_exports_live_key ON esf_exports (tenant_id, requested_by, kind, format, period_from, period_to) WHERE status <> 'FAILED'`);
    await q.query('CREATE INDEX esf_exports_queued_idx ON esf_exports (status, created_at)');
    await isolateByTenant(q, 'esf_exports', 'SELECT, INSERT, UPDATE');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE esf_exports');
  }
}
