/**
 * Benchmark (not a test): a key worker register of ROWS rows (default 5,000: more than any county has)
 * as an XLSX file, through the real import jobs: the dry run, the commit, and a re-import of the same
 * file (no changes). Prints each step's wall time and the worker process's peak memory.
 *
 *   npm run bench:import            (ROWS=5000 by default)
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import ExcelJS from 'exceljs';
import { Job } from 'bull';
import { Client } from 'pg';
import { loadConfig } from '@lahde/platform/config';
import { inTenantCommitted, startThrowawayStack } from '@lahde/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { RegisterImportProcessor } from '../../libs/domain/register-import/src/import.processor';

const ROWS = Number(process.env['ROWS'] ?? 5_000);
const UNITS = 20;

async function main(): Promise<void> {
  const stack = await startThrowawayStack('import-bench');
  const db = new Client({ connectionString: stack.runtimeUrl });
  await db.connect();
  try {
    const [{ id: tenantId }] = (await db.query("SELECT id FROM counties WHERE code = '90'")).rows;
    const inCounty = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => inTenantCommitted(db, tenantId, async () => (await db.query(sql, params)).rows);
    const [{ id: organisationId }] = await inCounty<{ id: string }>("INSERT INTO organisations (type, name) VALUES ('MUNICIPALITY', 'Helsingin kaupunki') RETURNING id");
    await inCounty(`INSERT INTO units (organisation_id, name, sector) SELECT $1, 'Yksikkö ' || i, 'SOCIAL_AND_HEALTH_CARE' FROM generate_series(1, ${UNITS}) AS i`, [organisationId]);
    const file = await register();

    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: stack.runtimeUrl, REDIS_URL: stack.redisUrl, LAHDE_DATA_DIR: path.join(stack.workDir, 'data'), LOG_LEVEL: 'error' });
    const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: ['error'] });
    const processor = app.get(RegisterImportProcessor);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const timed = async (work: () => Promise<void>) => {
      const started = process.hrtime.bigint();
      await work();
      return Number(process.hrtime.bigint() - started) / 1e9;
    };
    const importOnce = async (label: string) => {
      const [{ id: importId }] = await inCounty<{ id: string }>(
        "INSERT INTO register_imports (requested_by, file_name, format, content, sha256) VALUES ('bench', 'rekisteri.xlsx', 'XLSX', $1, $2) RETURNING id",
        [file, createHash('sha256').update(file).digest('hex')],
      );
      const job = { data: { tenantId, requestedBy: 'bench', importId } } as unknown as Job;
      const dryRun = await timed(() => processor.validate(job));
      await inCounty("UPDATE register_imports SET status = 'COMMITTING' WHERE id = $1 AND status = 'VALID'", [importId]);
      const commit = await timed(() => processor.commit(job));
      const [row] = await inCounty<{ status: string; summary: unknown }>('SELECT status, summary FROM register_imports WHERE id = $1', [importId]);
      console.log(`${label}: dry run ${dryRun.toFixed(2)} s, commit ${commit.toFixed(2)} s → ${row.status} ${JSON.stringify(row.summary)}`);
    };
    console.log(`register of ${ROWS.toLocaleString('en')} rows, XLSX ${(file.length / 1024).toFixed(0)} KiB`);
    await importOnce('first import');
    await importOnce('re-import   ');
    clearInterval(sampler);
    console.log(`worker RSS: ${(baseline / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB during (+${((peak - baseline) / 1e6).toFixed(0)} MB)`);
    await app.close();
  } finally {
    await db.end();
    await stack.stop();
  }
}

/** The register as a county keeps it: name, e-mail, phone, title, organisation, unit, certification year. */
async function register(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Avainhenkilöt');
  sheet.addRow(['Nimi', 'Sähköposti', 'Puhelin', 'Työtehtävä', 'Organisaatio', 'Palvelu', 'Koulutettu']);
  for (let i = 1; i <= ROWS; i++) {
    sheet.addRow([`Henkilö ${String(i).padStart(5, '0')}`, `avain${i}@hel.test`, `040 ${String(i).padStart(7, '0')}`, 'Sosiaaliohjaaja', 'Helsingin kaupunki', `Yksikkö ${1 + (i % UNITS)}`, String(2020 + (i % 5))]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
