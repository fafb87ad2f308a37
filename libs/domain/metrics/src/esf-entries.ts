import { EntityManager } from 'typeorm';

/**
 * ESF+ participants of the current county, one row each, counted at entry as the ESF+ common indicators
 * are: a person enters on the first session of their first tier-1 or tier-2 course and is counted once,
 * in that period, however many such courses they take. Age is at entry; `qualified` tells whether they
 * have completed any such course. The bands and the UNKNOWN / OTHER keys make every breakdown a
 * partition, so small cells can be suppressed with their complements.
 */
export const ESF_PARTICIPANTS_SQL = `
  SELECT p.id AS person_id, p.unit_id, x.entry_date, x.qualified,
         coalesce(p.gender, 'UNKNOWN') AS gender,
         coalesce(p.education_level, 'UNKNOWN') AS education,
         CASE WHEN p.birth_year IS NULL THEN 'UNKNOWN'
              WHEN extract(year FROM x.entry_date) - p.birth_year BETWEEN 18 AND 29 THEN '18-29'
              WHEN extract(year FROM x.entry_date) - p.birth_year >= 55 THEN '55+'
              ELSE 'OTHER' END AS age_band
    FROM (SELECT e.person_id, min(s.first_session) AS entry_date, bool_or(e.status = 'COMPLETED') AS qualified
            FROM enrolments e
            JOIN courses c ON c.id = e.course_id AND c.status <> 'CANCELLED'
            JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
            JOIN LATERAL (SELECT min(session_date) AS first_session FROM course_sessions WHERE course_id = c.id) s ON s.first_session IS NOT NULL
           GROUP BY e.person_id) x
    JOIN people p ON p.id = x.person_id`;

/**
 * The indicator sums over rows of (participants, gender, education, age_band, qualified, unit_key):
 * the same SQL for one county's live participants and for the national aggregate cells, so the two
 * cannot drift apart. The *_REST columns are the complements used by suppression, never shown.
 */
export const ESF_INDICATOR_SUMS_SQL = `
  coalesce(sum(participants), 0)::int AS "EECO01",
  coalesce(sum(participants), 0)::int AS "EECO05",
  coalesce(sum(participants) FILTER (WHERE age_band = '18-29'), 0)::int AS "EECO07",
  coalesce(sum(participants) FILTER (WHERE age_band = '55+'), 0)::int AS "EECO08",
  coalesce(sum(participants) FILTER (WHERE age_band IN ('OTHER', 'UNKNOWN')), 0)::int AS "AGE_REST",
  coalesce(sum(participants) FILTER (WHERE education = 'ISCED_0_2'), 0)::int AS "EECO09",
  coalesce(sum(participants) FILTER (WHERE education = 'ISCED_3_4'), 0)::int AS "EECO10",
  coalesce(sum(participants) FILTER (WHERE education = 'ISCED_5_8'), 0)::int AS "EECO11",
  coalesce(sum(participants) FILTER (WHERE education = 'UNKNOWN'), 0)::int AS "EDUCATION_REST",
  coalesce(sum(participants) FILTER (WHERE gender = 'WOMAN'), 0)::int AS "WOMEN",
  coalesce(sum(participants) FILTER (WHERE gender = 'MAN'), 0)::int AS "MEN",
  coalesce(sum(participants) FILTER (WHERE gender = 'NON_BINARY'), 0)::int AS "NON_BINARY",
  coalesce(sum(participants) FILTER (WHERE gender = 'UNKNOWN'), 0)::int AS "GENDER_REST",
  count(DISTINCT unit_key)::int AS "EECO18",
  coalesce(sum(participants) FILTER (WHERE qualified), 0)::int AS "EECR03",
  coalesce(sum(participants) FILTER (WHERE NOT qualified), 0)::int AS "QUALIFIED_REST"`;

/** Replaces the county's ESF+ entry cells: counts by entry day, unit (pseudonymous key) and the breakdowns. */
export async function refreshEsfEntries(em: EntityManager): Promise<void> {
  await em.query('DELETE FROM metrics.esf_entries');
  await em.query(`
    INSERT INTO metrics.esf_entries (tenant_id, entry_date, unit_key, gender, education, age_band, qualified, participants)
    SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid, entry_date,
           md5(unit_id::text || ':' || current_setting('app.tenant_id', true)), gender, education, age_band, qualified, count(*)
      FROM (${ESF_PARTICIPANTS_SQL}) participant
     GROUP BY 2, 3, 4, 5, 6, 7`);
}
