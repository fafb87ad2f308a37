import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSchema, Kind, parse, print, validate } from 'graphql';
import { Role } from '@lahde/platform/auth';
import { RunningRedis, startLocalRedis } from '@lahde/platform/runtime';
import { countyId, inTenant, ownerClient } from '@lahde/testing';
import { costErrors, GRAPHQL_LIMITS, graphQLLimits } from '../../apps/api/src/limits/graphql-limits';
import { GqlResult, TestApi } from '../support/test-api';

const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '10' };
const nested = (levels: number) => `{ cascade(depth: 3) { ${'children { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
const only = (result: GqlResult<unknown>) => (result.errors ?? []).map((e) => ({ code: e.extensions.code, message: e.message }));

/** What an abusive or malformed request gets: a 4xx with a code and a message, never a 500 or a stack. */
describe('API limits', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  describe('GraphQL document limits', () => {
    it(`serves the deepest legitimate query and refuses one nested deeper than ${GRAPHQL_LIMITS.maxDepth} levels`, async () => {
      // cascade + children×6 + id: 8 levels.
      const fine = await api.gql(nested(GRAPHQL_LIMITS.maxDepth - 2), {}, { role: Role.NATIONAL_ANALYST });
      expect(fine.errors).toBeUndefined();
      const deep = await api.gql(nested(GRAPHQL_LIMITS.maxDepth - 1), {}, { role: Role.NATIONAL_ANALYST });
      expect(deep.status).toBe(400);
      expect(only(deep)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: `Query depth limit of ${GRAPHQL_LIMITS.maxDepth} exceeded, found ${GRAPHQL_LIMITS.maxDepth + 1}.` }]);
    });

    it(`refuses more than ${GRAPHQL_LIMITS.maxAliases} aliases`, async () => {
      const aliases = Array.from({ length: GRAPHQL_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: me { id }`).join(' ');
      const result = await api.gql(`{ ${aliases} }`, {}, COORDINATOR);
      expect(result.status).toBe(400);
      expect(only(result)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: `Aliases limit of ${GRAPHQL_LIMITS.maxAliases} exceeded, found ${GRAPHQL_LIMITS.maxAliases + 1}.` }]);
    });

    it(`serves a full page of 200 people and refuses three in one query (cost over ${GRAPHQL_LIMITS.maxCost})`, async () => {
      const page = 'people(first: 200) { totalCount nodes { id firstName lastName email phone jobTitle birthYear gender missingFields unit { id name } } }';
      const one = await api.gql(`{ ${page} }`, {}, COORDINATOR);
      expect(one.errors).toBeUndefined();
      const result = await api.gql(`{ a: ${page} b: ${page} c: ${page} }`, {}, COORDINATOR);
      expect(result.status).toBe(400);
      expect(only(result)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(new RegExp(`^Query Cost limit of ${GRAPHQL_LIMITS.maxCost} exceeded, found \\d+`)) }]);
    });

    it('counts page sizes given as variables or left to their default, not only literal ones', async () => {
      const fields = 'totalCount nodes { id firstName lastName email phone jobTitle birthYear gender missingFields unit { id name } }';
      const byVariable = `query($n: Int!) { a: people(first: $n) { ${fields} } b: people(first: $n) { ${fields} } c: people(first: $n) { ${fields} } }`;
      const small = await api.gql(byVariable, { n: 10 }, COORDINATOR);
      expect(small.errors).toBeUndefined();
      const large = await api.gql(byVariable, { n: 200 }, COORDINATOR);
      expect(large.status).toBe(400);
      expect(only(large)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/^Query Cost limit of 20000 exceeded, found \d+/) }]);
      // Twelve lists at their default page of 50 cost as much as three of 200.
      const byDefault = await api.gql(`{ ${Array.from({ length: 12 }, (_, i) => `p${i}: people { ${fields} }`).join(' ')} }`, {}, COORDINATOR);
      expect(only(byDefault)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: expect.stringMatching(/^Query Cost limit of 20000 exceeded/) }]);
    });

    it(`refuses more than ${GRAPHQL_LIMITS.maxDirectives} directives`, async () => {
      const fields = ['id', 'subject', 'issuer', 'name', 'role', 'countyCode'].map((f) => `${f} @include(if: true)`).join(' ');
      const result = await api.gql(`{ me { ${fields} county { code @skip(if: false) nameFi @skip(if: false) nameSv @skip(if: false) nameEn @skip(if: false) id @skip(if: false) } } }`, {}, COORDINATOR);
      expect(result.status).toBe(400);
      expect(only(result)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: `Directives limit of ${GRAPHQL_LIMITS.maxDirectives} exceeded, found 11.` }]);
    });

    it(`refuses a document of more than ${GRAPHQL_LIMITS.maxTokens} tokens before parsing it whole`, async () => {
      const result = await api.gql(`{ me { ${'id '.repeat(GRAPHQL_LIMITS.maxTokens)} } }`, {}, COORDINATOR);
      expect(result.status).toBe(400);
      expect(only(result)).toEqual([{ code: 'QUERY_TOO_COMPLEX', message: `Token limit of ${GRAPHQL_LIMITS.maxTokens} exceeded: send a shorter query.` }]);
    });

    it('lets every query of the API guide, the docs and the test suites through the limits', () => {
      const schema = buildSchema(readFileSync('apps/api/schema.graphql', 'utf8'));
      const { validationRules } = graphQLLimits(false);
      const documents = graphQLDocuments(['docs', 'tests']);
      expect(documents.length).toBeGreaterThan(100);
      const refused = documents.flatMap(({ file, source }) => {
        const document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
        // Page sizes given as variables count at the largest page the tests ask for.
        const variables = Object.fromEntries(['first', 'last'].map((name) => [name, 200]));
        const errors = [...validate(schema, document, validationRules), ...costErrors(schema, document, variables)];
        return errors.filter((e) => e.extensions?.['code'] === 'QUERY_TOO_COMPLEX').map((e) => `${file}: ${e.message}`);
      });
      expect(refused).toEqual([]);
    });
  });

  describe('pagination caps', () => {
    it('caps the page of every paginated list in the schema at 200', async () => {
      const schema = buildSchema(readFileSync('apps/api/schema.graphql', 'utf8'));
      const paged = Object.values(schema.getQueryType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'first'));
      expect(paged.length).toBeGreaterThanOrEqual(7);
      for (const field of paged) {
        const result = await api.gql(`{ ${field.name}(first: 201) { totalCount } }`, {}, { role: Role.COUNTY_ADMIN, county: '10' });
        expect([field.name, result.errors?.map((e) => [e.extensions.code, e.extensions.fields?.map((f) => f.field)])]).toEqual([field.name, [['BAD_USER_INPUT', ['first']]]]);
      }
    });

    it('refuses a page larger than 200 and an audit log longer than 1000, naming the argument', async () => {
      const people = await api.gql('{ people(first: 201) { totalCount } }', {}, COORDINATOR);
      expect(people.errors?.map((e) => [e.extensions.code, e.extensions.fields?.map((f) => f.field)])).toEqual([['BAD_USER_INPUT', ['first']]]);
      // However large, as a literal or a variable: the list names the argument, the cost check stays out of it.
      for (const [query, variables] of [
        ['query($n: Int!) { people(first: $n) { totalCount nodes { id firstName lastName email } } }', { n: 100000 }],
        ['{ a: people(first: 100000) { totalCount } b: people(first: 100000) { totalCount } }', {}],
      ] as const) {
        const huge = await api.gql(query, variables, COORDINATOR);
        expect(huge.errors?.map((e) => [e.extensions.code, e.extensions.fields?.map((f) => f.field)])[0]).toEqual(['BAD_USER_INPUT', ['first']]);
      }
      const audit = await api.gql('{ auditLog(last: 1001) { at } }', {}, { role: Role.COUNTY_ADMIN, county: '10' });
      expect(audit.errors?.map((e) => [e.extensions.code, e.extensions.fields?.map((f) => f.field)])).toEqual([['BAD_USER_INPUT', ['last']]]);
    });
  });

  describe('HTTP transport', () => {
    it('refuses batched operations', async () => {
      const token = await api.token(Role.COUNTY_COORDINATOR, '10');
      const res = await api.http.post('/graphql').set('authorization', `Bearer ${token}`).send([{ query: '{ me { id } }' }, { query: '{ me { role } }' }]);
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/batching/i);
      expect(res.text).not.toMatch(/at \w+ \(/);
    });

    it('refuses a simple (CORS-safelisted) request without a preflight header as possible CSRF', async () => {
      const token = await api.token(Role.COUNTY_COORDINATOR, '10');
      const res = await api.http.post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'text/plain').send(JSON.stringify({ query: '{ me { id } }' }));
      expect(res.status).toBe(400);
      expect(res.text).toMatch(/Cross-Site Request Forgery/);
      const get = await api.http.get('/graphql').query({ query: '{ me { id } }' }).set('authorization', `Bearer ${token}`);
      expect(get.status).toBe(400);
      const preflighted = await api.http.get('/graphql').query({ query: '{ me { role } }' }).set('authorization', `Bearer ${token}`).set('apollo-require-preflight', 'true');
      expect(preflighted.body).toEqual({ data: { me: { role: 'COUNTY_COORDINATOR' } } });
    });

    it('answers a body over 1 MB with 413 and a JSON error, not a stack', async () => {
      const res = await api.http.post('/graphql').set('content-type', 'application/json').send(JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }));
      expect(res.status).toBe(413);
      expect(res.body).toEqual({ errors: [{ message: 'Request body is larger than 1mb', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });

    it('answers a body that is not JSON with 400 and a JSON error', async () => {
      const res = await api.http.post('/graphql').set('content-type', 'application/json').send('{"query": "{ me { id } }"');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_USER_INPUT' } }] });
    });
  });
});

describe('rate limits', () => {
  const PER_USER = 3;
  const PER_IP = 6;
  const RATE_LIMITED = { errors: [{ message: expect.stringMatching(/^Too many requests: try again in \d+ s$/), extensions: { code: 'RATE_LIMITED' } }] };
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({
      env: {
        RATE_LIMIT_PER_USER: String(PER_USER),
        RATE_LIMIT_PER_IP: String(PER_IP),
        RATE_LIMIT_WINDOW_SECONDS: '2',
        TRUST_PROXY: 'loopback',
        // Counts of this suite apart from any other run sharing the Redis.
        QUEUE_PREFIX: `limits-${process.pid}-${Date.now() % 1e6}`,
      },
    });
  });
  afterAll(() => api.close());

  const ask = (address: string, token?: string) => {
    const req = api.http.post('/graphql').set('content-type', 'application/json').set('x-forwarded-for', address);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query: '{ me { subject } }' });
  };

  it('refuses a user past the limit with 429, Retry-After and a GraphQL-shaped error, other users and probes unaffected, then serves again', async () => {
    const [alice, bob] = await Promise.all([api.issuer.token(Role.TRAINER, '10', { subject: 'alice' }), api.issuer.token(Role.TRAINER, '10', { subject: 'bob' })]);
    // Two addresses per user: the per-user limit follows the token, not the address.
    for (let i = 0; i < PER_USER; i++) expect((await ask(`198.51.100.${i % 2}`, alice)).body).toEqual({ data: { me: { subject: 'alice' } } });
    const refused = await ask('198.51.100.9', alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(2);
    expect(refused.body).toEqual(RATE_LIMITED);

    expect((await ask('198.51.100.9', bob)).body).toEqual({ data: { me: { subject: 'bob' } } });
    for (let i = 0; i < 5; i++) expect((await api.http.get('/health/live').set('authorization', `Bearer ${alice}`)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers['retry-after']) * 1000 + 100));
    expect((await ask('198.51.100.9', alice)).body).toEqual({ data: { me: { subject: 'alice' } } });
  });

  it('refuses an address past its limit before reading the token, and tells addresses apart behind the trusted proxy', async () => {
    for (let i = 0; i < PER_IP; i++) expect((await ask('203.0.113.7')).status).toBe(200); // UNAUTHENTICATED, but served
    const refused = await ask('203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^[12]$/);
    expect(refused.body).toEqual(RATE_LIMITED);
    expect((await ask('203.0.113.8')).status).toBe(200);
    expect((await api.http.get('/health').set('x-forwarded-for', '203.0.113.7')).status).toBe(200);
  });

  it('counts refusals in the metrics', async () => {
    const metrics = (await api.http.get('/metrics')).text;
    expect(metrics).toMatch(/^lahde_rate_limited_total\{(?=[^}]*limit="user")[^}]*\} 1$/m);
    expect(metrics).toMatch(/^lahde_rate_limited_total\{(?=[^}]*limit="ip")[^}]*\} 1$/m);
  });
});

describe('rate limits while Redis is down', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lahde-limits-redis-'));
  const logLines: string[] = [];
  let redis: RunningRedis;
  let api: TestApi;

  beforeAll(async () => {
    redis = await startLocalRedis(dir); // this suite's own Redis: stopping it disturbs no other suite
    api = await TestApi.start({
      env: { REDIS_URL: redis.url, RATE_LIMIT_PER_USER: '3', RATE_LIMIT_PER_IP: '0' },
      app: { logDestination: { write: (line: string) => void logLines.push(line) } },
    });
  });
  afterAll(async () => {
    await api.close();
    await redis.stop();
  });

  it('keeps serving and counts in memory while Redis is away, warns once, and counts in Redis again when it is back', async () => {
    const token = await api.token(Role.TRAINER, '10');
    const status = async () => (await api.http.post('/graphql').set('authorization', `Bearer ${token}`).send({ query: '{ me { role } }' })).status;
    expect(await status()).toBe(200); // counted in Redis

    const port = Number(new URL(redis.url).port);
    await redis.stop();
    const whileDown = [];
    for (let i = 0; i < 4; i++) whileDown.push(await status());
    expect(whileDown).toEqual([200, 200, 200, 429]); // a fresh count in this process's memory
    const warnings = () => logLines.map((line) => JSON.parse(line)).filter((entry) => entry.context === 'RateLimits' && entry.level === 'warn');
    for (let i = 0; i < 50 && warnings().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings()).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Redis connection lost/) })]);

    redis = await startLocalRedis(dir, process.env, port);
    let served = false;
    for (let i = 0; i < 50 && !served; i++) {
      served = (await status()) === 200; // the new Redis holds no count yet
      if (!served) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(served).toBe(true);
  });
});

describe('errors in production configuration', () => {
  const logLines: string[] = [];
  let prod: TestApi;
  let dev: TestApi;

  beforeAll(async () => {
    // A short statement timeout on the API's own connections, so that a lock wait ends in a driver error quickly.
    const databaseUrl = `${process.env['DATABASE_URL']}?options=${encodeURIComponent('-c statement_timeout=500')}`;
    dev = await TestApi.start();
    // Started last: Nest's static Logger and passport's strategy registry belong to the latest app in a process.
    prod = await TestApi.start({ production: true, env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }, app: { logDestination: { write: (line: string) => void logLines.push(line) } } });
  });
  afterAll(async () => {
    await prod.close();
    await dev.close();
  });

  it('does not suggest field, argument or enum names (development does)', async () => {
    const queries = ['{ me { nme } }', '{ people(frist: 5) { totalCount } }', '{ people(sector: SOCIAL_HEALTH_CARE) { totalCount } }'];
    for (const query of queries) {
      const [inProduction, inDevelopment] = await Promise.all([prod.gql(query, {}, COORDINATOR), dev.gql(query, {}, COORDINATOR)]);
      expect(inProduction.status).toBe(400);
      expect(inProduction.errors!.map((e) => e.message).join()).not.toMatch(/Did you mean/);
      expect(inDevelopment.errors!.map((e) => e.message).join()).toMatch(/Did you mean/);
    }
  });

  it('refuses introspection', async () => {
    const result = await prod.gql('{ __schema { types { name } } }', {}, COORDINATOR);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors?.[0].message).toMatch(/introspection/i);
  });

  it('answers a statement timeout with a code and a message only, and logs the cause under the request id', async () => {
    const created = await prod.gql<{ createOrganisation: { id: string } }>(
      'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }',
      { input: { type: 'NGO', name: `Lukittu ${Date.now()}` } },
      COORDINATOR,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganisation.id;
    const owner = await ownerClient();
    try {
      const tenantId = await countyId(owner, '10');
      await inTenant(owner, tenantId, async () => {
        await owner.query('SELECT id FROM organisations WHERE id = $1 FOR UPDATE', [id]);
        const token = await prod.token(Role.COUNTY_COORDINATOR, '10');
        const res = await prod.http
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .set('x-request-id', 'timeout-test-1')
          .send({ query: 'mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id } }', variables: { input: { id, version: 1, name: 'Blocked' } } });
        expect(res.headers['x-request-id']).toBe('timeout-test-1');
        expect(res.body.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: ['updateOrganisation'], locations: [{ line: 1, column: 46 }] }]);
        expect(JSON.stringify(res.body)).not.toMatch(/statement|timeout|organisations|SELECT |UPDATE |FOR UPDATE|57014|at \w+ \(/);
      });
    } finally {
      await owner.end();
    }
    const logged = logLines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'error' && /statement timeout/.test(entry.message ?? entry.err?.message));
    expect(logged).toMatchObject({ requestId: 'timeout-test-1', service: 'api' });
    // The driver error's statement parameters (here the organisation's id) stay out of the log.
    expect(logLines.filter((line) => line.includes('timeout-test-1')).join('\n')).not.toMatch(new RegExp(`"parameters"|${id}`));
  });
});

/** Every GraphQL operation written in the docs' ```graphql blocks and in the test sources' string literals. */
function graphQLDocuments(roots: string[]): Array<{ file: string; source: string }> {
  const files = roots.flatMap(function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.(ts|md)$/.test(name) ? [full] : [];
    });
  });
  const literal = /```graphql\n([\s\S]*?)```|`([^`]*)`|'((?:query|mutation|\{)[^'\n]*)'/g;
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [...text.matchAll(literal)].flatMap((m) => {
      const source = (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, '1');
      if (!/^\s*(query|mutation|\{)/.test(source)) return [];
      try {
        const document = parse(source);
        const fragments = document.definitions.filter((d) => d.kind === 'FragmentDefinition');
        // A docs block may hold several anonymous operations; each is checked on its own.
        return document.definitions.filter((d) => d.kind === 'OperationDefinition').map((op) => ({ file, source: print({ kind: Kind.DOCUMENT, definitions: [op, ...fragments] }) }));
      } catch {
        return []; // not GraphQL (or built from pieces)
      }
    });
  });
}
