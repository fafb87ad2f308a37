import { EntityManager } from 'typeorm';
import { ACTIVE_KEY_WORKER_SQL } from '@lahde/domain/directory';

/** A certified trainer who has not left the network. */
const ACTIVE_TRAINER_SQL = `
  EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id AND c.kind = 'TRAINER')
  AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.status NOT IN ('ACTIVE'))`;

/** Units with at least one active key worker. */
const COVERED_UNITS = `SELECT DISTINCT p.unit_id FROM people p WHERE p.unit_id IS NOT NULL AND ${ACTIVE_KEY_WORKER_SQL}`;

/**
 * Recomputes one county's aggregates from its registry, inside that county's tenant transaction (so
 * row-level security limits both what is read and what is written), replacing its previous rows in
 * one go: the national view always sees a consistent snapshot with its `as_of` time.
 */
export async function refreshCounty(em: EntityManager): Promise<void> {
  for (const table of ['county_coverage', 'coverage_breakdown', 'course_facts', 'activity_facts']) await em.query(`DELETE FROM metrics.${table}`);

  await em.query(`
    WITH covered AS (${COVERED_UNITS}),
         county_municipalities AS (
           SELECT code FROM municipalities WHERE county_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    INSERT INTO metrics.county_coverage (tenant_id, as_of, active_key_workers, certified_key_workers, active_trainers,
                                         municipalities, municipalities_covered, units, units_covered)
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid, now(),
           (SELECT count(*) FROM people p WHERE ${ACTIVE_KEY_WORKER_SQL}),
           (SELECT count(*) FROM certificates WHERE kind = 'KEY_WORKER'),
           (SELECT count(*) FROM people p WHERE ${ACTIVE_TRAINER_SQL}),
           (SELECT count(*) FROM county_municipalities),
           (SELECT count(DISTINCT u.municipality_code) FROM units u JOIN covered c ON c.unit_id = u.id
             WHERE u.municipality_code IN (SELECT code FROM county_municipalities)),
           (SELECT count(*) FROM units),
           (SELECT count(*) FROM covered)`);

  await em.query(`
    WITH covered AS (${COVERED_UNITS}),
         unit_facts AS (
           SELECT u.id, u.sector, o.type AS organisation_type, coalesce(u.municipality_code, o.municipality_code, '') AS municipality,
                  (SELECT count(*) FROM people p WHERE p.unit_id = u.id AND ${ACTIVE_KEY_WORKER_SQL}) AS key_workers,
                  u.id IN (SELECT unit_id FROM covered) AS is_covered
             FROM units u JOIN organisations o ON o.id = u.organisation_id)
    INSERT INTO metrics.coverage_breakdown (tenant_id, dimension, key, active_key_workers, units, units_covered)
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid, d.dimension, d.key, sum(f.key_workers), count(*), count(*) FILTER (WHERE f.is_covered)
      FROM unit_facts f
      CROSS JOIN LATERAL (VALUES ('SECTOR', f.sector), ('ORGANISATION_TYPE', f.organisation_type), ('MUNICIPALITY', f.municipality)) AS d(dimension, key)
     WHERE d.key <> ''
     GROUP BY d.dimension, d.key`);

  await em.query(`
    INSERT INTO metrics.course_facts (tenant_id, course_id, tier, status, first_session, last_session, enrolled, completed, dropped,
                                      completion_days, addressing_participants)
    SELECT c.tenant_id, c.id, pr.tier, c.status, s.first_session, s.last_session,
           count(e.id), count(e.id) FILTER (WHERE e.status = 'COMPLETED'), count(e.id) FILTER (WHERE e.status = 'DROPPED'),
           coalesce(array_agg(e.completed_on - s.first_session ORDER BY e.completed_on - s.first_session) FILTER (WHERE e.status = 'COMPLETED'), '{}'),
           CASE WHEN pr.tier = 3 THEN count(e.id) FILTER (WHERE e.status <> 'DROPPED')
                + (SELECT coalesce(sum(h.participants), 0) FROM course_headcounts h WHERE h.course_id = c.id) ELSE 0 END
      FROM courses c JOIN programmes pr ON pr.id = c.programme_id
      LEFT JOIN LATERAL (SELECT min(session_date) AS first_session, max(session_date) AS last_session FROM course_sessions WHERE course_id = c.id) s ON true
      LEFT JOIN enrolments e ON e.course_id = c.id
     WHERE c.status <> 'CANCELLED'
     GROUP BY c.id, pr.tier, s.first_session, s.last_session`);

  await em.query(`
    INSERT INTO metrics.activity_facts (tenant_id, month, kind, count, key_workers)
    SELECT tenant_id, date_trunc('month', occurred_on)::date, kind, sum(count), count(DISTINCT person_id)
      FROM activities GROUP BY tenant_id, date_trunc('month', occurred_on), kind`);
}
