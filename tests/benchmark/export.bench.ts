/**
 * Benchmark (not a test): an ESF participant export of 100,000 rows, written by the real export job
 * into a file, with its wall time and the worker process's peak memory (sampled every 20 ms).
 *
 *   npm run bench:export            (ROWS=100000 by default)
 */
import 'reflect-metadata';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Job } from 'bull';
import { Client } from 'pg';
import { loadConfig } from '@lahde/platform/config';
import { EsfExportProcessor } from '@lahde/domain/reporting';
import { startThrowawayStack } from '@lahde/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';

const ROWS = Number(process.env['ROWS'] ?? 100_000);
const PER_COURSE = 100;

async function main(): Promise<void> {
  const stack = await startThrowawayStack('export-bench');
  try {
    const runtimeUrl = stack.runtimeUrl;
    const { tenantId, exportId } = await seed(runtimeUrl);
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: runtimeUrl, REDIS_URL: stack.redisUrl, LAHDE_DATA_DIR: path.join(stack.workDir, 'data'), LOG_LEVEL: 'error' });
    const app = await NestFactory.createApplicationContext(WorkerModule.register(config), { logger: ['error'] });
    const processor = app.get(EsfExportProcessor);
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    await processor.export({ data: { tenantId, requestedBy: 'bench', exportId }, progress: async () => undefined } as unknown as Job);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const file = path.join(config.exports.dir, tenantId, `${exportId}.csv`);
    console.log(`exported ${ROWS.toLocaleString('en')} rows (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s`);
    console.log(`worker RSS: ${(baseline / 1e6).toFixed(0)} MB before, peak ${(peak / 1e6).toFixed(0)} MB during (+${((peak - baseline) / 1e6).toFixed(0)} MB)`);
    await app.close();
  } finally {
    await stack.stop();
  }
}

/** One county (Helsinki) with ROWS enrolments in key worker courses of 2025, and an export request for them. */
async function seed(runtimeUrl: string): Promise<{ tenantId: string; exportId: string }> {
  const db = new Client({ connectionString: runtimeUrl });
  await db.connect();
  const [{ id: tenantId }] = (await db.query("SELECT id FROM counties WHERE code = '90'")).rows;
  await db.query('BEGIN');
  await db.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
  await db.query(
    `INSERT INTO people (first_name, last_name, email, gender, birth_year) SELECT 'Osallistuja', lpad(i::text, 7, '0'), 'o' || i || '@hel.test',
            (ARRAY['WOMAN', 'MAN'])[1 + i % 2], 1960 + i % 40 FROM generate_series(1, $1::int) AS i`,
    [ROWS],
  );
  const [programme] = (await db.query("SELECT id FROM programmes WHERE tier = 2")).rows;
  await db.query(`INSERT INTO courses (programme_id, name) SELECT $1, 'Kurssi ' || j FROM generate_series(1, $2::int) AS j`, [programme.id, Math.ceil(ROWS / PER_COURSE)]);
  await db.query(`INSERT INTO course_sessions (course_id, session_date, starts_at, ends_at) SELECT id, date '2025-01-01' + (substring(name FROM 8)::int % 300), '12:00', '16:00' FROM courses`);
  await db.query(
    `INSERT INTO enrolments (course_id, person_id, status, completed_on)
     SELECT c.id, p.id, 'COMPLETED', date '2025-12-15' FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM people) p
       JOIN courses c ON c.name = 'Kurssi ' || (1 + (p.n - 1) / ${PER_COURSE})`,
  );
  const [{ id: exportId }] = (
    await db.query("INSERT INTO esf_exports (requested_by, kind, format, period_from, period_to) VALUES ('bench', 'PARTICIPANTS', 'CSV', '2025-01-01', '2025-12-31') RETURNING id")
  ).rows;
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE').catch(() => undefined);
  await db.end();
  return { tenantId, exportId };
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
