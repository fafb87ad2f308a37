import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Job } from 'bull';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Role } from '@lahde/platform/auth';
import { RunningRedis, startLocalRedis } from '@lahde/platform/runtime';
import { MetricsRefreshProcessor } from '../../libs/domain/metrics/src/metrics-refresh';
import { EsfExportProcessor } from '@lahde/domain/reporting';
import { GqlResult, TestApi } from '../support/test-api';

const A = { role: Role.COUNTY_COORDINATOR, county: '10' };
const B = { role: Role.COUNTY_COORDINATOR, county: '11' };

interface Cluster {
  process: ChildProcess;
  port: number;
  superuserUrl: string;
  ownerUrl: string;
  runtimeUrl: string;
}

/** Starts (or, with `port`, starts again) this suite's PostgreSQL in its own process: tests/fault/postgres-process.ts. */
async function startCluster(dir: string, port?: number): Promise<Cluster> {
  const child = spawn(
    process.execPath,
    [require.resolve('ts-node/dist/bin'), '-P', 'tsconfig.spec.json', '-r', 'tsconfig-paths/register', 'tests/fault/postgres-process.ts', dir, ...(port ? [String(port)] : [])],
    { cwd: path.resolve(__dirname, '../..'), env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output += d;
      if (output.includes('\n')) resolve({ process: child, ...JSON.parse(output.split('\n')[0]) });
    });
    child.on('exit', (code) => reject(new Error(`PostgreSQL process exited (${code}): ${errors}`)));
  });
}

async function stopCluster(cluster: Cluster): Promise<void> {
  if (cluster.process.exitCode !== null) return;
  const exited = once(cluster.process, 'exit');
  cluster.process.kill('SIGTERM');
  await exited;
}

/** Worker processes (apps/worker) on this suite's stack, to be killed like a crashed container; all are ended after the suite. */
const workers: Array<{ process: ChildProcess; log: string }> = [];
function startWorker(env: Record<string, string>, logDir: string): { process: ChildProcess; log: string } {
  const log = path.join(logDir, `worker-${workers.length + 1}.log`);
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), '-P', 'tsconfig.spec.json', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, ...env, TS_NODE_TRANSPILE_ONLY: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const worker = { process: child, log };
  workers.push(worker);
  return worker;
}
async function stopWorker(worker: { process: ChildProcess }, signal: NodeJS.Signals): Promise<void> {
  if (worker.process.exitCode !== null || worker.process.signalCode !== null) return;
  const exited = once(worker.process, 'exit');
  worker.process.kill(signal);
  await exited;
}

/**
 * Faults on a stack of this suite's own (PostgreSQL is killed and restarted here; the shared test stack
 * must not notice): connections dropped in the middle of a multi-statement mutation, PostgreSQL down and
 * back, a worker process killed mid-job, and the same job delivered twice at once. Redis down during
 * export requests is esf-export-redis-down.e2e-spec.ts; a job failing halfway by an exception and retried
 * is esf-export.e2e-spec.ts ("retries a job that crashed halfway").
 */
describe('faults', () => {
  let dir: string; // made in beforeAll, so that a run filtering these tests out leaves nothing behind
  let pg: Cluster;
  let redis: RunningRedis;
  let api: TestApi;
  let apiEnv: Record<string, string>;
  let superuser: Client;
  let owner: Client;
  let runtime: Client;
  const county: Record<'A' | 'B', string> = { A: '', B: '' };
  let courseId: string;

  const connect = async (url: string) => {
    const client = new Client({ connectionString: url, application_name: 'faults-test' });
    client.on('error', () => undefined); // terminated on purpose in some tests
    await client.connect();
    return client;
  };
  const call = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown>, auth: { role: Role; county: string }): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  /** Reads as the owner inside a county (FORCE RLS holds for the owner too), or as the runtime role for the `metrics` schema, whose policies name it. */
  const inCounty = async <T>(tenant: string, sql: string, params: unknown[] = [], db: Client = owner): Promise<T[]> => {
    await db.query('BEGIN');
    try {
      await db.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
      return (await db.query(sql, params)).rows;
    } finally {
      await db.query('ROLLBACK');
    }
  };
  /** The API's own pooled connections (its pool names itself "lahde"). */
  const apiBackends = async () =>
    (await superuser.query("SELECT pid, state, wait_event_type FROM pg_stat_activity WHERE application_name = 'lahde' AND datname = 'lahde'")).rows as Array<{
      pid: number;
      state: string;
      wait_event_type: string | null;
    }>;
  const until = async <T>(probe: () => Promise<T | undefined>, what: string | (() => string), ms = 15_000): Promise<T> => {
    for (let i = 0; i < ms / 50; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
  };
  /**
   * Holds `LOCK TABLE … IN ACCESS EXCLUSIVE MODE` on a connection of its own until `release()` (activity
   * is then watched from `superuser`: a transaction sees a frozen snapshot of pg_stat_activity).
   */
  const holdLock = async (table: string) => {
    const locker = await connect(pg.superuserUrl);
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    return async () => {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end().catch(() => undefined);
    };
  };
  const person = (auth: { role: Role; county: string }, n: number) =>
    call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
      input: { firstName: 'Vika', lastName: `Testi ${n}`, email: `vika${n}.${auth.county}@faults.test` },
    }, auth).then((r) => r.createPerson.id);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'lahde-faults-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its directory
    pg = await startCluster(dir);
    redis = await startLocalRedis(path.join(dir, 'redis'));
    apiEnv = {
      DATABASE_URL: pg.runtimeUrl,
      DATABASE_OWNER_URL: pg.ownerUrl,
      DATABASE_POOL_SIZE: '3',
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'faults-e2e',
      RUN_JOBS_IN_API: 'false', // jobs run in worker processes of this suite, or in the jobs API of the last tests
      LAHDE_DATA_DIR: path.join(dir, 'data'),
      EXPORT_DIR: path.join(dir, 'exports'),
    };
    api = await TestApi.start({ env: apiEnv });
    superuser = await connect(pg.superuserUrl);
    owner = await connect(pg.ownerUrl);
    runtime = await connect(pg.runtimeUrl);
    for (const key of ['A', 'B'] as const) {
      county[key] = (await owner.query('SELECT id FROM counties WHERE code = $1', [(key === 'A' ? A : B).county])).rows[0].id;
    }
  });
  afterAll(async () => {
    for (const worker of workers) await stopWorker(worker, 'SIGKILL');
    await superuser?.end().catch(() => undefined);
    await owner?.end().catch(() => undefined);
    await runtime?.end().catch(() => undefined);
    await api?.close();
    await redis?.stop();
    if (pg) await stopCluster(pg);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('writes nothing of a mutation whose connection dies halfway, and the next requests succeed', async () => {
    const programmes = await call<{ programmes: Array<{ id: string; tier: number; modules: Array<{ id: string; kind: string }> }> }>('{ programmes(tier: 2) { id tier modules { id kind } } }', {}, A);
    const trainer = await person(A, 0);
    const people = await Promise.all(Array.from({ length: 25 }, (_, i) => person(A, i + 1)));
    const { createCourse } = await call<{ createCourse: { id: string } }>('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: { programmeId: programmes.programmes[0].id, name: 'Katkeava kurssi', trainerIds: [trainer] },
    }, A);
    courseId = createCourse.id;
    const ENROL = 'mutation($input: EnrolInput!) { enrol(input: $input) { enrolments { personId } } }';

    // Hold the audit log, which enrol writes after its enrolments: the mutation stops with its rows written but not committed.
    const release = await holdLock('audit_log');
    const pending = api.gql(ENROL, { input: { courseId, personIds: people } }, A);
    const blocked = await until(async () => (await apiBackends()).find((b) => b.wait_event_type === 'Lock'), 'the enrolment to block on the audit log');
    const written = await superuser.query(
      "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE l.pid = $1 AND c.relname = 'enrolments' AND l.mode = 'RowExclusiveLock'",
      [blocked.pid],
    );
    expect(written.rows[0].n).toBe(1); // it has inserted its enrolments

    // Every connection of the API dies, as in a PostgreSQL restart or a failover.
    await superuser.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lahde'");
    await release();
    const failed = await pending;
    expect(failed.status).toBeLessThan(500);
    expect(failed.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['INTERNAL_SERVER_ERROR', 'Internal server error']]);

    expect(await inCounty(county.A, 'SELECT count(*)::int AS n FROM enrolments WHERE course_id = $1', [courseId])).toEqual([{ n: 0 }]);
    expect(await inCounty(county.A, "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'Course' AND entity_id = $1 AND 'enrolments' = ANY(fields)", [courseId])).toEqual([{ n: 0 }]);

    // The pool drops the dead connections: the very next requests succeed, and the mutation can simply be sent again.
    for (let i = 0; i < 5; i++) expect((await api.gql('{ organisations { totalCount } }', {}, A)).errors).toBeUndefined();
    const again = await call<{ enrol: { enrolments: unknown[] } }>(ENROL, { input: { courseId, personIds: people } }, A);
    expect(again.enrol.enrolments).toHaveLength(25);
    const moduleId = programmes.programmes[0].modules.find((m) => m.kind === 'SESSION')!.id;
    await call('mutation($input: AddSessionInput!) { addCourseSession(input: $input) { id } }', { input: { courseId, moduleId, date: '2026-03-02', startsAt: '12:00', endsAt: '16:00' } }, A);
  });

  it('never serves a county with another county\'s tenant on a reused connection after recovery', async () => {
    await call('mutation { createOrganisation(input: { type: NGO, name: "Kymenlaakson oma" }) { id } }', {}, A);
    await call('mutation { createOrganisation(input: { type: NGO, name: "Etelä-Karjalan oma" }) { id } }', {}, B);
    await superuser.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'lahde'");

    // Interleaved requests of both counties over a pool of three: each sees exactly its own organisations.
    const LIST = '{ organisations(first: 200) { nodes { name } } }';
    const rounds = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? B : A)).map(async (auth) => ({ auth, result: await api.gql<{ organisations: { nodes: Array<{ name: string }> } }>(LIST, {}, auth) })),
    );
    for (const { auth, result } of rounds) {
      expect(result.errors).toBeUndefined();
      const names = result.data!.organisations.nodes.map((n) => n.name);
      expect(names).toContain(auth === A ? 'Kymenlaakson oma' : 'Etelä-Karjalan oma');
      expect(names).not.toContain(auth === A ? 'Etelä-Karjalan oma' : 'Kymenlaakson oma');
    }

    // The tenant is transaction-local: the very connections that served those requests carry none now.
    const pooled = api.app.get(DataSource);
    const servedBy = new Set((await apiBackends()).map((b) => b.pid));
    for (let i = 0; i < 6; i++) {
      const [row] = await pooled.query("SELECT pg_backend_pid() AS pid, current_setting('app.tenant_id', true) AS tenant, (SELECT count(*)::int FROM organisations) AS visible");
      expect(servedBy.has(row.pid)).toBe(true);
      expect({ tenant: row.tenant || null, visible: row.visible }).toEqual({ tenant: null, visible: 0 });
    }
  });

  it('answers plainly while PostgreSQL is down, reports it in /health, and recovers when it is back', async () => {
    await stopCluster(pg);
    const down = await api.gql('{ organisations { totalCount } }', {}, A);
    expect(down.status).toBeLessThan(500);
    expect(down.errors?.map((e) => [e.extensions.code, e.message])).toEqual([['INTERNAL_SERVER_ERROR', 'Internal server error']]);
    const health = await api.http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.checks).toMatchObject({ database: 'down', redis: 'up' });

    pg = await startCluster(dir, pg.port);
    await superuser.end().catch(() => undefined);
    await owner.end().catch(() => undefined);
    await runtime.end().catch(() => undefined);
    superuser = await connect(pg.superuserUrl);
    owner = await connect(pg.ownerUrl);
    runtime = await connect(pg.runtimeUrl);
    const back = await until(async () => ((await api.gql('{ organisations { totalCount } }', {}, A)).errors ? undefined : true), 'the API to reach PostgreSQL again');
    expect(back).toBe(true);
    expect((await api.http.get('/health')).status).toBe(200);
  });

  it('finishes an export whose worker process was killed mid-job, in another worker, with one whole file', async () => {
    const folder = path.join(dir, 'exports', county.A);
    // Hold the enrolments: the export claims its row (RUNNING), opens its temporary file and stops at its first read.
    const release = await holdLock('enrolments');
    const first = startWorker(apiEnv, dir);
    let exportId = '';
    try {
      const requested = await call<{ requestEsfExport: { id: string } }>(
        'mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id } }',
        { input: { kind: 'PARTICIPANTS', format: 'CSV_SEMICOLON', period: { from: '2020-01-01', to: '2030-12-31' } } },
        A,
      );
      exportId = requested.requestEsfExport.id;
      await until(
        async () => ((await superuser.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM enrolments e JOIN courses c%'")).rowCount ? true : undefined),
        () => `the worker to start the export; its log:\n${readFileSync(first.log, 'utf8').slice(-3000)}`,
        90_000, // a worker process starting under ts-node
      );
      expect(await inCounty(county.A, 'SELECT status, attempts FROM esf_exports WHERE id = $1', [exportId])).toEqual([{ status: 'RUNNING', attempts: 1 }]);
      await stopWorker(first, 'SIGKILL');
    } finally {
      await stopWorker(first, 'SIGKILL');
      await release();
    }

    // Another worker takes the job over once bull finds it stalled (its lock expires after 30 s).
    const second = startWorker(apiEnv, dir);
    try {
      const [row] = await until(async () => {
        const rows = await inCounty<{ status: string; attempts: number; row_count: number; sha256: string }>(county.A, 'SELECT status, attempts, row_count, sha256 FROM esf_exports WHERE id = $1', [exportId]);
        return rows[0].status === 'DONE' ? rows : undefined;
      }, () => `another worker to finish the export; its log:\n${readFileSync(second.log, 'utf8').slice(-3000)}`, 150_000);
      expect(row).toMatchObject({ attempts: 2, row_count: 25 });
      const bytes = readFileSync(path.join(folder, `${exportId}.csv`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
      expect(bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l)).toHaveLength(26);
      expect(readdirSync(folder).filter((f) => f.startsWith(exportId) && f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await stopWorker(second, 'SIGTERM');
    }
  }, 300_000);

  describe('the same job delivered twice at once', () => {
    const job = <T>(data: T) => ({ data, id: 'twice', attemptsMade: 0, opts: {}, progress: async () => undefined }) as unknown as Job<T>;
    let jobsApi: TestApi; // an API that runs the processors itself, as with RUN_JOBS_IN_API=true
    beforeAll(async () => (jobsApi = await TestApi.start({ env: { ...apiEnv, RUN_JOBS_IN_API: 'true' } })));
    afterAll(() => jobsApi.close());

    it('refreshes a county\'s metrics to the same figures, without duplicate rows', async () => {
      const processor = jobsApi.app.get(MetricsRefreshProcessor);
      const data = { tenantId: county.A, requestedBy: 'faults-test' };
      const tables = ['county_coverage', 'coverage_breakdown', 'course_facts', 'activity_facts', 'cascade_nodes', 'coverage_history'];
      const figures = async () =>
        Object.fromEntries(
          await Promise.all(
            tables.map(async (t) => {
              const rows = await inCounty<{ row: string }>(county.A, `SELECT (to_jsonb(x) - 'as_of' - 'refreshed_at')::text AS row FROM metrics.${t} x ORDER BY 1`, [], runtime);
              return [t, rows.map((r) => r.row)];
            }),
          ),
        );
      await processor.refresh(job(data));
      const once = await figures();
      const results = await Promise.allSettled([processor.refresh(job(data)), processor.refresh(job(data))]);
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
      expect(await figures()).toEqual(once);
      expect(once['county_coverage']).toHaveLength(1);
    });

    it('publishes one whole export file when an export job runs twice at once', async () => {
      const processor = jobsApi.app.get(EsfExportProcessor);
      const requested = await jobsApi.gql<{ requestEsfExport: { id: string } }>(
        'mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id } }',
        { input: { kind: 'PARTICIPANTS', format: 'CSV', period: { from: '2020-01-01', to: '2030-12-31' } } },
        A,
      );
      const exportId = requested.data!.requestEsfExport.id;
      // The queued job (processed by the API's own worker) plus two more deliveries of it.
      const data = { tenantId: county.A, requestedBy: (await inCounty<{ requested_by: string }>(county.A, 'SELECT requested_by FROM esf_exports WHERE id = $1', [exportId]))[0].requested_by, exportId };
      const results = await Promise.allSettled([processor.export(job(data)), processor.export(job(data))]);
      // With the queued job, three deliveries run in this one process, i.e. with the same pid, as worker
      // containers (each PID 1) would: every one of them succeeds, and one file is published.
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);
      const [row] = await until(async () => {
        const rows = await inCounty<{ status: string; row_count: number; sha256: string }>(county.A, 'SELECT status, row_count, sha256 FROM esf_exports WHERE id = $1', [exportId]);
        return rows[0].status === 'DONE' ? rows : undefined;
      }, 'the export to finish');
      const folder = path.join(dir, 'exports', county.A);
      const bytes = readFileSync(path.join(folder, `${exportId}.csv`));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
      expect(bytes.toString('utf8').slice(1).split('\r\n').filter((l) => l)).toHaveLength(row.row_count + 1);
      expect(row.row_count).toBe(25);
      expect(readdirSync(folder).filter((f) => f.startsWith(exportId) && f.endsWith('.tmp'))).toEqual([]);
      expect(await inCounty(county.A, "SELECT count(*)::int AS n FROM esf_exports WHERE format = 'CSV'", [])).toEqual([{ n: 1 }]);
      await processor.export(job(data)); // a late redelivery
      expect(readFileSync(path.join(folder, `${exportId}.csv`)).equals(bytes)).toBe(true);
      expect(await inCounty(county.A, 'SELECT status, sha256 FROM esf_exports WHERE id = $1', [exportId])).toEqual([{ status: 'DONE', sha256: row.sha256 }]);
    });
  });
});
