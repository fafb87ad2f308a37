import { Role } from '@lahde/platform/auth';
import { TestApi } from '../support/test-api';

const METRICS_TOKEN = 'scrape-token-0123456789';

/** Request ids, one JSON log line per request, and Prometheus metrics, over real HTTP. */
describe('observability', () => {
  const lines: string[] = [];
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ env: { LOG_LEVEL: 'log', METRICS_TOKEN }, app: { logDestination: { write: (line: string) => void lines.push(line) } } });
  });
  afterAll(() => api.close());

  const scrape = async () => (await api.http.get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)).text;
  /** The value of the sample of `name` with exactly these labels (in any order), 0 when absent. */
  const sample = (text: string, name: string, labels: Record<string, string>) => {
    const wanted = JSON.stringify(Object.entries({ ...labels, service: 'api' }).sort());
    for (const [, raw, value] of text.matchAll(new RegExp(`^${name}\\{(.*)\\} (\\S+)$`, 'gm'))) {
      const found = [...raw.matchAll(/(\w+)="([^"]*)"/g)].map(([, k, v]) => [k, v]).sort();
      if (JSON.stringify(found) === wanted) return Number(value);
    }
    return 0;
  };

  it("echoes the caller's X-Request-Id, or makes one, and replaces one that is not a plain token", async () => {
    const given = await api.http.get('/health/live').set('x-request-id', 'ingress-42.a:b');
    expect(given.headers['x-request-id']).toBe('ingress-42.a:b');
    const made = await api.http.get('/health/live');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await api.http.get('/health/live').set('x-request-id', 'x"} {"level":"fatal');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one JSON line per request with request id, user, role, county, operation, status and duration, and no token', async () => {
    const token = await api.issuer.token(Role.COUNTY_COORDINATOR, '10', { subject: 'coordinator-7', name: 'Maija Meikäläinen', email: 'maija@example.fi' });
    const res = await api.http
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .set('x-request-id', 'log-line-test')
      .send({ query: 'query WhoAmI { me { role countyCode } }', operationName: 'WhoAmI' });
    expect(res.body).toEqual({ data: { me: { role: 'COUNTY_COORDINATOR', countyCode: '10' } } });
    await new Promise((resolve) => setImmediate(resolve));

    const requestLines = logged().filter((entry) => entry['requestId'] === 'log-line-test');
    expect(requestLines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'api',
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        user: 'coordinator-7',
        role: 'COUNTY_COORDINATOR',
        county: '10',
        operation: 'WhoAmI',
        operationType: 'query',
      }),
    ]);
    const all = lines.join('');
    expect(all).not.toContain(token);
    expect(all).not.toContain(token.split('.')[1]);
    expect(all).not.toMatch(/Maija|maija@example\.fi|authorization/i);
  });

  it("logs Nest's own messages as JSON too, and no line for probes", async () => {
    expect(logged()).toContainEqual(expect.objectContaining({ context: 'NestApplication', message: 'Nest application successfully started', service: 'api' }));
    await api.http.get('/health/live').set('x-request-id', 'probe-1');
    expect(logged().filter((entry) => entry['requestId'] === 'probe-1')).toEqual([]);
  });

  it('refuses /metrics without the metrics token', async () => {
    expect((await api.http.get('/metrics')).status).toBe(401);
    expect((await api.http.get('/metrics').set('authorization', 'Bearer wrong-token-0123456789')).status).toBe(401);
  });

  it('exposes process, HTTP, GraphQL, database pool and queue metrics, and counts a request', async () => {
    const before = await scrape();
    const token = await api.token(Role.NATIONAL_ANALYST);
    const ok = await api.http.post('/graphql').set('authorization', `Bearer ${token}`).send({ query: 'query Counties { counties { code } }', operationName: 'Counties' });
    expect(ok.status).toBe(200);
    const refused = await api.http.post('/graphql').send({ query: 'query Counties { counties { code } }', operationName: 'Counties' });
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const after = await scrape();

    for (const name of [
      'process_cpu_seconds_total',
      'nodejs_heap_size_used_bytes',
      'lahde_http_request_duration_seconds_bucket',
      'lahde_graphql_operations_total',
      'lahde_db_pool_connections',
      'lahde_queue_jobs',
    ]) {
      expect(after).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
    }
    const okCount = { operation: 'Counties', type: 'query', outcome: 'ok' };
    const refusedCount = { operation: 'Counties', type: 'query', outcome: 'UNAUTHENTICATED' };
    expect(sample(after, 'lahde_graphql_operations_total', okCount) - sample(before, 'lahde_graphql_operations_total', okCount)).toBe(1);
    expect(sample(after, 'lahde_graphql_operations_total', refusedCount) - sample(before, 'lahde_graphql_operations_total', refusedCount)).toBe(1);
    const graphqlRequests = { method: 'POST', route: '/graphql', status: '200' };
    expect(sample(after, 'lahde_http_request_duration_seconds_count', graphqlRequests) - sample(before, 'lahde_http_request_duration_seconds_count', graphqlRequests)).toBe(2);
    expect(after).toMatch(/^lahde_queue_jobs\{.*queue="reporting",state="waiting".*\} \d+$/m);
    expect(sample(after, 'lahde_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
  });

  it('labels unknown paths as one route, so clients cannot grow the metrics', async () => {
    await api.http.get('/no/such/path/12345');
    await api.http.get('/another/unknown');
    const text = await scrape();
    expect(text).not.toMatch(/no\/such|another\/unknown/);
    expect(sample(text, 'lahde_http_request_duration_seconds_count', { method: 'GET', route: 'other', status: '404' })).toBeGreaterThanOrEqual(2);
  });
});
