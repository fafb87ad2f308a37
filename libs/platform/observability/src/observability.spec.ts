import { createLogger, PinoNestLogger } from './logger';
import { pathOf } from './request-logging';
import { Telemetry } from './telemetry';

function capture(level: 'debug' | 'log' | 'warn' = 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({ level, service: 'test' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('PinoNestLogger', () => {
  it("writes Nest's calls as JSON with their context, and an error's stack", () => {
    const { logger, lines } = capture();
    const nest = new PinoNestLogger(logger);
    nest.log('started', 'NestApplication');
    nest.error('query failed', 'Error: query failed\n    at x', 'GraphQL');
    nest.warn({ queue: 'reporting', waiting: 3 }, 'Jobs');
    nest.error(new Error('boom'));
    expect(lines.map(({ time, ...rest }) => rest)).toEqual([
      { level: 'info', service: 'test', context: 'NestApplication', message: 'started' },
      { level: 'error', service: 'test', context: 'GraphQL', stack: 'Error: query failed\n    at x', message: 'query failed' },
      { level: 'warn', service: 'test', context: 'Jobs', queue: 'reporting', waiting: 3 },
      expect.objectContaining({ level: 'error', message: 'boom', err: expect.objectContaining({ message: 'boom', stack: expect.stringContaining('Error: boom') }) }),
    ]);
  });

  it('keeps below-level calls out and censors credentials wherever they appear', () => {
    const { logger, lines } = capture('warn');
    const nest = new PinoNestLogger(logger);
    nest.log('not written');
    nest.debug('nor this');
    logger.warn({ headers: { authorization: 'Bearer abc.def.ghi' }, token: 'secret', user: { password: 'pw' } }, 'odd call');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toMatch(/abc\.def|secret|"pw"/);
    expect(lines[0]).toMatchObject({ headers: { authorization: '[redacted]' }, token: '[redacted]', user: { password: '[redacted]' } });
  });


  it("logs a driver error's type, code, message and stack, never its parameters or row values", () => {
    const { logger, lines } = capture();
    class QueryFailedError extends Error {
      query = 'INSERT INTO people (email) VALUES ($1)';
      parameters = ['maija@example.fi'];
      driverError = { code: '23505', detail: 'Key (tenant_id, email)=(x, maija@example.fi) already exists.' };
      code = '23505';
    }
    new PinoNestLogger(logger).error(new QueryFailedError('duplicate key value violates unique constraint "people_tenant_email_key"'));
    expect(lines[0]['err']).toEqual({ type: 'QueryFailedError', code: '23505', message: expect.stringContaining('duplicate key'), stack: expect.any(String) });
    expect(JSON.stringify(lines)).not.toContain('maija@example.fi');
  });
});

describe('Telemetry', () => {
  it('bounds GraphQL operation names: invalid ones and those past 200 distinct become "other"', async () => {
    const telemetry = new Telemetry('test');
    for (let i = 0; i < 205; i++) telemetry.countOperation(`Op${i}`, 'query', 'ok');
    telemetry.countOperation('Op0', 'query', 'ok');
    telemetry.countOperation('drop table; --', 'query', 'ok');
    telemetry.countOperation(null, 'query', 'ok');
    const values = (await telemetry.graphqlOperations.get()).values;
    const byName = Object.fromEntries(values.map((v) => [v.labels.operation, v.value]));
    expect(Object.keys(byName)).toHaveLength(202); // 200 names, other, anonymous
    expect(byName).toMatchObject({ Op0: 2, Op199: 1, other: 6, anonymous: 1 });
    expect(byName['Op200']).toBeUndefined();
  });

  it('reads pool and queue gauges at scrape time and leaves out a queue that does not answer', async () => {
    const telemetry = new Telemetry('test');
    telemetry.watchPool(() => ({ totalCount: 4, idleCount: 3, waitingCount: 0 }));
    telemetry.watchQueues(
      [
        { name: 'reporting', getJobCounts: async () => ({ waiting: 2, active: 1, delayed: 0, failed: 5 }) },
        { name: 'stuck', getJobCounts: () => new Promise(() => undefined) },
      ],
      50,
    );
    const text = await telemetry.registry.metrics();
    expect(text).toMatch(/^lahde_db_pool_connections\{.*state="idle".*\} 3$/m);
    expect(text).toMatch(/^lahde_queue_jobs\{.*queue="reporting",state="failed".*\} 5$/m);
    expect(text).not.toMatch(/queue="stuck"/);
  });
});

describe('pathOf', () => {
  it('drops the query string and fragment, which may carry personal data', () => {
    expect(pathOf('/graphql?query={people(search:"Virtanen")}')).toBe('/graphql');
    expect(pathOf('/exports/1/download#x')).toBe('/exports/1/download');
    expect(pathOf('/health')).toBe('/health');
  });
});
