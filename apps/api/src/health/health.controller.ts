import { InjectQueue } from '@nestjs/bull';
import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { Queue } from 'bull';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@lahde/platform/auth';
import { Queues } from '@lahde/platform/queue';

type Check = 'up' | 'down';

/** Liveness (`/health/live`: the process answers) and readiness (`/health`: database and Redis answer). */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(Queues.maintenance) private readonly queue: Queue,
  ) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get()
  async ready(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.queue.client.ping()),
    ]);
    const ok = database === 'up' && redis === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }
}

async function check(probe: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
  try {
    await Promise.race([probe(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}
