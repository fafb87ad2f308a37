import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { holdTenantLock } from '@lahde/platform/database';
import { addYears, helsinkiToday } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { AccessPurpose } from './access-purpose';
import { ALWAYS_KEPT, anonymisePerson, ESF_FIELDS, logErasure, removeEsfFields, statePurpose } from './anonymise';
import { ErasureGround, ErasureReason } from './privacy.models';
import { retentionSettingsOf } from './retention-settings.service';

export interface RetentionOutcome {
  tenantId: string;
  anonymised: number;
  esfDataRemoved: number;
  auditEntriesDeleted: number;
}

const RETENTION = { reason: ErasureReason.RETENTION, legalBasis: ErasureGround.RETENTION_PERIOD_ENDED };

/**
 * People past the county's retention period: those whose membership ended (LEFT_ROLE or
 * LEFT_ORGANISATION) before the cutoff, and those never in the network whose last record (change,
 * enrolment, certificate, activity, session trained) is older than it.
 */
const DUE_PEOPLE = `
  SELECT p.id FROM people p LEFT JOIN memberships m ON m.person_id = p.id
   WHERE p.erased_at IS NULL AND (
     (m.status IN ('LEFT_ROLE', 'LEFT_ORGANISATION') AND m.since < $1::date)
     OR (m.id IS NULL AND greatest(
       p.updated_at::date,
       (SELECT max(greatest(e.enrolled_at::date, e.completed_on, e.dropped_on)) FROM enrolments e WHERE e.person_id = p.id),
       (SELECT max(ce.issued_on) FROM certificates ce WHERE ce.person_id = p.id),
       (SELECT max(a.occurred_on) FROM activities a WHERE a.person_id = p.id),
       (SELECT max(s.session_date) FROM course_trainers ct JOIN course_sessions s ON s.course_id = ct.course_id WHERE ct.person_id = p.id)
     ) < $1::date))
   ORDER BY p.id`;

/** Erased ESF+ participants who still carry ESF fields and have not had them removed yet. */
const ESF_DUE = `
  SELECT p.id FROM people p
   WHERE p.erased_at IS NOT NULL
     AND (p.gender IS NOT NULL OR p.birth_year IS NOT NULL OR p.education_level IS NOT NULL OR p.unit_id IS NOT NULL OR p.esf_data_entered)
     AND NOT EXISTS (SELECT 1 FROM erasure_log l WHERE l.person_id = p.id AND l.subject = 'ESF_DATA')
   ORDER BY p.id`;

/**
 * Storage limitation, per county, in that county's own tenant transaction: anonymises people past
 * their retention period (as an erasure does), removes the ESF fields of erased participants once the
 * ESF+ audit period has ended, and deletes audit entries older than the county's audit period. One
 * transaction per county under a per-county lock: a job delivered twice runs once, then finds nothing.
 */
@Injectable()
export class RetentionService {
  constructor(private readonly tx: TenantTransaction) {}

  /** Runs for the tenant in context (the processor enters it from the job's payload). */
  applyToCurrentTenant(today = helsinkiToday()): Promise<RetentionOutcome> {
    return this.tx.run(async (em) => {
      await holdTenantLock(em, 'privacy-retention');
      const [{ tenantId }] = await em.query(`SELECT current_setting('app.tenant_id') AS "tenantId"`);
      const settings = await retentionSettingsOf(em);
      await statePurpose(em, AccessPurpose.RETENTION);
      return {
        tenantId,
        anonymised: await anonymiseDue(em, addYears(today, -settings.personYears)),
        esfDataRemoved: today > settings.esfRetentionUntil ? await removeEsfDue(em) : 0,
        auditEntriesDeleted: await purgeAuditLog(em, settings.auditLogYears),
      };
    });
  }
}

async function anonymiseDue(em: EntityManager, cutoff: string): Promise<number> {
  const due: Array<{ id: string }> = await em.query(DUE_PEOPLE, [cutoff]);
  for (const { id } of due) {
    const { removed, kept } = await anonymisePerson(em, id);
    await logErasure(em, { subject: 'PERSON', personId: id, ...RETENTION, removed, kept });
    await audit(em, 'DELETE', 'Person', id, removed);
  }
  return due.length;
}

async function removeEsfDue(em: EntityManager): Promise<number> {
  const due: Array<{ id: string }> = await em.query(ESF_DUE);
  for (const { id } of due) {
    await removeEsfFields(em, id);
    await logErasure(em, { subject: 'ESF_DATA', personId: id, ...RETENTION, removed: ESF_FIELDS, kept: ALWAYS_KEPT });
    await audit(em, 'UPDATE', 'Person', id, ESF_FIELDS);
  }
  return due.length;
}

/** Deletes what the audit log's own trigger allows: entries older than the county's period. The count stays in the erasure log. */
async function purgeAuditLog(em: EntityManager, years: number): Promise<number> {
  const [{ deleted }] = await em.query(`WITH d AS (DELETE FROM audit_log WHERE at < now() - make_interval(years => $1) RETURNING 1) SELECT count(*)::int AS deleted FROM d`, [years]);
  if (deleted > 0) {
    await logErasure(em, { subject: 'AUDIT_LOG', personId: null, ...RETENTION, removed: ['auditLogEntries'], kept: [`auditLogEntriesOfTheLast${years}Years`], entries: deleted });
  }
  return deleted;
}
