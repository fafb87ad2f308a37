import { EntityManager } from 'typeorm';
import { ESF_INDICATOR_SUMS_SQL, ESF_PARTICIPANTS_SQL, suppress } from '@lahde/domain/metrics';

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

/** Indicator sums plus the complements (never shown) that make each breakdown a partition. */
export type IndicatorSums = Record<IndicatorCode | 'AGE_REST' | 'EDUCATION_REST' | 'GENDER_REST' | 'QUALIFIED_REST', number>;

/** The sums of an organiser nobody entered with in the period. */
export const NO_PARTICIPANTS = Object.fromEntries(
  [...INDICATORS.map(([code]) => code), 'AGE_REST', 'EDUCATION_REST', 'GENDER_REST', 'QUALIFIED_REST'].map((key) => [key, 0]),
) as IndicatorSums;

/**
 * Breakdowns whose cells, with their complement, add up to all participants: a small cell in any of
 * them could single someone out. Totals (EECO01, EECO05) and units (EECO18) are not about one person.
 */
const COMPLEMENTS = new Set(['AGE_REST', 'EDUCATION_REST', 'GENDER_REST', 'QUALIFIED_REST']);
const PARTITIONS: Array<Array<keyof IndicatorSums>> = [
  ['EECO07', 'EECO08', 'AGE_REST'],
  ['EECO09', 'EECO10', 'EECO11', 'EDUCATION_REST'],
  ['WOMEN', 'MEN', 'NON_BINARY', 'GENDER_REST'],
  ['EECR03', 'QUALIFIED_REST'],
];

/**
 * The indicator summary of the current county and period, live from its registry. Participants are
 * counted at entry (see ESF_PARTICIPANTS_SQL): whoever entered in the period, once. All are employed
 * professionals (EECO05 = EECO01); EECO18 counts the distinct units they work in; EECR03 those who
 * have completed a tier-1 or tier-2 course.
 */
export async function indicatorValues(em: EntityManager, from: string, to: string): Promise<IndicatorSums> {
  const [row] = await em.query(
    `SELECT ${ESF_INDICATOR_SUMS_SQL}
       FROM (SELECT 1 AS participants, gender, education, age_band, qualified, unit_id::text AS unit_key
               FROM (${ESF_PARTICIPANTS_SQL}) participant WHERE entry_date BETWEEN $1 AND $2) cells`,
    [from, to],
  );
  return row;
}

/**
 * Every tenant's sums for the period from the `metrics` aggregates (run as the national role), and the
 * national total under the key null: one query, so the total is of the same rows.
 */
export async function nationalIndicatorSums(em: EntityManager, from: string, to: string): Promise<Map<string | null, IndicatorSums>> {
  const rows: Array<IndicatorSums & { tenant_id: string | null }> = await em.query(
    `SELECT tenant_id, ${ESF_INDICATOR_SUMS_SQL} FROM metrics.esf_entries WHERE entry_date BETWEEN $1 AND $2 GROUP BY GROUPING SETS ((tenant_id), ())`,
    [from, to],
  );
  return new Map(rows.map(({ tenant_id, ...sums }) => [tenant_id, sums]));
}

export interface ShownIndicator {
  code: IndicatorCode;
  labelFi: string;
  labelEn: string;
  /** Null when suppressed. */
  value: number | null;
  suppressed: boolean;
}

/** The indicators for publication outside the county: cells of 1 to 4 hidden, with secondary suppression per breakdown. */
export function suppressedIndicators(sums: IndicatorSums): ShownIndicator[] {
  const hidden = new Set<string>();
  for (const partition of PARTITIONS) {
    for (const cell of suppress(partition.map((key) => ({ key, count: sums[key] })), undefined, COMPLEMENTS)) if (cell.suppressed) hidden.add(cell.key);
  }
  return INDICATORS.map(([code, labelFi, labelEn]) => ({
    code,
    labelFi,
    labelEn,
    value: hidden.has(code) ? null : sums[code],
    suppressed: hidden.has(code),
  }));
}
