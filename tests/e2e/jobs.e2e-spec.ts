import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@lahde/platform/config';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Queue } from 'bull';
import { Role } from '@lahde/platform/auth';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { ORGANISATION_CENSUS_JOB, OrganisationCensusResult } from '@lahde/domain/directory';
import { countyId, runtimeClient } from '@lahde/testing';
import { TestApi } from '../support/test-api';

/** Queues of their own: other suites' APIs that run jobs must not take (and finish) these suites' jobs. */
const OWN_QUEUES = 'jobs-e2e';

/** A job goes through real Redis and bull, and its processor re-enters the tenant named in the payload. */
describe('background jobs on bull', () => {
  let api: TestApi;
  let queue: Queue<TenantJobData>;

  beforeAll(async () => {
    // Only this suite runs processors; the other suites' APIs leave jobs to whoever processes them.
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true', QUEUE_PREFIX: OWN_QUEUES } });
    queue = api.app.get(getQueueToken(Queues.maintenance));
  });
  afterAll(() => api.close());

  it("counts a county's organisations inside that county's context, and no other county's", async () => {
    const client = await runtimeClient();
    const [lapland, ostrobothnia] = [await countyId(client, '19'), await countyId(client, '15')];
    await client.end();
    const create = 'mutation($name: String!) { createOrganisation(input: { type: NGO, name: $name }) { id } }';
    for (const name of ['Lapin ensi- ja turvakoti', 'Rovaniemen seurakunta']) {
      expect((await api.gql(create, { name }, { role: Role.COUNTY_ADMIN, county: '19' })).errors).toBeUndefined();
    }
    expect((await api.gql(create, { name: 'Vaasan järjestö' }, { role: Role.COUNTY_ADMIN, county: '15' })).errors).toBeUndefined();

    const run = async (tenantId: string) => {
      // Kept when done: a job removed on completion before `finished()` looks would be waited for in vain.
      const job = await queue.add(ORGANISATION_CENSUS_JOB, { tenantId, requestedBy: 'test' }, { removeOnComplete: false });
      return (await job.finished()) as OrganisationCensusResult;
    };
    expect(await run(lapland)).toEqual({ tenantId: lapland, organisations: 2 });
    expect(await run(ostrobothnia)).toEqual({ tenantId: ostrobothnia, organisations: 1 });
  });

});

describe('the worker application', () => {
  it('processes a job that an API which runs no jobs itself enqueued', async () => {
    const apiOnly = await TestApi.start({ env: { RUN_JOBS_IN_API: 'false', QUEUE_PREFIX: OWN_QUEUES } });
    let worker: INestApplicationContext | undefined;
    try {
      const client = await runtimeClient();
      const helsinki = await countyId(client, '90');
      await client.end();
      const job = await apiOnly.app.get<Queue<TenantJobData>>(getQueueToken(Queues.maintenance)).add(ORGANISATION_CENSUS_JOB, { tenantId: helsinki, requestedBy: 'test' }, { removeOnComplete: false });
      worker = await NestFactory.createApplicationContext(WorkerModule.register(loadConfig({ ...process.env, QUEUE_PREFIX: OWN_QUEUES })), { logger: ['error'] });
      expect(await job.finished()).toEqual({ tenantId: helsinki, organisations: 0 });
    } finally {
      await worker?.close();
      await apiOnly.close();
    }
  });
});
