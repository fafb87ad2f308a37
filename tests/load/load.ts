/**
 * Load test (not a test): builds the synthetic national data set in a throwaway PostgreSQL + Redis,
 * serves the built API (`dist/apps/api/main.js`, NODE_ENV=production) as its own process, and drives a
 * mix of county and national GraphQL queries at it with autocannon for a bounded time. Reports
 * throughput, latency percentiles, HTTP and GraphQL errors per query and in all, and the API process's
 * memory (RSS) and CPU.
 *
 *   npm run load                       LOAD_SCALE=S LOAD_SECONDS=30 LOAD_CONNECTIONS=20 by default
 *   LOAD_SCALE=M npm run load
 *
 * Exits 1 when any request failed (HTTP error, connection error or timeout, or a GraphQL `errors` entry).
 */
import 'reflect-metadata';
import { spawn, ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import * as path from 'node:path';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { Role } from '@lahde/platform/auth';
import { freePort } from '@lahde/platform/runtime';
import { startThrowawayStack, TestIssuer } from '@lahde/testing';
import { generateNationalData, Scale, SCALES } from '../generator/national-data';
import { refreshAllCounties, vacuumAnalyze } from '../generator/refresh';

const API_MAIN = path.resolve(__dirname, '../../dist/apps/api/main.js');
const PERIOD = '{ from: "2025-01-01", to: "2026-12-31" }';
const ESF_PERIOD = '{ from: "2025-01-01", to: "2025-12-31" }';

interface Settings {
  scale: Scale;
  seconds: number;
  connections: number;
}

/** One kind of request in the mix: `weight` is its share of the connections. */
interface Kind {
  name: string;
  weight: number;
  /** One request per county (county kinds) or one for THL (national kinds); each connection cycles through them. */
  requests: Array<{ token: string; query: string }>;
}

interface KindResult {
  name: string;
  connections: number;
  latencies: number[];
  non2xx: number;
  connectionErrors: number;
  graphqlErrors: number;
  firstGraphqlError?: string;
  seconds: number;
}

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  console.log(`Load test: scale ${settings.scale} ${JSON.stringify(SCALES[settings.scale])}, ${settings.seconds} s, ${settings.connections} connections`);
  const stack = await startThrowawayStack(`load-${settings.scale}`);
  let api: ApiProcess | undefined;
  let jwks: HttpsJwks | undefined;
  try {
    let t = Date.now();
    await generateNationalData(stack.runtimeUrl, settings.scale, 1);
    await refreshAllCounties(stack.runtimeUrl);
    await vacuumAnalyze(stack.superuserUrl);
    console.log(`data generated and metrics refreshed in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    const issuer = await TestIssuer.start('https://idp.load.lahde');
    jwks = await serveJwksOverHttps(issuer, stack.workDir);
    api = await startApi(stack, issuer.issuer, jwks);
    const kinds = await requestMix(stack.runtimeUrl, issuer);
    await describeDatabase(stack.superuserUrl);
    const unloaded = await warmUp(api.url, kinds);

    const loadBefore = loadavg()[0];
    const postmaster = Number(readFileSync(path.join(stack.workDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const dbBefore = clusterCpuSeconds(postmaster);
    const selfBefore = process.cpuUsage();
    const before = processStats(api.pid);
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, processStats(api!.pid).rss)), 250);
    t = Date.now();
    const results = await Promise.all(split(kinds, settings.connections).map(([kind, connections]) => drive(api!.url, kind, connections, settings.seconds)));
    const wall = (Date.now() - t) / 1000;
    clearInterval(sampler);
    const after = processStats(api.pid);
    const self = process.cpuUsage(selfBefore);

    report(settings, results, unloaded, { before: before.rss, peak: peakRss, after: after.rss, cpuSeconds: after.cpuSeconds - before.cpuSeconds, wall }, {
      databaseCpuSeconds: clusterCpuSeconds(postmaster) - dbBefore,
      generatorCpuSeconds: (self.user + self.system) / 1e6,
    });
    console.log(`machine load average (1 min): ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after, on ${cpus().length} cores (the database, the API and the load generator share them)`);
    process.exitCode = results.some((r) => r.non2xx || r.connectionErrors || r.graphqlErrors) ? 1 : 0;
    console.log(`API log: ${api.logFile}`);
    await issuer.stop();
  } finally {
    await api?.stop();
    await jwks?.stop();
    await stack.stop();
  }
}

/** The environment, validated: a bad value stops the run with a message naming the variable. */
export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const problems: string[] = [];
  const scale = (env['LOAD_SCALE'] || 'S') as Scale;
  if (!(scale in SCALES)) problems.push(`LOAD_SCALE must be one of ${Object.keys(SCALES).join(', ')}`);
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be an integer between ${min} and ${max}`);
    return value;
  };
  const seconds = int('LOAD_SECONDS', 30, 1, 600);
  const connections = int('LOAD_CONNECTIONS', 20, 6, 500);
  if (problems.length) throw new Error(`Invalid load test settings:\n  - ${problems.join('\n  - ')}`);
  return { scale, seconds, connections };
}

/**
 * The mix: county roles of every county on their registry (people, courses), their metrics and their
 * ESF+ indicators; THL's analysts on the national comparison and a two-level cascade drill-down.
 */
async function requestMix(runtimeUrl: string, issuer: TestIssuer): Promise<Kind[]> {
  const db = new Client({ connectionString: runtimeUrl });
  await db.connect();
  const codes: string[] = (await db.query("SELECT code FROM counties WHERE kind = 'COUNTY' ORDER BY code")).rows.map((r) => r.code);
  await db.end();
  const perCounty = async (role: Role, query: (code: string) => string) =>
    Promise.all(codes.map(async (code) => ({ token: await issuer.token(role, code), query: query(code) })));
  const analyst = await issuer.token(Role.NATIONAL_ANALYST);
  return [
    {
      name: 'people',
      weight: 5,
      requests: await perCounty(Role.COUNTY_COORDINATOR, () =>
        '{ people(first: 50) { totalCount pageInfo { endCursor hasNextPage } nodes { id firstName lastName email jobTitle missingFields unit { name organisationName sector } } } }',
      ),
    },
    {
      name: 'courses',
      weight: 3,
      requests: await perCounty(Role.COUNTY_COORDINATOR, () => '{ courses(first: 50) { totalCount nodes { id name tier status startsOn enrolled completed } } }'),
    },
    {
      name: 'countyMetrics',
      weight: 3,
      requests: await perCounty(
        Role.COUNTY_COORDINATOR,
        (code) =>
          `{ countyMetrics(countyCode: "${code}", period: ${PERIOD}) { figures { activeKeyWorkers keyWorkersPer10k throughput { tier completed completionRate } } bySector { key activeKeyWorkers } byMunicipality { key units } } }`,
      ),
    },
    {
      name: 'esfIndicators',
      weight: 2,
      requests: await perCounty(Role.ESF_REPORTER, () => `{ esfIndicators(period: ${ESF_PERIOD}) { code value } }`),
    },
    {
      name: 'nationalMetrics',
      weight: 2,
      requests: [
        {
          token: analyst,
          query: `{ nationalMetrics(period: ${PERIOD}) { asOf counties { countyCode activeKeyWorkers keyWorkersPer10k municipalityCoverageShare throughput { tier coursesHeld enrolled completed dropped completionRate medianDaysToCertification } activities { kind count } } total { activeKeyWorkers } } }`,
        },
      ],
    },
    {
      name: 'cascade',
      weight: 1,
      requests: [{ token: analyst, query: '{ cascade(depth: 2) { id trainers keyWorkers brokenLinks children { id trainers keyWorkers children { id keyWorkers activeKeyWorkers broken } } } }' }],
    },
  ];
}

/** The size of what the queries run against: the database and its largest tables. */
async function describeDatabase(superuserUrl: string): Promise<void> {
  const db = new Client({ connectionString: superuserUrl });
  await db.connect();
  try {
    const [{ size }] = (await db.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS size")).rows;
    const tables = (
      await db.query(
        `SELECT schemaname || '.' || relname AS name, n_live_tup AS rows, pg_size_pretty(pg_total_relation_size(relid)) AS size
           FROM pg_stat_user_tables ORDER BY pg_total_relation_size(relid) DESC LIMIT 8`,
      )
    ).rows;
    console.log(`database ${size}; largest tables: ${tables.map((t) => `${t.name} ${Number(t.rows).toLocaleString('en')} rows ${t.size}`).join(', ')}`);
  } finally {
    await db.end();
  }
}

/** Connections per kind by weight (largest remainder), at least one each. */
function split(kinds: Kind[], connections: number): Array<[Kind, number]> {
  const total = kinds.reduce((sum, k) => sum + k.weight, 0);
  const shares = kinds.map((k) => (k.weight * (connections - kinds.length)) / total);
  const counts = shares.map((s) => 1 + Math.floor(s));
  let left = connections - counts.reduce((a, b) => a + b, 0);
  for (const i of shares.map((s, i) => [s - Math.floor(s), i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i)) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return kinds.map((k, i) => [k, counts[i]]);
}

function graphqlRequest(url: string, token: string, query: string) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
}

/**
 * Every request twice, one at a time, before the clock starts: a query the API refuses stops the run
 * with its answer, and the second pass gives each kind's latency without load (median).
 */
async function warmUp(url: string, kinds: Kind[]): Promise<Map<string, number>> {
  const unloaded = new Map<string, number>();
  for (const kind of kinds) {
    const times: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const { token, query } of kind.requests) {
        const started = process.hrtime.bigint();
        const res = await graphqlRequest(url, token, query);
        const body = await res.text();
        if (!res.ok || body.includes('"errors"')) throw new Error(`${kind.name}: HTTP ${res.status} ${body.slice(0, 500)}`);
        if (pass === 1) times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }
    unloaded.set(kind.name, percentile(times.sort((a, b) => a - b), 0.5));
  }
  return unloaded;
}

function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] : NaN;
}

async function drive(url: string, kind: Kind, connections: number, seconds: number): Promise<KindResult> {
  const result: KindResult = { name: kind.name, connections, latencies: [], non2xx: 0, connectionErrors: 0, graphqlErrors: 0, seconds };
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 30,
    method: 'POST',
    requests: kind.requests.map(({ token, query }) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
      // Every body is read: a 200 with an `errors` array is a failure too.
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) {
          result.graphqlErrors++;
          result.firstGraphqlError ??= body.slice(0, 300);
        }
      },
    })),
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => result.latencies.push(responseTime));
  const done = await instance;
  result.non2xx = done.non2xx;
  result.connectionErrors = done.errors;
  result.seconds = done.duration;
  return result;
}

function report(
  settings: Settings,
  results: KindResult[],
  unloaded: Map<string, number>,
  api: { before: number; peak: number; after: number; cpuSeconds: number; wall: number },
  others: { databaseCpuSeconds: number; generatorCpuSeconds: number },
): void {
  const all: KindResult = {
    name: 'all',
    connections: results.reduce((s, r) => s + r.connections, 0),
    latencies: results.flatMap((r) => r.latencies),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    connectionErrors: results.reduce((s, r) => s + r.connectionErrors, 0),
    graphqlErrors: results.reduce((s, r) => s + r.graphqlErrors, 0),
    seconds: Math.max(...results.map((r) => r.seconds)),
  };
  console.log(`\nscale ${settings.scale}, ${settings.seconds} s, ${all.connections} connections`);
  console.log('query            conns  requests     req/s     p50 ms    p95 ms    p99 ms    max ms  non-2xx  conn.err  gql.err  alone p50 ms');
  for (const r of [...results, all]) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const p = (q: number) => percentile(sorted, q);
    console.log(
      `${r.name.padEnd(16)} ${String(r.connections).padStart(5)} ${String(sorted.length).padStart(9)} ${(sorted.length / r.seconds).toFixed(1).padStart(9)}` +
        ` ${fixed(p(0.5))} ${fixed(p(0.95))} ${fixed(p(0.99))} ${fixed(sorted[sorted.length - 1] ?? NaN)}` +
        ` ${String(r.non2xx).padStart(8)} ${String(r.connectionErrors).padStart(9)} ${String(r.graphqlErrors).padStart(8)}` +
        (unloaded.has(r.name) ? fixed(unloaded.get(r.name)!).padStart(14) : ''),
    );
  }
  for (const r of results) if (r.firstGraphqlError) console.log(`first GraphQL error of ${r.name}: ${r.firstGraphqlError}`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
  console.log(`\nAPI process RSS: ${mb(api.before)} before, peak ${mb(api.peak)}, ${mb(api.after)} after; CPU ${((api.cpuSeconds / api.wall) * 100).toFixed(0)}% of one core`);
  // CPU time per request holds when the machine is shared, unlike latency: it says what a dedicated core serves.
  const perRequest = (seconds: number) => (all.latencies.length ? (seconds * 1000) / all.latencies.length : NaN);
  const [apiMs, dbMs, generatorMs] = [api.cpuSeconds, others.databaseCpuSeconds, others.generatorCpuSeconds].map(perRequest);
  console.log(
    `CPU per request: API ${apiMs.toFixed(1)} ms, PostgreSQL ${dbMs.toFixed(1)} ms, load generator ${generatorMs.toFixed(1)} ms` +
      ` (one dedicated core serves about ${Math.round(1000 / apiMs)} req/s of this mix in the API, ${Math.round(1000 / dbMs)} in PostgreSQL)`,
  );
}

function fixed(value: number): string {
  return value.toFixed(1).padStart(9);
}

/** RSS (bytes) and CPU time used so far (seconds) of a process, from /proc (Linux). */
function processStats(pid: number): { rss: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss, cpuSeconds: ticks / 100 };
}

/** CPU time (seconds) of a PostgreSQL cluster: the postmaster, its live backends and the children it has reaped. */
function clusterCpuSeconds(postmaster: number): number {
  const fields = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  };
  const own = fields(postmaster);
  // utime, stime, cutime, cstime are fields 14 to 17 of /proc/<pid>/stat (11 to 14 after the command name).
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const child = fields(Number(entry));
      if (Number(child[1]) === postmaster) ticks += Number(child[11]) + Number(child[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks / 100;
}

interface HttpsJwks {
  url: string;
  caFile: string;
  stop(): Promise<void>;
}

/**
 * Production accepts identity providers over HTTPS only: the test issuer's public key is served over
 * HTTPS with a throwaway self-signed certificate that the API process trusts via NODE_EXTRA_CA_CERTS.
 */
async function serveJwksOverHttps(issuer: TestIssuer, dir: string): Promise<HttpsJwks> {
  const keyFile = path.join(dir, 'jwks-tls.key');
  const caFile = path.join(dir, 'jwks-tls.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', keyFile, '-out', caFile], { stdio: 'ignore' });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { d, ...publicJwk } = issuer.key;
  const body = JSON.stringify({ keys: [{ ...publicJwk, use: 'sig' }] });
  const server: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(caFile) }, (_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(body),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`,
    caFile,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

interface ApiProcess {
  url: string;
  pid: number;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * The built API as production runs it, in a process of its own so that its memory is its own. The rate
 * limits are off (one load generator on loopback is one address and a few users); set RATE_LIMIT_* in
 * this process's environment to measure with them on.
 */
async function startApi(stack: { workDir: string; runtimeUrl: string; redisUrl: string }, issuer: string, jwks: HttpsJwks): Promise<ApiProcess> {
  const port = await freePort();
  const logFile = path.join(stack.workDir, 'api.log');
  const log = openSync(logFile, 'a');
  const env: NodeJS.ProcessEnv = {
    RATE_LIMIT_PER_USER: '0',
    RATE_LIMIT_PER_IP: '0',
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: stack.runtimeUrl,
    REDIS_URL: stack.redisUrl,
    QUEUE_PREFIX: 'load',
    AUTH_ISSUERS: JSON.stringify([{ issuer, jwksUrl: jwks.url }]),
    AUTH_DEV_ISSUER: 'false',
    NODE_EXTRA_CA_CERTS: jwks.caFile,
    EXPORT_LINK_SECRET: randomBytes(32).toString('hex'),
    EXPORT_DIR: path.join(stack.workDir, 'exports'),
    LAHDE_DATA_DIR: path.join(stack.workDir, 'data'),
  };
  const child: ChildProcess = spawn(process.execPath, [API_MAIN], { env, stdio: ['ignore', log, log] });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`the API was not ready within 60 s; see ${logFile}`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url: `${url}/graphql`,
    pid: child.pid as number,
    logFile,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

if (require.main === module) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
