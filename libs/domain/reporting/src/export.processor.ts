import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { rm } from 'node:fs/promises';
import { Job } from 'bull';
import { EntityManager } from 'typeorm';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { advisoryKeySql, tryHoldLock } from '@lahde/platform/database';
import { failedForGood, Queues } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { ExportFormat, exportPath, RowSink, writeAtomically } from './export-file';
import { EXPORT_JOB, ExportJobData, ExportQueue, SWEEP_JOB } from './export-queue';
import { INDICATORS, indicatorValues } from './indicators';
import { openParticipants, PARTICIPANT_HEADERS, participantBatch } from './participant-rows';

const BATCH = 1000;
/** The lock of whoever writes an export's file. */
const WRITER_LOCK = 'esf-export';

interface ExportRequest {
  kind: 'PARTICIPANTS' | 'INDICATORS';
  format: ExportFormat;
  from: string;
  to: string;
}

/** Participants in batches (bounded memory); progress is reported to bull as it goes. Returns the row count. */
async function writeParticipants(em: EntityManager, request: ExportRequest, sink: RowSink, job: Job): Promise<number> {
  const [{ total }] = await em.query(
    `SELECT count(*)::int AS total FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
      WHERE (SELECT min(session_date) FROM course_sessions WHERE course_id = c.id) BETWEEN $1 AND $2`,
    [request.from, request.to],
  );
  await sink.write([PARTICIPANT_HEADERS]);
  await openParticipants(em, request.from, request.to);
  let rows = 0;
  for (let batch = await participantBatch(em, BATCH); batch.length; batch = await participantBatch(em, BATCH)) {
    await sink.write(batch);
    rows += batch.length;
    await job.progress(total ? Math.floor((rows * 100) / total) : 100);
  }
  return rows;
}

async function writeIndicators(em: EntityManager, request: ExportRequest, sink: RowSink): Promise<number> {
  const values = await indicatorValues(em, request.from, request.to);
  await sink.write([['Indikaattori', 'Kuvaus', 'Arvo'], ...INDICATORS.map(([code, fi]) => [code, fi, values[code]])]);
  return INDICATORS.length;
}
const SWEEP_EVERY_MS = 60_000;

@Processor(Queues.reporting)
export class EsfExportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EsfExportProcessor.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
    private readonly exportQueue: ExportQueue,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.exportQueue.queue.add(SWEEP_JOB, {} as ExportJobData, { repeat: { every: SWEEP_EVERY_MS }, jobId: SWEEP_JOB });
  }

  /**
   * Writes one export (participants or the indicator summary). Idempotent by export id: a finished export is left alone; a retry after a crash
   * starts the file again from scratch under a temporary name, so no partial file is ever published.
   * All batches read in one REPEATABLE READ transaction: the file is one consistent snapshot.
   */
  @Process(EXPORT_JOB)
  async export(job: Job<ExportJobData>): Promise<void> {
    const { tenantId, requestedBy, exportId } = job.data;
    await this.tenant.runAs(tenantId, requestedBy, async () => {
      const [claimed] = await this.tx.run((em) =>
        em.query(
          `UPDATE esf_exports SET status = 'RUNNING', attempts = attempts + 1, progress = 0
            WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING kind, format, period_from::text AS "from", period_to::text AS "to"`,
          [exportId],
        ),
      );
      const request = (claimed as Array<ExportRequest>)[0];
      if (!request) return; // done already, or failed for good
      let rows = 0;
      const sha256 = await this.tx.run(async (em) => {
        // A second delivery of the same job while the first still writes leaves the file to it. The lock
        // dies with the first one's connection, so a crashed writer never blocks bull's retry.
        if (!(await tryHoldLock(em, WRITER_LOCK, exportId))) return null;
        return writeAtomically(exportPath(this.config.exports.dir, tenantId, exportId, request.format), request.format, 'ESF', async (sink) => {
          rows = request.kind === 'INDICATORS' ? await writeIndicators(em, request, sink) : await writeParticipants(em, request, sink, job);
        });
      }, 'REPEATABLE READ');
      if (sha256 === null) return;
      await this.tx.run((em) =>
        em.query(`UPDATE esf_exports SET status = 'DONE', progress = 100, row_count = $2, sha256 = $3, finished_at = now(), error = NULL WHERE id = $1`, [
          exportId,
          rows,
          sha256,
        ]),
      );
    });
  }

  /** Queues requests that never reached Redis (it was down when they were made) or whose job Redis lost; expires old files. */
  @Process(SWEEP_JOB)
  async sweep(): Promise<void> {
    await this.tx.forEachTenant(async (tenantId) => {
      const queued: Array<{ id: string; requested_by: string }> = await this.tx.run((em) =>
        em.query(
          // Also a RUNNING export nobody is writing (its job was lost with Redis's data): the writer's lock is free.
          `SELECT id, requested_by FROM esf_exports
            WHERE created_at < now() - interval '5 seconds'
              AND (status = 'QUEUED' OR status = 'RUNNING' AND pg_try_advisory_xact_lock(${advisoryKeySql(WRITER_LOCK, 'id::text')}))`,
        ),
      );
      for (const q of queued) await this.exportQueue.enqueue({ tenantId, requestedBy: q.requested_by, exportId: q.id });
      await this.expireFiles(tenantId);
    });
  }

  /** Deletes the files of exports finished more than FILE_RETENTION_DAYS ago; the rows stay as the record, EXPIRED. */
  private async expireFiles(tenantId: string): Promise<void> {
    const [expired]: [Array<{ id: string; format: ExportFormat }>] = await this.tx.run((em) =>
      em.query(`UPDATE esf_exports SET status = 'EXPIRED' WHERE status = 'DONE' AND finished_at < now() - make_interval(days => $1) RETURNING id, format`, [
        this.config.exports.retentionDays,
      ]),
    );
    for (const e of expired) await rm(exportPath(this.config.exports.dir, tenantId, e.id, e.format), { force: true });
  }

  /** After the last attempt the export is marked FAILED; the client sees a plain message, the log the cause. */
  @OnQueueFailed()
  async failed(job: Job<ExportJobData>, error: Error): Promise<void> {
    if (job.name !== EXPORT_JOB || !(await failedForGood(job))) return;
    this.logger.error(`export ${job.data.exportId} failed: ${error.stack ?? error.message}`);
    await this.tenant.runAs(job.data.tenantId, 'system', () =>
      this.tx.run((em) => em.query("UPDATE esf_exports SET status = 'FAILED', error = 'The export could not be written; request it again', finished_at = now() WHERE id = $1", [job.data.exportId])),
    );
  }
}
