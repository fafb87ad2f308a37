import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_GROUP } from '../roles';
import { isolateByTenant } from './tenant-isolation';

/** Values of the erasure log; the API's enums mirror them. */
export const ERASURE_REASONS = ['DATA_SUBJECT_REQUEST', 'CONTROLLER_DECISION', 'RETENTION'] as const;
export const ERASURE_GROUNDS = [
  'NO_LONGER_NECESSARY', 'CONSENT_WITHDRAWN', 'OBJECTION', 'UNLAWFUL_PROCESSING', 'LEGAL_OBLIGATION', 'RETENTION_PERIOD_ENDED',
] as const;
const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
/** Audit entries younger than this are never deletable, whatever a county sets. */
export const MIN_AUDIT_LOG_YEARS = 2;

/**
 * Data-protection duties: who read a record and for what (role and purpose on the audit log), erasure
 * of a person (people.erased_at, an erasure log without personal data), per-county retention periods,
 * and the two narrow openings erasure needs in append-only history: clearing a membership event's free
 * text, and deleting audit entries older than the county's retention period. Both are enforced by
 * triggers that answer anything else with "permission denied".
 */
export class Privacy1764000000007 implements MigrationInterface {
  name = 'Privacy1764000000007';

  async up(q: QueryRunner): Promise<void> {
    // Set per transaction by TenantTransaction (role) and by the privacy services (purpose); rows from
    // before this migration have neither, and the access report derives a purpose from the action.
    await q.query(`ALTER TABLE audit_log
      ADD COLUMN actor_role text DEFAULT NULLIF(current_setting('app.actor_role', true), '') CHECK (char_length(actor_role) <= 40),
      ADD COLUMN purpose text DEFAULT NULLIF(current_setting('app.purpose', true), '') CHECK (char_length(purpose) <= 40)`);

    await q.query('ALTER TABLE people ADD COLUMN erased_at timestamptz');

    await q.query(`
      CREATE TABLE privacy_settings (
        tenant_id uuid PRIMARY KEY REFERENCES counties(id),
        person_years int NOT NULL DEFAULT 3 CHECK (person_years BETWEEN 1 AND 10),
        audit_log_years int NOT NULL DEFAULT 5 CHECK (audit_log_years BETWEEN ${MIN_AUDIT_LOG_YEARS} AND 10),
        esf_retention_until date NOT NULL DEFAULT '2031-12-31' CHECK (esf_retention_until BETWEEN '2021-01-01' AND '2100-12-31'),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL DEFAULT coalesce(NULLIF(current_setting('app.actor_id', true), ''), 'system')
      )`);
    await isolateByTenant(q, 'privacy_settings', 'SELECT, INSERT, UPDATE');

    await q.query(`
      CREATE TABLE erasure_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES counties(id),
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL DEFAULT coalesce(NULLIF(current_setting('app.actor_id', true), ''), 'system'),
        subject text NOT NULL CHECK (subject IN ('PERSON', 'ESF_DATA', 'AUDIT_LOG')),
        -- The anonymised row that remains (its id is the pseudonym); null for audit-log purges.
        person_id uuid,
        reason text NOT NULL CHECK (reason IN (${list(ERASURE_REASONS)})),
        legal_basis text NOT NULL CHECK (legal_basis IN (${list(ERASURE_GROUNDS)})),
        -- A diary number of the request, never free text: the log must hold no personal data.
        case_reference text CHECK (case_reference ~ '^[A-Za-z0-9/._-]{1,40}$'),
        removed text[] NOT NULL,
        kept text[] NOT NULL,
        entries int NOT NULL DEFAULT 1 CHECK (entries >= 0),
        FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id)
      )`);
    await q.query('CREATE INDEX erasure_log_at_idx ON erasure_log (tenant_id, at)');
    await q.query('CREATE UNIQUE INDEX erasure_log_once_key ON erasure_log (tenant_id, person_id, subject) WHERE person_id IS NOT NULL');
    await isolateByTenant(q, 'erasure_log', 'SELECT, INSERT');

    // Membership history stays append-only, except that erasure may clear a change's free-text reason.
    await q.query(`GRANT UPDATE (reason) ON membership_events TO ${RUNTIME_GROUP}`);
    await q.query(`
      CREATE FUNCTION membership_events_erase_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.reason IS NOT NULL THEN
          RAISE EXCEPTION 'permission denied: membership history is append-only; a reason can only be erased' USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query('CREATE TRIGGER membership_events_erase_only BEFORE UPDATE ON membership_events FOR EACH ROW EXECUTE FUNCTION membership_events_erase_only()');

    // The audit log stays append-only until an entry is older than the county's retention period.
    await q.query(`GRANT DELETE ON audit_log TO ${RUNTIME_GROUP}`);
    await q.query(`
      CREATE FUNCTION audit_log_retention_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        years int := coalesce((SELECT audit_log_years FROM public.privacy_settings WHERE tenant_id = OLD.tenant_id), 5);
      BEGIN
        IF OLD.at >= now() - make_interval(years => greatest(years, ${MIN_AUDIT_LOG_YEARS})) THEN
          RAISE EXCEPTION 'permission denied: audit entries are kept for % years', years USING ERRCODE = '42501';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query('CREATE TRIGGER audit_log_retention_only BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_retention_only()');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER audit_log_retention_only ON audit_log');
    await q.query('DROP FUNCTION audit_log_retention_only()');
    await q.query(`REVOKE DELETE ON audit_log FROM ${RUNTIME_GROUP}`);
    await q.query('DROP TRIGGER membership_events_erase_only ON membership_events');
    await q.query('DROP FUNCTION membership_events_erase_only()');
    await q.query(`REVOKE UPDATE (reason) ON membership_events FROM ${RUNTIME_GROUP}`);
    await q.query('DROP TABLE erasure_log, privacy_settings');
    await q.query('ALTER TABLE people DROP COLUMN erased_at');
    await q.query('ALTER TABLE audit_log DROP COLUMN purpose, DROP COLUMN actor_role');
  }
}
