import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { InputError, NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { signDownloadPath } from './download-link';
import { ExportQueue } from './export-queue';
import { EsfExport, EsfIndicator, EsfNationalIndicators, ExportPeriodInput, RequestEsfExportInput } from './export.models';
import { INDICATORS, indicatorValues, NO_PARTICIPANTS, nationalIndicatorSums, suppressedIndicators } from './indicators';

const COLUMNS = `id, kind, format, period_from::text AS "periodFrom", period_to::text AS "periodTo", status, progress, row_count AS "rowCount",
  sha256, error, created_at AS "createdAt", finished_at AS "finishedAt", requested_by AS "requestedBy", tenant_id AS "tenantId"`;

type ExportRow = Omit<EsfExport, 'downloadUrl'> & { requestedBy: string; tenantId: string };

@Injectable()
export class EsfExportService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly exportQueue: ExportQueue,
  ) {}

  /**
   * Records the request (the outbox) and queues it. The same request while one is queued, running or
   * done returns that one. If Redis is down the request stays QUEUED and the sweeper queues it later.
   */
  async request(input: RequestEsfExportInput): Promise<EsfExport> {
    if (input.period.to < input.period.from) throw new InputError([{ field: 'input.period.to', message: 'must not be before input.period.from' }]);
    const principal = this.principals.current;
    const row = await this.tx.run(async (em) => {
      const [created] = await em.query(
        `INSERT INTO esf_exports (requested_by, kind, format, period_from, period_to) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, requested_by, kind, format, period_from, period_to) WHERE status NOT IN ('FAILED', 'EXPIRED') DO NOTHING RETURNING id`,
        [principal.id, input.kind, input.format, input.period.from, input.period.to],
      );
      if (created) await audit(em, 'EXPORT', 'EsfExport', created.id, [input.kind, input.format]);
      const [row] = await em.query(
        `SELECT ${COLUMNS} FROM esf_exports WHERE requested_by = $1 AND kind = $2 AND format = $3 AND period_from = $4 AND period_to = $5 AND status NOT IN ('FAILED', 'EXPIRED')`,
        [principal.id, input.kind, input.format, input.period.from, input.period.to],
      );
      return row as ExportRow;
    });
    if (row.status === 'QUEUED') await this.exportQueue.enqueue({ tenantId: row.tenantId, requestedBy: row.requestedBy, exportId: row.id });
    return this.present(row);
  }

  indicators(period: ExportPeriodInput): Promise<EsfIndicator[]> {
    checkPeriod(period);
    return this.tx.run(async (em) => {
      const values = await indicatorValues(em, period.from, period.to);
      return INDICATORS.map(([code, labelFi, labelEn]) => ({ code, labelFi, labelEn, value: values[code] }));
    });
  }

  /** Every organiser side by side with the national total, from the aggregates, as the national role. */
  national(period: ExportPeriodInput): Promise<EsfNationalIndicators> {
    checkPeriod(period);
    return this.tx.runNational(async (em) => {
      const organisers: Array<{ id: string; code: string; name: string; as_of: Date | null }> = await em.query(
        `SELECT c.id, c.code, c.name_fi AS name, m.as_of FROM counties c LEFT JOIN metrics.county_coverage m ON m.tenant_id = c.id
          WHERE c.kind IN ('COUNTY', 'NATIONAL') ORDER BY c.code`,
      );
      const sums = await nationalIndicatorSums(em, period.from, period.to);
      const counties = organisers.filter((o) => o.code !== '00');
      const asOf = counties.some((o) => !o.as_of) ? null : counties.reduce<Date | null>((min, o) => (!min || o.as_of! < min ? o.as_of : min), null);
      return {
        periodFrom: period.from,
        periodTo: period.to,
        asOf,
        organisers: organisers.map((o) => ({ countyCode: o.code, name: o.name, indicators: suppressedIndicators(sums.get(o.id) ?? NO_PARTICIPANTS) })),
        total: { countyCode: null, name: 'Koko maa / Hela landet / Whole country', indicators: suppressedIndicators(sums.get(null) ?? NO_PARTICIPANTS) },
      };
    });
  }

  get(id: string): Promise<EsfExport> {
    return this.tx.run(async (em) => this.present(await findExport(em, id, this.principals.current.id)));
  }

  list(): Promise<EsfExport[]> {
    return this.tx.run(async (em) => {
      const rows: ExportRow[] = await em.query(`SELECT ${COLUMNS} FROM esf_exports WHERE requested_by = $1 ORDER BY created_at DESC LIMIT 100`, [this.principals.current.id]);
      return rows.map((r) => this.present(r));
    });
  }

  private present(row: ExportRow): EsfExport {
    const { requestedBy, tenantId, ...model } = row;
    const downloadUrl = row.status === 'DONE' ? signDownloadPath(this.config.exports.linkSecret, { exportId: row.id, principalId: requestedBy, tenantId }) : null;
    return { ...model, downloadUrl };
  }
}

function checkPeriod(period: ExportPeriodInput): void {
  if (period.to < period.from) throw new InputError([{ field: 'period.to', message: 'must not be before period.from' }]);
}

/** An export of the caller's county requested by the caller; anything else answers NOT_FOUND. */
export async function findExport(em: EntityManager, id: string, requestedBy: string): Promise<ExportRow> {
  const [row] = await em.query(`SELECT ${COLUMNS} FROM esf_exports WHERE id = $1 AND requested_by = $2`, [id, requestedBy]);
  if (!row) throw new NotFoundError('Export');
  return row;
}
