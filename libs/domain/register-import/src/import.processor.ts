import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bull';
import { EntityManager } from 'typeorm';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { holdLock } from '@lahde/platform/database';
import { failedForGood, Queues } from '@lahde/platform/queue';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { MetricsRefreshScheduler } from '@lahde/domain/metrics';
import { COMMIT_JOB, ImportJobData, ImportQueue, SWEEP_JOB, VALIDATE_JOB } from './import-queue';
import { applyPlan } from './register-apply';
import { ColumnMapping, resolveColumns } from './register-columns';
import { readRegister, RegisterFileError, RegisterFormat } from './register-file';
import { planImport, RegisterPlan, RegisterProblem } from './register-plan';

const SWEEP_EVERY_MS = 60_000;

interface StoredImport {
  content: Buffer;
  format: RegisterFormat;
  mapping: ColumnMapping[];
}

/** The plan of a stored file, or the problems that stop it (an unreadable file, missing columns, bad rows). */
async function planStored(em: EntityManager, stored: StoredImport): Promise<{ plan: RegisterPlan | null; problems: RegisterProblem[]; rows: number | null }> {
  try {
    const sheet = await readRegister(stored.content, stored.format);
    const { columns, problems } = resolveColumns(sheet.headers, stored.mapping);
    if (problems.length) return { plan: null, problems: problems.map((message) => ({ row: 1, column: null, message })), rows: sheet.rows.length };
    const plan = await planImport(em, sheet, columns);
    return { plan, problems: plan.problems, rows: sheet.rows.length };
  } catch (error) {
    if (error instanceof RegisterFileError) return { plan: null, problems: [{ row: null, column: null, message: error.message }], rows: null };
    throw error;
  }
}

/**
 * The dry run and the commit of register imports. Both are idempotent by the import's status, so a job
 * delivered twice, or retried after the worker died, does its work once; the commit's writes and its
 * COMMITTED status are one transaction, so a crash leaves either everything or nothing.
 */
@Processor(Queues.imports)
export class RegisterImportProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(RegisterImportProcessor.name);

  constructor(
    private readonly tenant: TenantContext,
    private readonly tx: TenantTransaction,
    private readonly importQueue: ImportQueue,
    private readonly metrics: MetricsRefreshScheduler,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.importQueue.queue.add(SWEEP_JOB, {} as ImportJobData, { repeat: { every: SWEEP_EVERY_MS }, jobId: SWEEP_JOB });
  }

  @Process(VALIDATE_JOB)
  validate(job: Job<ImportJobData>): Promise<void> {
    return this.tenant.runAs(job.data.tenantId, job.data.requestedBy, () =>
      this.tx.run(async (em) => {
        const stored = await this.claim(em, job.data.importId, 'VALIDATING');
        if (!stored) return;
        const { plan, problems, rows } = await planStored(em, stored);
        await em.query(
          `UPDATE register_imports SET status = $2, progress = 100, row_count = $3, problems = $4, summary = $5, finished_at = now() WHERE id = $1`,
          [job.data.importId, problems.length ? 'INVALID' : 'VALID', rows, JSON.stringify(problems), plan && JSON.stringify(plan.summary)],
        );
      }, 'REPEATABLE READ'),
    );
  }

  @Process(COMMIT_JOB)
  async commit(job: Job<ImportJobData>): Promise<void> {
    const { tenantId, requestedBy, importId } = job.data;
    const committed = await this.tenant.runAs(tenantId, requestedBy, () =>
      this.tx.run(async (em) => {
        const stored = await this.claim(em, importId, 'COMMITTING');
        if (!stored) return false;
        // Checked again: the registry may have changed since the dry run.
        const { plan, problems, rows } = await planStored(em, stored);
        if (!plan || problems.length) {
          await em.query(`UPDATE register_imports SET status = 'INVALID', problems = $2, row_count = $3, finished_at = now() WHERE id = $1`, [importId, JSON.stringify(problems), rows]);
          return false;
        }
        await applyPlan(em, plan.people, (done) => this.progress(importId, Math.floor((done * 100) / plan.people.length)));
        await em.query(
          `UPDATE register_imports SET status = 'COMMITTED', progress = 100, summary = $2, problems = '[]', content = NULL, finished_at = now() WHERE id = $1`,
          [importId, JSON.stringify(plan.summary)],
        );
        return true;
      }),
    );
    if (committed) await this.metrics.schedule(tenantId, requestedBy);
  }

  /** Re-queues imports whose job never reached Redis (it was down when they were made); expires old uploads. */
  @Process(SWEEP_JOB)
  async sweep(): Promise<void> {
    await this.tx.forEachTenant(async (tenantId) => {
      const waiting: Array<{ id: string; requested_by: string; status: string }> = await this.tx.run((em) =>
        em.query("SELECT id, requested_by, status FROM register_imports WHERE status IN ('VALIDATING', 'COMMITTING') AND created_at < now() - interval '5 seconds'"),
      );
      for (const w of waiting) await this.importQueue.enqueue(w.status === 'VALIDATING' ? VALIDATE_JOB : COMMIT_JOB, { tenantId, requestedBy: w.requested_by, importId: w.id });
      // An uploaded register holds names and addresses: one never committed is not kept for ever.
      await this.tx.run((em) =>
        em.query(
          `UPDATE register_imports SET status = 'EXPIRED', content = NULL
            WHERE status IN ('VALID', 'INVALID', 'FAILED') AND created_at < now() - make_interval(days => $1)`,
          [this.config.exports.retentionDays],
        ),
      );
    });
  }

  @OnQueueFailed()
  async failed(job: Job<ImportJobData>, error: Error): Promise<void> {
    if (job.name === SWEEP_JOB || !(await failedForGood(job))) return;
    this.logger.error(`register import ${job.data.importId} failed: ${error.stack ?? error.message}`);
    await this.tenant.runAs(job.data.tenantId, 'system', () =>
      this.tx.run((em) =>
        em.query(
          `UPDATE register_imports SET status = 'FAILED', finished_at = now(), problems = '[{"row": null, "column": null, "message": "The import could not be processed; nothing was written. Start it again."}]'
            WHERE id = $1 AND status IN ('VALIDATING', 'COMMITTING')`,
          [job.data.importId],
        ),
      ),
    );
  }

  /**
   * Takes the import for this step: a second delivery of the same job waits on the lock, then finds the
   * status moved on and does nothing. An advisory lock rather than a row lock, so that progress can be
   * written to the row meanwhile.
   */
  private async claim(em: EntityManager, id: string, status: 'VALIDATING' | 'COMMITTING'): Promise<StoredImport | null> {
    await holdLock(em, 'register-import', id);
    const [row] = await em.query('SELECT content, format, mapping FROM register_imports WHERE id = $1 AND status = $2', [id, status]);
    return row ?? null;
  }

  /** Progress is written beside the commit's transaction, so a client sees it while the commit runs. */
  private async progress(id: string, percent: number): Promise<void> {
    await this.tx.run((em) => em.query('UPDATE register_imports SET progress = $2 WHERE id = $1', [id, Math.min(percent, 99)]));
  }
}
