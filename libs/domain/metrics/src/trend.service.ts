import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { Granularity, PeriodInput, TrendPoint } from './metrics.models';

const STEP: Record<Granularity, string> = { MONTH: '1 month', QUARTER: '3 months', YEAR: '1 year' };
const TRUNC: Record<Granularity, string> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

/** Metrics as time series, from the same aggregates: nationally (national role) or for one county. */
@Injectable()
export class TrendService {
  constructor(private readonly tx: TenantTransaction) {}

  trend(tenantId: string | null, asNational: boolean, period: PeriodInput, granularity: Granularity): Promise<TrendPoint[]> {
    const work = (em: EntityManager) => trendPoints(em, tenantId, period, granularity);
    return asNational ? this.tx.runNational(work) : this.tx.run(work);
  }
}

function trendPoints(em: EntityManager, tenantId: string | null, period: PeriodInput, granularity: Granularity): Promise<TrendPoint[]> {
  return em.query(
    `WITH buckets AS (
       SELECT b::date AS start, (b + $4::interval)::date AS next
         FROM generate_series(date_trunc($5, $1::date), $2::date, $4::interval) AS b
     ), facts AS (SELECT * FROM metrics.course_facts WHERE $3::uuid IS NULL OR tenant_id = $3)
     SELECT to_char(k.start, 'YYYY-MM-DD') AS "periodStart",
            (SELECT sum(h.active_key_workers)::int FROM (
               SELECT DISTINCT ON (tenant_id) active_key_workers FROM metrics.coverage_history
                WHERE day >= k.start AND day < k.next AND ($3::uuid IS NULL OR tenant_id = $3) ORDER BY tenant_id, day DESC) h) AS "activeKeyWorkers",
            (SELECT count(*)::int FROM facts f WHERE f.tier = 2 AND f.first_session >= k.start AND f.first_session < k.next) AS "keyWorkerCourses",
            (SELECT coalesce(sum(completed), 0)::int FROM facts f WHERE f.tier = 2 AND f.first_session >= k.start AND f.first_session < k.next) AS "keyWorkersCertified",
            (SELECT coalesce(sum(completed), 0)::int FROM facts f WHERE f.tier = 1 AND f.first_session >= k.start AND f.first_session < k.next) AS "trainersCertified",
            (SELECT coalesce(sum(addressing_participants), 0)::int FROM facts f WHERE f.tier = 3 AND f.first_session >= k.start AND f.first_session < k.next) AS "addressingParticipants",
            (SELECT coalesce(sum(count), 0)::int FROM metrics.activity_facts a
              WHERE a.month >= k.start AND a.month < k.next AND ($3::uuid IS NULL OR a.tenant_id = $3)) AS activities
       FROM buckets k ORDER BY k.start`,
    [period.from, period.to, tenantId, STEP[granularity], TRUNC[granularity]],
  );
}
