import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files with personal data are not kept for ever: finished export files and uploaded registers that were
 * never committed expire (FILE_RETENTION_DAYS); their rows stay as the record, marked EXPIRED.
 */
export class FileRetention1764000000008 implements MigrationInterface {
  name = 'FileRetention1764000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE esf_exports DROP CONSTRAINT esf_exports_status_check');
    await q.query("ALTER TABLE esf_exports ADD CONSTRAINT esf_exports_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'EXPIRED'))");
    // An expired export no longer answers a repeated request: the same request makes a new file.
    await q.query('DROP INDEX esf_exports_live_key');
    await q.query(
      "CREATE UNIQUE INDEX esf_exports_live_key ON esf_exports (tenant_id, requested_by, kind, format, period_from, period_to) WHERE status NOT IN ('FAILED', 'EXPIRED')",
    );
    await q.query('ALTER TABLE register_imports DROP CONSTRAINT register_imports_status_check');
    await q.query(
      "ALTER TABLE register_imports ADD CONSTRAINT register_imports_status_check CHECK (status IN ('VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED', 'EXPIRED'))",
    );
    await q.query('CREATE INDEX esf_exports_finished_idx ON esf_exports (status, finished_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX esf_exports_finished_idx');
    await q.query("UPDATE register_imports SET status = 'FAILED' WHERE status = 'EXPIRED'");
    await q.query('ALTER TABLE register_imports DROP CONSTRAINT register_imports_status_check');
    await q.query(
      "ALTER TABLE register_imports ADD CONSTRAINT register_imports_status_check CHECK (status IN ('VALIDATING', 'VALID', 'INVALID', 'COMMITTING', 'COMMITTED', 'FAILED'))",
    );
    await q.query("UPDATE esf_exports SET status = 'FAILED' WHERE status = 'EXPIRED'");
    await q.query('DROP INDEX esf_exports_live_key');
    await q.query(
      "CREATE UNIQUE INDEX esf_exports_live_key ON esf_exports (tenant_id, requested_by, kind, format, period_from, period_to) WHERE status <> 'FAILED'",
    );
    await q.query('ALTER TABLE esf_exports DROP CONSTRAINT esf_exports_status_check');
    await q.query("ALTER TABLE esf_exports ADD CONSTRAINT esf_exports_status_check CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))");
  }
}
