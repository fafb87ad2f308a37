/**
 * Benchmark (not a test): loads the synthetic national data set at the given scales into a fresh
 * embedded PostgreSQL, refreshes every county's metrics, serves the API over real HTTP, and reports
 * p50/p95 latency of nationalMetrics, countyMetrics and a full cascade, next to the same SQL run raw
 * in PostgreSQL (node-pg, national role, no Nest/GraphQL/TypeORM) as the floor.
 *
 *   npm run bench -- M L          (default: M)
 */
import 'reflect-metadata';
import { Client } from 'pg';
import { Role } from '@lahde/platform/auth';
import { loadConfig } from '@lahde/platform/config';
import { cascadeRows, coverageRows, factRows, Queryable } from '@lahde/domain/metrics';
import { startThrowawayStack, TestIssuer } from '@lahde/testing';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { generateNationalData, Scale, SCALES } from '../generator/national-data';
import { refreshAllCounties, vacuumAnalyze } from '../generator/refresh';

const RUNS = Number(process.env["BENCH_RUNS"] ?? 100);
const WARMUP = 10;
const PERIOD = { from: '2025-01-01', to: '2026-12-31' };

interface Figures {
  p50: number;
  p95: number;
}

async function main(scales: Scale[]): Promise<void> {
  const results: Array<{ scale: Scale; query: string; api: Figures; raw: Figures; bytes: number }> = [];
  for (const scale of scales) results.push(...(await benchmarkScale(scale)));
  console.log('\nscale  query            API p50   API p95   raw p50   raw p95   p95 ratio   response');
  for (const r of results) {
    console.log(
      `${r.scale.padEnd(6)} ${r.query.padEnd(16)} ${ms(r.api.p50)} ${ms(r.api.p95)} ${ms(r.raw.p50)} ${ms(r.raw.p95)} ${(r.api.p95 / r.raw.p95).toFixed(2).padStart(9)}   ${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
  if (scales.includes('M') && scales.includes('L')) {
    console.log('\ngrowth M → L (p95, API):');
    for (const query of ['nationalMetrics', 'countyMetrics', 'cascade']) {
      const [m, l] = ['M', 'L'].map((s) => results.find((r) => r.scale === s && r.query === query)!.api.p95);
      console.log(`  ${query.padEnd(16)} ×${(l / m).toFixed(2)} for ×10 data`);
    }
  }
}

async function benchmarkScale(scale: Scale) {
  console.log(`\n== scale ${scale}: ${JSON.stringify(SCALES[scale])}`);
  const stack = await startThrowawayStack(`bench-${scale}`);
  const runtimeUrl = stack.runtimeUrl;
  try {
    let t = Date.now();
    await generateNationalData(runtimeUrl, scale, 1);
    console.log(`generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    t = Date.now();
    await refreshAllCounties(runtimeUrl);
    console.log(`metrics refreshed for 22 counties in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    await vacuumAnalyze(stack.superuserUrl);

    const issuer = await TestIssuer.start();
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      AUTH_DEV_ISSUER: 'false',
      DATABASE_URL: runtimeUrl,
      REDIS_URL: stack.redisUrl,
      AUTH_ISSUERS: JSON.stringify([issuer.config()]),
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/graphql`;
    const token = await issuer.token(Role.NATIONAL_ANALYST);
    const raw = new Client({ connectionString: runtimeUrl });
    await raw.connect();
    const rawQuery: Queryable = { query: (sql, params) => raw.query(sql, params as unknown[]).then((r) => r.rows) };
    const national = async <T>(work: () => Promise<T>) => {
      await raw.query('BEGIN');
      await raw.query('SET LOCAL ROLE lahde_national');
      try {
        return await work();
      } finally {
        await raw.query('COMMIT');
      }
    };
    const [{ id: helsinki }] = (await raw.query("SELECT id FROM counties WHERE code = '90'")).rows;

    const cases: Array<{ query: string; gql: string; floor: () => Promise<unknown> }> = [
      {
        query: 'nationalMetrics',
        gql: `{ nationalMetrics(period: { from: "${PERIOD.from}", to: "${PERIOD.to}" }) { asOf counties { countyCode activeKeyWorkers keyWorkersPer10k municipalityCoverageShare throughput { tier coursesHeld enrolled completed dropped completionRate medianDaysToCertification addressingParticipants } activities { kind count } activeKeyWorkersByGender { key count suppressed } } total { activeKeyWorkers } } }`,
        floor: () => national(async () => [await coverageRows(rawQuery, null), await factRows(rawQuery, PERIOD)]),
      },
      {
        query: 'countyMetrics',
        gql: `{ countyMetrics(countyCode: "90", period: { from: "${PERIOD.from}", to: "${PERIOD.to}" }) { figures { activeKeyWorkers throughput { tier completed } } bySector { key activeKeyWorkers } byMunicipality { key units } } }`,
        floor: () =>
          national(async () => [
            await coverageRows(rawQuery, '90'),
            await factRows(rawQuery, PERIOD, helsinki),
            await rawQuery.query('SELECT dimension, key, active_key_workers, units, units_covered FROM metrics.coverage_breakdown WHERE tenant_id = $1', [helsinki]),
          ]),
      },
      {
        query: 'cascade',
        gql: '{ cascade(depth: 3) { id trainers keyWorkers brokenLinks children { id trainers keyWorkers children { id keyWorkers activeKeyWorkers broken children { id active addressingParticipants } } } } }',
        floor: () => national(() => cascadeRows(rawQuery, null)),
      },
    ];
    const out = [];
    for (const c of cases) {
      let bytes = 0;
      const api = await measure(async () => {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: c.gql }) });
        const body = await res.text();
        if (!res.ok || body.includes('"errors"')) throw new Error(`${c.query}: ${res.status} ${body.slice(0, 300)}`);
        bytes = body.length;
      });
      const floor = await measure(c.floor);
      out.push({ scale, query: c.query, api, raw: floor, bytes });
    }
    await raw.end();
    await app.close();
    await issuer.stop();
    return out;
  } finally {
    await stack.stop();
  }
}

async function measure(run: () => Promise<unknown>): Promise<Figures> {
  for (let i = 0; i < WARMUP; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)], p95: times[Math.floor(RUNS * 0.95)] };
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`.padStart(9);
}

const scales = (process.argv.slice(2).filter((a) => a in SCALES) as Scale[]).length ? (process.argv.slice(2).filter((a) => a in SCALES) as Scale[]) : (['M'] as Scale[]);
main(scales).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
