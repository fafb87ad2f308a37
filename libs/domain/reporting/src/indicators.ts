import { EntityManager } from 'typeorm';

/** The ESF+ common indicators that apply to employed professionals, with Finnish and English labels. */
export const INDICATORS = [
  ['EECO01', 'Osallistujat yhteensä', 'Total participants'],
  ['EECO05', 'Työlliset', 'Employed, including self-employed'],
  ['EECO07', '18–29-vuotiaat', 'Aged 18 to 29'],
  ['EECO08', '55 vuotta täyttäneet', 'Aged 55 and over'],
  ['EECO09', 'Koulutustaso ISCED 0–2', 'Lower secondary education or less (ISCED 0-2)'],
  ['EECO10', 'Koulutustaso ISCED 3–4', 'Upper secondary or post-secondary (ISCED 3-4)'],
  ['EECO11', 'Koulutustaso ISCED 5–8', 'Tertiary education (ISCED 5-8)'],
  ['WOMEN', 'Naiset', 'Women'],
  ['MEN', 'Miehet', 'Men'],
  ['NON_BINARY', 'Muu sukupuoli', 'Non-binary'],
  ['EECO18', 'Tuetut julkishallinnon yksiköt tai palvelut', 'Public administrations or services supported'],
  ['EECR03', 'Pätevyyden saaneet', 'Participants gaining a qualification'],
] as const;

export type IndicatorCode = (typeof INDICATORS)[number][0];

/**
 * The indicator summary of a county and period. A participant is a person enrolled in a tier-1 or
 * tier-2 course whose first session is in the period, counted once however many courses they took;
 * age is at their first such course. All participants are employed professionals (EECO05 = EECO01).
 * EECO18 counts the distinct units the participants work in; EECR03 those who completed such a course.
 */
export async function indicatorValues(em: EntityManager, from: string, to: string): Promise<Record<IndicatorCode, number>> {
  const [row] = await em.query(
    `WITH participation AS (
       SELECT e.person_id, e.status, s.first_session
         FROM enrolments e
         JOIN courses c ON c.id = e.course_id
         JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
         JOIN LATERAL (SELECT min(session_date) AS first_session FROM course_sessions WHERE course_id = c.id) s ON true
        WHERE s.first_session BETWEEN $1 AND $2
     ), participants AS (
       SELECT p.id, p.gender, p.education_level, p.unit_id, extract(year FROM min(x.first_session)) - p.birth_year AS age,
              bool_or(x.status = 'COMPLETED') AS qualified
         FROM participation x JOIN people p ON p.id = x.person_id
        GROUP BY p.id
     )
     SELECT count(*)::int AS "EECO01", count(*)::int AS "EECO05",
            count(*) FILTER (WHERE age BETWEEN 18 AND 29)::int AS "EECO07", count(*) FILTER (WHERE age >= 55)::int AS "EECO08",
            count(*) FILTER (WHERE education_level = 'ISCED_0_2')::int AS "EECO09", count(*) FILTER (WHERE education_level = 'ISCED_3_4')::int AS "EECO10",
            count(*) FILTER (WHERE education_level = 'ISCED_5_8')::int AS "EECO11",
            count(*) FILTER (WHERE gender = 'WOMAN')::int AS "WOMEN", count(*) FILTER (WHERE gender = 'MAN')::int AS "MEN",
            count(*) FILTER (WHERE gender = 'NON_BINARY')::int AS "NON_BINARY",
            count(DISTINCT unit_id)::int AS "EECO18", count(*) FILTER (WHERE qualified)::int AS "EECR03"
       FROM participants`,
    [from, to],
  );
  return row;
}
