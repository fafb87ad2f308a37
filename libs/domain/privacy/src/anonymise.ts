import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** Fields that identify a person or are free text about them: erasure removes all of them. */
export const ALWAYS_REMOVED = ['firstName', 'lastName', 'email', 'phone', 'jobTitle', 'workAddress', 'directoryOptIn', 'activityNotes', 'reviewNotes', 'membershipChangeReasons'];
/** The inputs of the ESF+ participant export and indicators: kept for ESF+ participants until the audit period ends. */
export const ESF_FIELDS = ['gender', 'birthYear', 'educationLevel', 'unit', 'esfDataEntered'];
/** Records kept for everyone: they carry no identity once the person row is anonymised, and counts and lineage depend on them. */
export const ALWAYS_KEPT = ['pseudonymousId', 'membershipHistory', 'enrolments', 'attendance', 'tasks', 'certificates', 'activities', 'courseTrainers'];

export const ERASED_FIRST_NAME = 'Poistettu';

/** The anonymised row's name: not reversible to the person, stable for the same row (lists stay sortable). */
export function pseudonymOf(personId: string): string {
  return `P-${createHash('sha256').update(personId).digest('hex').slice(0, 10)}`;
}

export interface AnonymisedPerson {
  removed: string[];
  kept: string[];
}

/** Is the person an ESF+ participant: enrolled in a trainer (tier 1) or key worker (tier 2) course? */
async function isEsfParticipant(em: EntityManager, personId: string): Promise<boolean> {
  const [row] = await em.query(
    `SELECT EXISTS (SELECT 1 FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
                     WHERE e.person_id = $1) AS esf`,
    [personId],
  );
  return row.esf;
}

/**
 * Anonymises one person in the caller's transaction: the row stays (enrolments, certificates, lineage
 * and counts point to it) but its identity and every free text about the person go. An ESF+
 * participant keeps the ESF fields until the programme's audit period ends; anyone else loses them too.
 */
export async function anonymisePerson(em: EntityManager, personId: string): Promise<AnonymisedPerson> {
  const esf = await isEsfParticipant(em, personId);
  await em.query(
    `UPDATE people SET first_name = $2, last_name = $3, email = $4, phone = NULL, job_title = NULL, work_address = NULL, directory_opt_in = false,
            gender = CASE WHEN $5::boolean THEN gender END, birth_year = CASE WHEN $5::boolean THEN birth_year END,
            education_level = CASE WHEN $5::boolean THEN education_level END, unit_id = CASE WHEN $5::boolean THEN unit_id END,
            esf_data_entered = $5::boolean AND esf_data_entered,
            erased_at = now(), updated_at = now(), version = version + 1
      WHERE id = $1`,
    [personId, ERASED_FIRST_NAME, pseudonymOf(personId), `erased-${personId}@erased.invalid`, esf],
  );
  await em.query('UPDATE activities SET note = NULL, updated_at = now(), version = version + 1 WHERE person_id = $1 AND note IS NOT NULL', [personId]);
  await em.query(
    'UPDATE review_items SET note = NULL WHERE note IS NOT NULL AND membership_id IN (SELECT id FROM memberships WHERE person_id = $1)',
    [personId],
  );
  await em.query(
    'UPDATE membership_events SET reason = NULL WHERE reason IS NOT NULL AND membership_id IN (SELECT id FROM memberships WHERE person_id = $1)',
    [personId],
  );
  return esf ? { removed: ALWAYS_REMOVED, kept: [...ALWAYS_KEPT, ...ESF_FIELDS] } : { removed: [...ALWAYS_REMOVED, ...ESF_FIELDS], kept: ALWAYS_KEPT };
}

/** At the end of the ESF+ audit period an erased participant loses the ESF fields as well. */
export async function removeEsfFields(em: EntityManager, personId: string): Promise<void> {
  await em.query(
    `UPDATE people SET gender = NULL, birth_year = NULL, education_level = NULL, unit_id = NULL, esf_data_entered = false,
            updated_at = now(), version = version + 1 WHERE id = $1`,
    [personId],
  );
}

/** The purpose recorded with the audit entries of the rest of this transaction. */
export async function statePurpose(em: EntityManager, purpose: string): Promise<void> {
  await em.query("SELECT set_config('app.purpose', $1, true)", [purpose]);
}

export interface ErasureLogRow {
  subject: 'PERSON' | 'ESF_DATA' | 'AUDIT_LOG';
  personId: string | null;
  reason: string;
  legalBasis: string;
  caseReference?: string | null;
  removed: string[];
  kept: string[];
  entries?: number;
}

export async function logErasure(em: EntityManager, row: ErasureLogRow): Promise<void> {
  await em.query(
    `INSERT INTO erasure_log (subject, person_id, reason, legal_basis, case_reference, removed, kept, entries) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.subject, row.personId, row.reason, row.legalBasis, row.caseReference ?? null, row.removed, row.kept, row.entries ?? 1],
  );
}
