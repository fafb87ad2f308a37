import { Injectable } from '@nestjs/common';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { County, Municipality } from './county.models';

interface PopulationRow {
  pop_year: number | null;
  population: number | null;
  source: string | null;
}

/** Reads the shared reference data: counties, municipalities and their populations by year. */
@Injectable()
export class CountyService {
  constructor(private readonly tx: TenantTransaction) {}

  /** Counties with the population of `year` (or the latest before it; the latest on record when omitted). */
  counties(year: number | null, code?: string): Promise<County[]> {
    return this.tx.runShared(async (em) => {
      const rows: Array<PopulationRow & { id: string; code: string; name_fi: string; name_sv: string; name_en: string }> = await em.query(
        `SELECT c.id, c.code, c.name_fi, c.name_sv, c.name_en, p.year AS pop_year, p.population, p.source
           FROM counties c
           LEFT JOIN LATERAL (
             SELECT year, population, source FROM county_populations
              WHERE county_id = c.id AND ($1::int IS NULL OR year <= $1) ORDER BY year DESC LIMIT 1
           ) p ON true
          WHERE c.kind = 'COUNTY' AND ($2::text IS NULL OR c.code = $2)
          ORDER BY c.code`,
        [year, code ?? null],
      );
      return rows.map((r) => ({ id: r.id, code: r.code, nameFi: r.name_fi, nameSv: r.name_sv, nameEn: r.name_en, population: population(r) }));
    });
  }

  municipalities(countyCode: string | null, year: number | null): Promise<Municipality[]> {
    return this.tx.runShared(async (em) => {
      const rows: Array<PopulationRow & { code: string; name_fi: string; region_code: string }> = await em.query(
        `SELECT m.code, m.name_fi, m.region_code, p.year AS pop_year, p.population, p.source
           FROM municipalities m
           LEFT JOIN LATERAL (
             SELECT year, population, source FROM municipality_populations
              WHERE municipality_code = m.code AND ($1::int IS NULL OR year <= $1) ORDER BY year DESC LIMIT 1
           ) p ON true
          WHERE ($2::text IS NULL OR m.region_code = $2)
          ORDER BY m.name_fi COLLATE "C", m.code`,
        [year, countyCode],
      );
      return rows.map((r) => ({ code: r.code, nameFi: r.name_fi, countyCode: r.region_code, population: population(r) }));
    });
  }
}

function population(r: PopulationRow) {
  return r.pop_year === null ? null : { year: r.pop_year, population: Number(r.population), source: r.source as string };
}
