import { EntityManager } from 'typeorm';
import { holdTenantLock } from '@lahde/platform/database';
import { ACTIVE_KEY_WORKER_SQL, activeCertifiedSql } from '@lahde/domain/directory';
import { refreshEsfEntries } from './esf-entries';

const ACTIVE_TRAINER_SQL = activeCertifiedSql('TRAINER');

/** Units with at least one active key worker. */
const COVERED_UNITS = `SELECT DISTINCT p.unit_id FROM people p WHERE p.unit_id IS NOT NULL AND ${ACTIVE_KEY_WORKER_SQL}`;

/**
 * Recomputes one county's aggregates from its registry, inside that county's tenant transaction (so
 * row-level security limits both what is read and what is written), replacing its previous rows in
 * one go: the national view always sees a consistent snapshot with its `as_of` time.
 */
export async function refreshCounty(em: EntityManager): Promise<void> {
  // One refresh of a county at a time: a job delivered twice (or two workers) would otherwise both delete
  // from the same snapshot and the second insert would hit the primary keys. The lock ends with the
  // transaction; the second refresh then starts from the first one's committed rows.
  await holdTenantLock(em, 'metrics-refresh');
  for (const table of ['county_coverage', 'coverage_breakdown', 'course_facts', 'activity_facts', 'cascade_nodes']) await em.query(`DELETE FROM metrics.${table}`);

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

  // Active key workers by gender and age band (at the end of this year), for breakdowns that are
  // suppressed when small; `units` columns do not apply and stay 0.
  await em.query(`
    INSERT INTO metrics.coverage_breakdown (tenant_id, dimension, key, active_key_workers, units, units_covered)
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid, d.dimension, d.key, count(*), 0, 0
      FROM people p
      CROSS JOIN LATERAL (VALUES
        ('GENDER', coalesce(p.gender, 'UNKNOWN')),
        ('AGE_BAND', CASE WHEN p.birth_year IS NULL THEN 'UNKNOWN'
                          WHEN extract(year FROM now()) - p.birth_year < 30 THEN '18-29'
                          WHEN extract(year FROM now()) - p.birth_year < 55 THEN '30-54'
                          ELSE '55+' END)) AS d(dimension, key)
     WHERE ${ACTIVE_KEY_WORKER_SQL}
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

  await em.query(`
    INSERT INTO metrics.coverage_history (tenant_id, day, active_key_workers, active_trainers, units_covered, municipalities_covered)
    SELECT tenant_id, (now() AT TIME ZONE 'Europe/Helsinki')::date, active_key_workers, active_trainers, units_covered, municipalities_covered
      FROM metrics.county_coverage
    ON CONFLICT (tenant_id, day) DO UPDATE SET active_key_workers = excluded.active_key_workers, active_trainers = excluded.active_trainers,
      units_covered = excluded.units_covered, municipalities_covered = excluded.municipalities_covered`);

  await refreshCascade(em);
  await refreshEsfEntries(em);
}

/**
 * Cascade nodes, keyed by md5(person id : county id): stable, but meaningless without the registry.
 * Every certified trainer under the county, every certified key worker under each
 * trainer who trained them (tier-2 courses they completed). Counts only; a trainer's link is broken
 * when they left the network while key workers they trained are still active.
 */
async function refreshCascade(em: EntityManager): Promise<void> {
  await em.query(`
    WITH addressing AS (
      SELECT ct.person_id, sum((SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.status <> 'DROPPED')
                              + (SELECT coalesce(sum(h.participants), 0) FROM course_headcounts h WHERE h.course_id = c.id))::int AS participants
        FROM course_trainers ct JOIN courses c ON c.id = ct.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier = 3
       GROUP BY ct.person_id
    ), certified AS (
      SELECT p.id, p.tenant_id, ce.kind, NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.status <> 'ACTIVE') AS active,
             (ce.source_course_id IS NOT NULL OR EXISTS (SELECT 1 FROM courses c JOIN programmes pr ON pr.id = c.programme_id WHERE c.id = ce.course_id AND pr.tier = 1)) AS by_thl
        FROM people p JOIN certificates ce ON ce.person_id = p.id
    ), trained AS (
      SELECT DISTINCT ct.person_id AS trainer_id, e.person_id AS key_worker_id
        FROM course_trainers ct JOIN courses c ON c.id = ct.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier = 2
        JOIN enrolments e ON e.course_id = c.id AND e.status = 'COMPLETED'
    ), key_workers AS (
      SELECT k.id, k.tenant_id, k.active, coalesce(a.participants, 0) AS participants
        FROM certified k LEFT JOIN addressing a ON a.person_id = k.id WHERE k.kind = 'KEY_WORKER'
    ), trainer_nodes AS (
      SELECT t.id, t.tenant_id, t.by_thl, t.active, coalesce(a.participants, 0) AS own_participants,
             count(kw.id) AS key_workers, count(kw.id) FILTER (WHERE kw.active) AS active_key_workers,
             coalesce(sum(kw.participants), 0) AS trainee_participants
        FROM certified t LEFT JOIN trained tr ON tr.trainer_id = t.id LEFT JOIN key_workers kw ON kw.id = tr.key_worker_id
        LEFT JOIN addressing a ON a.person_id = t.id
       WHERE t.kind = 'TRAINER'
       GROUP BY t.id, t.tenant_id, t.by_thl, t.active, a.participants
    )
    INSERT INTO metrics.cascade_nodes (tenant_id, node_key, parent_key, kind, certified_by_thl, active, broken, key_workers, active_key_workers, addressing_participants)
    SELECT tenant_id, md5(id::text || ':' || tenant_id::text), 'county', 'TRAINER', by_thl, active, NOT active AND active_key_workers > 0,
           key_workers, active_key_workers, own_participants + trainee_participants
      FROM trainer_nodes
    UNION ALL
    SELECT kw.tenant_id, md5(kw.id::text || ':' || kw.tenant_id::text), md5(tr.trainer_id::text || ':' || kw.tenant_id::text), 'KEY_WORKER', false,
           kw.active, false, 0, 0, kw.participants
      FROM key_workers kw JOIN trained tr ON tr.key_worker_id = kw.id`);
}
