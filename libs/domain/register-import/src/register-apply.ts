import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { ensureActiveMembership } from '@lahde/domain/network';
import { PlannedPerson, PROFILE_COLUMNS } from './register-plan';

/**
 * Writes a checked plan in the caller's transaction (all rows or none): new people are created,
 * changed fields updated, key worker certificates without a course recorded with an ACTIVE membership.
 * Every change is audited like the same change made through the API.
 */
export async function applyPlan(em: EntityManager, people: PlannedPerson[], onProgress: (done: number) => Promise<void>): Promise<void> {
  for (const [i, person] of people.entries()) {
    const id = person.existing ? await update(em, person) : await create(em, person);
    if (person.certifyOn) {
      const [certificate] = await em.query(
        "INSERT INTO certificates (person_id, kind, issued_on) VALUES ($1, 'KEY_WORKER', $2) ON CONFLICT (tenant_id, person_id, kind) DO NOTHING RETURNING id",
        [id, person.certifyOn],
      );
      if (certificate) {
        await audit(em, 'CREATE', 'Certificate', certificate.id, ['imported']);
        await ensureActiveMembership(em, id, person.certifyOn);
      }
    }
    if ((i + 1) % 50 === 0) await onProgress(i + 1);
  }
}

async function create(em: EntityManager, person: PlannedPerson): Promise<string> {
  const p = person.profile;
  const [created] = await em.query(
    'INSERT INTO people (first_name, last_name, email, phone, job_title, unit_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
    [p.firstName, p.lastName, person.email, p.phone ?? null, p.jobTitle ?? null, p.unitId ?? null],
  );
  await audit(em, 'CREATE', 'Person', created.id, ['imported']);
  return created.id;
}

async function update(em: EntityManager, person: PlannedPerson): Promise<string> {
  const { id, version } = person.existing!;
  if (!person.changes.length) return id;
  const sets = person.changes.map((field, i) => `${PROFILE_COLUMNS[field]} = $${i + 3}`);
  const [updated] = await em.query(
    `UPDATE people SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...person.changes.map((field) => person.profile[field])],
  );
  // Changed by someone else since the check: the whole import is rolled back and can be checked again.
  if (!updated) throw new StaleRegisterError(person.row);
  await audit(em, 'UPDATE', 'Person', id, person.changes);
  return id;
}

export class StaleRegisterError extends Error {
  constructor(readonly row: number) {
    super(`the person on row ${row} was changed by someone else during the import`);
  }
}
