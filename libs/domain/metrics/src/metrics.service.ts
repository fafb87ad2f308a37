import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { ActivityCount, CountyFigures, CountyMetrics, CoverageSlice, NationalMetrics, PeriodInput, SuppressedCount, TierThroughput } from './metrics.models';
import { suppress } from './suppression';

/** Anything that runs SQL and returns rows: TypeORM's EntityManager, or a plain pg client in the benchmark. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(sql: string, params?: unknown[]): Promise<any>;
}

interface CoverageRow {
  tenant_id: string;
  code: string | null;
  name: string;
  population: number | null;
  population_year: number | null;
  active_key_workers: number;
  certified_key_workers: number;
  active_trainers: number;
  municipalities: number;
  municipalities_covered: number;
  units: number;
  units_covered: number;
  as_of: Date | null;
}

interface ThroughputRow {
  tenant_id: string;
  tier: number;
  courses: number;
  enrolled: number;
  completed: number;
  dropped: number;
  days: number[] | null;
  addressing: number;
}

/** Everything per county that is not coverage: throughput, activities, demographic cells. */
interface Facts {
  throughput: ThroughputRow[];
  activities: Array<{ tenant_id: string; kind: string; count: number }>;
  demographics: Array<{ tenant_id: string; dimension: string; key: string; count: number }>;
}

const SUMMED = ['active_key_workers', 'certified_key_workers', 'active_trainers', 'municipalities', 'municipalities_covered', 'units', 'units_covered', 'population'] as const;

/** Reads the aggregate `metrics` schema: nationally as the national role, for one county in its tenant. */
@Injectable()
export class MetricsService {
  constructor(private readonly tx: TenantTransaction) {}

  national(period: PeriodInput): Promise<NationalMetrics> {
    return this.tx.runNational(async (em) => {
      const coverage = await coverageRows(em, null);
      const facts = await factRows(em, period);
      const counties = coverage.map((row) => figures(row, onlyTenant(facts, row.tenant_id)));
      const totalRow = coverage.reduce<CoverageRow>(
        (sum, row) => {
          for (const key of SUMMED) (sum[key] as number) = (sum[key] ?? 0) + (row[key] ?? 0);
          return sum;
        },
        { tenant_id: '', code: null, name: 'Koko maa / Hela landet / Whole country', population_year: coverage[0]?.population_year ?? null, as_of: null } as CoverageRow,
      );
      const asOf = coverage.some((r) => !r.as_of) ? null : coverage.reduce<Date | null>((min, r) => (!min || r.as_of! < min ? r.as_of : min), null);
      return { asOf, counties, total: { ...figures(totalRow, facts), asOf } };
    });
  }

  /** The tenant id of a county code (reference data), or NOT_FOUND. */
  tenantOf(code: string): Promise<string> {
    return this.tx.runShared(async (em) => {
      const [county] = await em.query("SELECT id FROM counties WHERE code = $1 AND kind = 'COUNTY'", [code]);
      if (!county) throw new NotFoundError('County');
      return county.id as string;
    });
  }

  /** One county's figures with its breakdowns; the caller's access to the county was checked by the resolver. */
  county(countyCode: string, period: PeriodInput, asNational: boolean): Promise<CountyMetrics> {
    const run = asNational ? this.tx.runNational.bind(this.tx) : this.tx.run.bind(this.tx);
    return run(async (em) => {
      const [row] = await coverageRows(em, countyCode);
      if (!row) throw new NotFoundError('County');
      const facts = await factRows(em, period, row.tenant_id);
      const slices: Array<CoverageSlice & { dimension: string }> = await em.query(
        `SELECT dimension, key, active_key_workers AS "activeKeyWorkers", units, units_covered AS "unitsCovered"
           FROM metrics.coverage_breakdown WHERE tenant_id = $1 ORDER BY dimension, key`,
        [row.tenant_id],
      );
      const of = (dimension: string) => slices.filter((s) => s.dimension === dimension).map(({ dimension: _d, ...slice }) => slice);
      return { figures: figures(row, facts), bySector: of('SECTOR'), byOrganisationType: of('ORGANISATION_TYPE'), byMunicipality: of('MUNICIPALITY') };
    });
  }
}

export function coverageRows(em: Queryable, code: string | null): Promise<CoverageRow[]> {
  return em.query(
    `SELECT c.id AS tenant_id, c.code, c.name_fi AS name, p.population, p.year AS population_year,
            coalesce(m.active_key_workers, 0) AS active_key_workers, coalesce(m.certified_key_workers, 0) AS certified_key_workers,
            coalesce(m.active_trainers, 0) AS active_trainers,
            coalesce(m.municipalities, (SELECT count(*)::int FROM municipalities WHERE county_id = c.id)) AS municipalities,
            coalesce(m.municipalities_covered, 0) AS municipalities_covered, coalesce(m.units, 0) AS units,
            coalesce(m.units_covered, 0) AS units_covered, m.as_of
       FROM counties c
       LEFT JOIN metrics.county_coverage m ON m.tenant_id = c.id
       LEFT JOIN LATERAL (SELECT population, year FROM county_populations WHERE county_id = c.id ORDER BY year DESC LIMIT 1) p ON true
      WHERE c.kind = 'COUNTY' AND ($1::text IS NULL OR c.code = $1)
      ORDER BY c.code`,
    [code],
  );
}

export async function factRows(em: Queryable, period: PeriodInput, tenantId?: string): Promise<Facts> {
  const params = [period.from, period.to, tenantId ?? null];
  return {
    throughput: await throughputRows(em, params),
    activities: await em.query(
      `SELECT tenant_id, kind, sum(count)::int AS count FROM metrics.activity_facts
        WHERE month BETWEEN date_trunc('month', $1::date) AND $2 AND ($3::uuid IS NULL OR tenant_id = $3) GROUP BY tenant_id, kind`,
      params,
    ),
    demographics: await em.query(
      // Demographics describe the active key workers now, whatever the period.
      `SELECT tenant_id, dimension, key, active_key_workers AS count FROM metrics.coverage_breakdown
        WHERE dimension IN ('GENDER', 'AGE_BAND') AND ($1::uuid IS NULL OR tenant_id = $1)`,
      [tenantId ?? null],
    ),
  };
}

function onlyTenant(facts: Facts, tenantId: string): Facts {
  return {
    throughput: facts.throughput.filter((r) => r.tenant_id === tenantId),
    activities: facts.activities.filter((r) => r.tenant_id === tenantId),
    demographics: facts.demographics.filter((r) => r.tenant_id === tenantId),
  };
}

function throughputRows(em: Queryable, params: unknown[]): Promise<ThroughputRow[]> {
  return em.query(
    `WITH f AS (
       SELECT * FROM metrics.course_facts WHERE first_session BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR tenant_id = $3)
     ), sums AS (
       SELECT tenant_id, tier, count(*)::int AS courses, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed,
              sum(dropped)::int AS dropped, sum(addressing_participants)::int AS addressing
         FROM f GROUP BY tenant_id, tier
     ), days AS (
       -- Days to certification matter for the certifying tiers only.
       SELECT tenant_id, tier, array_agg(d ORDER BY d) AS days FROM f, unnest(f.completion_days) AS d WHERE f.tier < 3 GROUP BY tenant_id, tier
     )
     SELECT sums.*, days.days FROM sums LEFT JOIN days USING (tenant_id, tier)`,
    params,
  );
}

function figures(row: CoverageRow, facts: Facts): CountyFigures {
  const { throughput } = facts;
  return {
    countyCode: row.code,
    name: row.name,
    population: row.population,
    populationYear: row.population_year,
    activeKeyWorkers: row.active_key_workers,
    certifiedKeyWorkers: row.certified_key_workers,
    activeTrainers: row.active_trainers,
    keyWorkersPer10k: row.population ? round((row.active_key_workers * 10_000) / row.population, 2) : null,
    municipalities: row.municipalities,
    municipalitiesCovered: row.municipalities_covered,
    municipalityCoverageShare: row.municipalities ? round(row.municipalities_covered / row.municipalities, 4) : null,
    units: row.units,
    unitsCovered: row.units_covered,
    throughput: [1, 2, 3].map((tier) => tierThroughput(tier, throughput.filter((t) => t.tier === tier))),
    activities: activityCounts(facts.activities, row.active_key_workers),
    activeKeyWorkersByGender: demographic(facts.demographics, 'GENDER', ['WOMAN', 'MAN', 'NON_BINARY', 'UNKNOWN']),
    activeKeyWorkersByAgeBand: demographic(facts.demographics, 'AGE_BAND', ['18-29', '30-54', '55+', 'UNKNOWN']),
    asOf: row.as_of,
  };
}

const ACTIVITY_KINDS = ['CONSULTATION', 'PAIR_WORK', 'INFO_SESSION', 'ADDRESSING_TRAINING'];

function activityCounts(rows: Facts['activities'], activeKeyWorkers: number): ActivityCount[] {
  return ACTIVITY_KINDS.map((kind) => {
    const count = rows.filter((r) => r.kind === kind).reduce((sum, r) => sum + r.count, 0);
    return { kind, count, perActiveKeyWorker: activeKeyWorkers ? round(count / activeKeyWorkers, 2) : null };
  });
}

/** Sums the cells of one breakdown (over every county for the national total) and suppresses small ones. */
function demographic(rows: Facts['demographics'], dimension: string, keys: string[]): SuppressedCount[] {
  return suppress(keys.map((key) => ({ key, count: rows.filter((r) => r.dimension === dimension && r.key === key).reduce((sum, r) => sum + r.count, 0) })));
}

function tierThroughput(tier: number, rows: ThroughputRow[]): TierThroughput {
  const sum = (key: 'courses' | 'enrolled' | 'completed' | 'dropped' | 'addressing') => rows.reduce((s, r) => s + r[key], 0);
  const days = rows.flatMap((r) => r.days ?? []).sort((a, b) => a - b);
  const decided = sum('completed') + sum('dropped');
  return {
    tier,
    coursesHeld: sum('courses'),
    enrolled: sum('enrolled'),
    completed: sum('completed'),
    dropped: sum('dropped'),
    completionRate: decided ? round(sum('completed') / decided, 4) : null,
    medianDaysToCertification: days.length ? median(days) : null,
    addressingParticipants: sum('addressing'),
  };
}

function median(sorted: number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
