import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Role } from '@lahde/platform/auth';
import { RunningRedis, startLocalRedis } from '@lahde/platform/runtime';
import { EsfExportProcessor } from '@lahde/domain/reporting';
import { GqlResult, TestApi } from '../support/test-api';

const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '04' };

/** Redis stopped while an export is requested: the request is kept, and runs once Redis is back. */
describe('ESF export while Redis is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lahde-redis-down-'));
  let redis: RunningRedis;
  let port: number;
  let api: TestApi;

  beforeAll(async () => {
    redis = await startLocalRedis(dir); // a Redis of this suite's own: stopping it disturbs no other suite
    port = Number(new URL(redis.url).port);
    api = await TestApi.start({ env: { REDIS_URL: redis.url, RUN_JOBS_IN_API: 'true', QUEUE_PREFIX: 'redis-down-e2e' } });
  });
  afterAll(async () => {
    await api.close();
    await redis.stop();
  });

  it('keeps the request as QUEUED, reports Redis down, and exports once Redis returns', async () => {
    await redis.stop();
    const result: GqlResult<{ requestEsfExport: { id: string; status: string } }> = await api.gql(
      'mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id status } }',
      { input: { kind: 'PARTICIPANTS', format: 'CSV', period: { from: '2025-01-01', to: '2025-12-31' } } },
      COORDINATOR,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.requestEsfExport.status).toBe('QUEUED');
    const health = await api.http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body.checks).toEqual({ database: 'up', redis: 'down' });

    redis = await startLocalRedis(dir, process.env, port);
    await api.app.get(EsfExportProcessor).sweep(); // what the worker's minutely sweeper does
    let status = 'QUEUED';
    for (let i = 0; i < 200 && status !== 'DONE'; i++) {
      const job = await api.gql<{ exportJob: { status: string } }>('query($id: ID!) { exportJob(id: $id) { status } }', { id: result.data!.requestEsfExport.id }, COORDINATOR);
      status = job.data!.exportJob.status;
      if (status !== 'DONE') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('DONE');
    expect((await api.http.get('/health')).status).toBe(200);
  });
});
