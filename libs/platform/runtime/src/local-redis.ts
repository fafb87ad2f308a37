import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { freePort } from './free-port';

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_MISSING_HELP =
  'Redis is needed for background jobs. Either set REDIS_URL=redis://host:port, or install redis-server ' +
  '(Debian/Ubuntu: `apt-get install redis-server`, macOS: `brew install redis`) so that it is found on PATH.';

export function redisServerOnPath(env: NodeJS.ProcessEnv = process.env): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore', env }).status === 0;
}

/** Starts `redis-server` from PATH on a free loopback port, keeping nothing on disk. */
export async function startLocalRedis(workDir: string, env: NodeJS.ProcessEnv = process.env, fixedPort?: number): Promise<RunningRedis> {
  if (!redisServerOnPath(env)) throw new Error(REDIS_MISSING_HELP);
  mkdirSync(workDir, { recursive: true });
  // A fixed port lets a test stop Redis and start it again where its clients reconnect.
  const port = fixedPort ?? (await freePort());
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', workDir, '--loglevel', 'warning'],
    { stdio: 'ignore', env },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitForPort(port, 10_000);
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not open port ${port} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
