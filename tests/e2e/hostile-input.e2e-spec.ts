import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { Client } from 'pg';
import { Role } from '@lahde/platform/auth';
import { ErrorCode } from '@lahde/platform/errors';
import { countyId, ownerClient } from '@lahde/testing';
import { TestApi } from '../support/test-api';

/**
 * Hostile and malformed input to every mutation of the schema, generated from the schema itself: each
 * argument leaf in turn gets wrong types, huge strings, control characters and NUL bytes, impossible
 * dates, negative and out-of-range numbers, unknown enum values, other counties' ids and forged tenant
 * fields. Every answer must be a clear error with a known code (never a 500, never SQL or a stack), and
 * a rejected call must leave every row of the county exactly as it was (content hash per table).
 */

const HOME = '14';
const FOREIGN = '07';
const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: HOME };
const NONE = '00000000-0000-4000-8000-000000000000';
/** Every code the API means to answer with (libs/platform/errors), but never an internal error, plus graphql-js's own request codes. */
const KNOWN_CODES = [...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR), 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'];
/** What must never reach a client: stack frames, SQL, driver and ORM words. Table and constraint names are added from the catalog. */
const LEAKS = [/\bat \S+ \(/, /\.ts:\d+/, /node_modules/, /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/, /violates/i, /\bconstraint\b/i, /QueryFailedError|TypeORMError/, /syntax error at/i, /invalid byte sequence/i, /\bpg_/];

const HUGE = 'x'.repeat(900_000); // under the 1 MB body limit
const LONG = 'x'.repeat(10_000);
const STRINGS: unknown[] = ['', '   ', LONG, '\u0000', 'a\u0000b', 'a\u0001\u0008\u001b[2J\u007fb', '\ud800', "'; DROP TABLE people; --", '2026-02-30', 'yesterday', '99999-01-01', 42, true, {}, [], null];
const IDS: unknown[] = ['not-a-uuid', '', '00000000-0000-0000-0000-000000000000', LONG, 'a\u0000b', "' OR 1=1 --", 42, {}, null];
const INTS: unknown[] = [-1, 0, -2147483648, 2147483647, 2147483648, 1.5, 'NaN', '1', 'Infinity', 1e308, true, null];
const FLOATS: unknown[] = [-1, 0, 1e308, -1e308, 'NaN', 'Infinity', '1', null];
const BOOLEANS: unknown[] = ['true', 1, 'yes', null, {}];
/** Fields that carry a whole file, so a long string is valid: bounded by the body limit and the import's own checks. */
const BULK_FIELDS = ['contentBase64'];

interface Leaf {
  path: Array<string | number>;
  type: GraphQLInputType;
}

interface Fixture {
  county: string;
  foreignCounty: string;
  org: string;
  unit: string;
  trainer: string;
  enrolled: string;
  tier2: { id: string; session: string; task: string };
  tier3: string;
  course: string;
  session: string;
  addressing: string;
  membership: string;
  event: string;
  round: { id: string; year: number };
  foreign: { org: string; person: string };
}

describe('hostile input to every mutation', () => {
  let api: TestApi;
  let owner: Client;
  let schema: GraphQLSchema;
  let fx: Fixture;
  let leakNames: string[];
  let counter = 0;
  /** Set when something may have written to the county since the last snapshot (a base that creates records, an accepted call). */
  let dirty = true;
  const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) => api.gql<T>(query, variables, COORDINATOR);
  const create = async (query: string, input: Record<string, unknown>, auth: { role: Role; county: string } = COORDINATOR): Promise<string> => {
    const result = await api.gql<Record<string, { id: string }>>(query, { input }, auth);
    expect(result.errors).toBeUndefined();
    return Object.values(result.data!)[0].id;
  };
  const CREATE_ORG = 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }';
  const CREATE_PERSON = 'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }';
  const person = (auth = COORDINATOR) => ((dirty = true), create(CREATE_PERSON, { firstName: 'Hostile', lastName: `Test ${unique()}`, email: `p${unique()}@hostile.test` }, auth));

  /** The current version of a record, read as the owner inside the county (FORCE RLS applies to the owner too). */
  const version = async (table: string, id: string): Promise<number> => (await inCounty(fx.county, (db) => db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))).rows[0].version;
  const inCounty = async <T>(tenant: string, work: (db: Client) => Promise<T>, end: 'ROLLBACK' | 'COMMIT' = 'ROLLBACK'): Promise<T> => {
    await owner.query('BEGIN');
    try {
      await owner.query("SELECT set_config('app.tenant_id', $1, true)", [tenant]);
      const result = await work(owner);
      await owner.query(end);
      return result;
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  };

  /** Every county table's row count and content hash: any insert, update or delete shows. Tables come from the catalog. */
  let snapshotSql: string;
  const snapshot = (tenant: string) => inCounty(tenant, async (db) => Object.fromEntries((await db.query(snapshotSql)).rows.map((r) => [r.t, `${r.n}:${r.h}`])));
  const foreignRows = () =>
    inCounty(fx.foreignCounty, async (db) => (await db.query('SELECT (SELECT o::text FROM organisations o WHERE id = $1) || (SELECT p::text FROM people p WHERE id = $2) AS rows', [fx.foreign.org, fx.foreign.person])).rows[0].rows);

  /** Valid arguments of each mutation, fresh per call (unique names, current versions), so that one hostile leaf is the only fault. */
  const BASES: Record<string, () => Promise<Record<string, unknown>>> = {
    createOrganisation: async () => ({ input: { type: 'NGO', name: `Järjestö ${unique()}`, municipalityCode: null } }),
    updateOrganisation: async () => ({ input: { id: fx.org, version: await version('organisations', fx.org), name: `Org ${unique()}` } }),
    createUnit: async () => ({ input: { organisationId: fx.org, name: `Yksikkö ${unique()}`, sector: 'OTHER' } }),
    updateUnit: async () => ({ input: { id: fx.unit, version: await version('units', fx.unit), name: `Unit ${unique()}`, sector: 'PARISH' } }),
    createPerson: async () => ({ input: { firstName: 'Anna', lastName: 'Avain', email: `a${unique()}@hostile.test`, birthYear: 1980, gender: 'WOMAN', educationLevel: 'ISCED_5_8', unitId: fx.unit } }),
    updatePerson: async () => ({ input: { id: fx.enrolled, version: await version('people', fx.enrolled), jobTitle: 'Sosiaalityöntekijä', birthYear: 1981 } }),
    createProgramme: async () => ({ input: { tier: 2, nameFi: `Ohjelma ${unique()}`, minSessions: 1, modules: [{ kind: 'SESSION', themeFi: 'Teema', hours: 4, required: true }] } }),
    createCourse: async () => ({ input: { programmeId: fx.tier2.id, name: `Kurssi ${unique()}`, trainerIds: [fx.trainer], unitId: fx.unit, place: 'Joensuu' } }),
    addCourseSession: async () => ({ input: { courseId: fx.course, moduleId: fx.tier2.session, date: '2026-03-02', startsAt: '12:00', endsAt: '16:00', place: 'Joensuu', trainerIds: [fx.trainer] } }),
    enrol: async () => ({ input: { courseId: fx.course, personIds: [await person()] } }),
    dropEnrolment: async () => ({ input: { courseId: fx.course, personId: fx.enrolled, droppedOn: '2026-03-03' } }),
    recordAttendance: async () => ({ input: { sessionId: fx.session, personIds: [fx.enrolled], present: true } }),
    recordTask: async () => ({ input: { courseId: fx.course, personId: fx.enrolled, moduleId: fx.tier2.task, submittedOn: '2026-03-10', acceptedOn: '2026-03-12' } }),
    setAddressingHeadcounts: async () => ({ input: { courseId: fx.addressing, headcounts: [{ sector: 'OTHER', participants: 12 }] } }),
    completeCourse: async () => ({ input: { courseId: fx.course, completedOn: '2026-03-20' } }),
    changeMembershipStatus: async () => ({ input: { membershipId: fx.membership, version: await version('memberships', fx.membership), status: 'ON_LEAVE', effectiveOn: '2026-01-15', reason: 'Vanhempainvapaa' } }),
    openReviewRound: async () => ({ year: 2050 }),
    decideReviewItem: async () => ({ input: { roundId: fx.round.id, membershipId: fx.membership, outcome: 'CONFIRMED', note: 'Jatkaa' } }),
    closeReviewRound: async () => ({ year: fx.round.year, force: true }),
    logActivity: async () => ({ input: { kind: 'CONSULTATION', occurredOn: '2026-01-10', count: 2, note: 'Konsultaatio', personId: fx.enrolled } }),
    updateActivity: async () => {
      const id = await activity();
      return { input: { id, version: 1, count: 3, note: 'Muutettu' } };
    },
    deleteActivity: async () => ({ input: { id: await activity(), version: 1 } }),
    createNetworkEvent: async () => ({ input: { heldOn: '2026-01-09', theme: `Teema ${unique()}`, attendanceCount: 10 } }),
    updateNetworkEvent: async () => ({ input: { id: fx.event, version: await version('network_events', fx.event), attendanceCount: 11 } }),
    requestEsfExport: async () => ({ input: { kind: 'PARTICIPANTS', format: 'CSV', period: { from: '2025-01-01', to: '2025-12-31' } } }),
  };
  const activity = async () =>
    ((dirty = true),
    await gql<{ logActivity: { id: string } }>('mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }', { input: { kind: 'INFO_SESSION', occurredOn: '2026-01-11', personId: fx.enrolled } })).data!.logActivity.id;

  beforeAll(async () => {
    api = await TestApi.start({ env: { QUEUE_PREFIX: 'hostile-e2e' } }); // no worker consumes these jobs: nothing changes rows behind the test's back
    owner = await ownerClient();
    schema = api.app.get(GraphQLSchemaHost).schema;
    const tables = (
      await owner.query(`SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) ORDER BY 1`)
    ).rows.map((r) => r.relname as string);
    snapshotSql = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`).join(' UNION ALL ');
    const constraints = (await owner.query("SELECT DISTINCT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN ('public', 'metrics')")).rows.map((r) => r.conname);
    leakNames = [...tables.filter((t) => t.includes('_')), ...constraints];

    const county = await countyId(owner, HOME);
    const foreignCounty = await countyId(owner, FOREIGN);
    const programmes = (await gql<{ programmes: Array<{ id: string; tier: number; modules: Array<{ id: string; kind: string }> }> }>('{ programmes { id tier modules { id kind } } }')).data!.programmes;
    const tier2 = programmes.find((p) => p.tier === 2)!;
    const org = await create(CREATE_ORG, { type: 'COUNTY', name: 'Pohjois-Karjalan hyvinvointialue' });
    const unit = await create('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { organisationId: org, name: 'Joensuun perhekeskus', sector: 'SOCIAL_AND_HEALTH_CARE' });
    const trainer = await person();
    const enrolled = await person();
    const course = await create('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', { programmeId: tier2.id, name: 'Avainhenkilökoulutus Joensuu', trainerIds: [trainer] });
    const addressing = await create('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      programmeId: programmes.find((p) => p.tier === 3)!.id,
      name: 'Puheeksiotto',
      trainerIds: [trainer],
    });
    const session = (
      await gql<{ addCourseSession: { sessions: Array<{ id: string }> } }>('mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id } } }', {
        input: { courseId: course, moduleId: tier2.modules.find((m) => m.kind === 'SESSION')!.id, date: '2026-03-02', startsAt: '12:00', endsAt: '16:00' },
      })
    ).data!.addCourseSession.sessions[0].id;
    expect((await gql('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId: course, personIds: [enrolled] } })).errors).toBeUndefined();
    // Memberships come from certification; seeded here the way network.e2e-spec.ts does, as the county.
    const membership = await inCounty(county, async (db) => {
      const { rows } = await db.query("INSERT INTO memberships (person_id, status, since) VALUES ($1, 'ACTIVE', '2025-05-27') RETURNING id", [enrolled]);
      await db.query("INSERT INTO membership_events (membership_id, status, effective_on, reason) VALUES ($1, 'ACTIVE', '2025-05-27', 'Certified as a key worker')", [rows[0].id]);
      return rows[0].id as string;
    }, 'COMMIT');
    const event = await create('mutation($input: CreateNetworkEventInput!) { createNetworkEvent(input: $input) { id } }', { heldOn: '2026-01-09', theme: 'Avoin perjantai' });
    const round = (await gql<{ openReviewRound: { id: string } }>('mutation { openReviewRound(year: 2040) { id } }')).data!.openReviewRound.id;
    const foreignAuth = { role: Role.COUNTY_COORDINATOR, county: FOREIGN };
    fx = {
      county,
      foreignCounty,
      org,
      unit,
      trainer,
      enrolled,
      tier2: { id: tier2.id, session: tier2.modules.find((m) => m.kind === 'SESSION')!.id, task: tier2.modules.find((m) => m.kind === 'FINAL_TASK')!.id },
      tier3: programmes.find((p) => p.tier === 3)!.id,
      course,
      session,
      addressing,
      membership,
      event,
      round: { id: round, year: 2040 },
      foreign: { org: await create(CREATE_ORG, { type: 'NGO', name: `Vieras ${unique()}` }, foreignAuth), person: await person(foreignAuth) },
    };
  });
  afterAll(async () => {
    await owner.end();
    await api.close();
  });

  /** The mutation as a document with one variable per argument, selecting `id` where the result has one. */
  const document = (field: GraphQLField<unknown, unknown>) => {
    const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
    const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = isObjectType(named) ? `{ __typename${'id' in named.getFields() ? ' id' : ''} }` : '';
    return `mutation${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
  };

  /** Every place a value can go: each argument, each field of its input objects (set or not), each list and its first element. */
  const leaves = (type: GraphQLInputType, path: Array<string | number>): Leaf[] => {
    const inner = getNullableType(type) as GraphQLInputType;
    const own: Leaf = { path, type };
    if (isListType(inner)) return [own, ...leaves(inner.ofType, [...path, 0])];
    if (isInputObjectType(inner)) return [own, ...Object.values(inner.getFields()).flatMap((f) => leaves(f.type, [...path, f.name]))];
    return [own];
  };

  /** Hostile values for a place, by its type. */
  const hostile = (leaf: Leaf, base: unknown): unknown[] => {
    const inner = getNullableType(leaf.type);
    const name = String(leaf.path[leaf.path.length - 1]);
    const forgedTenant = /county|tenant/i.test(name) ? [FOREIGN, fx.foreignCounty, '00', '99'] : [];
    if (isListType(inner)) {
      const first = Array.isArray(base) && base.length ? base[0] : null;
      return [[], [null], first === null ? 'x' : [first, first], first === null ? [] : Array.from({ length: 10_000 }, () => first), {}];
    }
    if (isInputObjectType(inner)) {
      const fields = base && typeof base === 'object' && !Array.isArray(base) ? base : {};
      return [
        null,
        'x',
        [],
        { ...fields, tenantId: fx.foreignCounty },
        { ...fields, countyCode: FOREIGN },
        { ...fields, county: FOREIGN },
      ];
    }
    if (isEnumType(inner)) {
      const first = inner.getValues()[0].value as string;
      return ['NOT_A_VALUE', first.toLowerCase(), '', 0, null, {}];
    }
    if (isScalarType(inner)) {
      switch (inner.name) {
        case 'ID':
          return [...IDS, fx.foreign.org, fx.foreign.person, fx.foreignCounty];
        case 'Int':
          return INTS;
        case 'Float':
          return FLOATS;
        case 'Boolean':
          return BOOLEANS;
        default:
          return [...STRINGS, ...forgedTenant];
      }
    }
    return [null];
  };

  /** A plausible value for a type, for mutations without a hand-written base (added later): they are still attacked, if shallowly. */
  const synthesise = (type: GraphQLInputType): unknown => {
    if (!isNonNullType(type)) return undefined;
    const inner = type.ofType;
    if (isListType(inner)) return [];
    if (isInputObjectType(inner)) return Object.fromEntries(Object.values(inner.getFields()).map((f) => [f.name, synthesise(f.type)]).filter(([, v]) => v !== undefined));
    if (isEnumType(inner)) return inner.getValues()[0].value;
    return ({ ID: NONE, Int: 1, Float: 1, Boolean: false } as Record<string, unknown>)[inner.name] ?? 'x';
  };
  const baseOf = async (field: GraphQLField<unknown, unknown>) =>
    BASES[field.name] ? BASES[field.name]() : Object.fromEntries(field.args.map((a: GraphQLArgument) => [a.name, synthesise(a.type)]));

  const setAt = (value: Record<string, unknown>, path: Array<string | number>, replacement: unknown) => {
    const copy = structuredClone(value);
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      if (node[key] === undefined || node[key] === null) node[key] = typeof key === 'number' ? {} : {};
      if (Array.isArray(node[key]) && (node[key] as unknown[]).length === 0) (node[key] as unknown[]).push({});
      node = node[key] as Record<string | number, unknown>;
    }
    node[path[path.length - 1]] = replacement;
    return copy;
  };
  const getAt = (value: Record<string, unknown>, path: Array<string | number>) =>
    path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), value);

  const describeValue = (v: unknown) => {
    const s = typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 12)}…(${v.length})` : v) : JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  };

  /** Problems with one answer; empty when it is a clean answer. */
  const problems = (res: { status: number; body: Record<string, unknown> }): string[] => {
    const found: string[] = [];
    if (res.status >= 500) found.push(`HTTP ${res.status}`);
    const errors = (res.body['errors'] ?? []) as Array<{ message: string; extensions?: Record<string, unknown> }>;
    for (const e of errors) {
      const code = e.extensions?.['code'];
      if (!KNOWN_CODES.includes(String(code) as ErrorCode)) found.push(`code ${String(code)}: ${e.message}`);
      const text = JSON.stringify(e);
      for (const leak of [...LEAKS, ...leakNames.map((n) => new RegExp(`\\b${n}\\b`))]) if (leak.test(text)) found.push(`leak ${leak}: ${e.message.slice(0, 200)}`);
      if (e.extensions && Object.keys(e.extensions).some((k) => !['code', 'fields'].includes(k))) found.push(`extensions ${Object.keys(e.extensions).join(',')}`);
    }
    return found;
  };

  /** Values no field may accept, whatever its rules: over any length limit, control characters and broken Unicode, and an impossible date where a date belongs. */
  const mustRefuse = (value: unknown, base: unknown, field: string) =>
    ((value === LONG || value === HUGE) && !BULK_FIELDS.includes(field)) ||
    (typeof value === 'string' && (value.includes('\u0000') || value.includes('\u001b') || value === '\ud800')) ||
    (typeof base === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(base) && typeof value === 'string' && !isRealDate(value));
  const isRealDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;

  const post = (query: string, variables: Record<string, unknown>, token: string, headers: Record<string, string> = {}) => {
    const req = api.http.post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`);
    for (const [k, v] of Object.entries(headers)) req.set(k, v);
    return req.send({ query, variables });
  };

  it('answers every hostile variant of every mutation with a known error and leaves the county untouched', async () => {
    const token = await api.token(COORDINATOR.role, COORDINATOR.county);
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const report: string[] = [];
    const accepted: string[] = [];
    let sent = 0;
    let before: Record<string, string> = {};
    const started = Date.now();
    const foreignBefore = await foreignRows();
    for (const field of mutations) {
      const query = document(field);
      const places = field.args.flatMap((a) => leaves(a.type, [a.name]));
      let hugeSent = false;
      for (const place of places) {
        const probe = await baseOf(field);
        const values = hostile(place, getAt(probe, place.path));
        if (!hugeSent && isScalarType(getNullableType(place.type)) && getNamedType(place.type).name === 'String') {
          values.push(HUGE); // once per mutation: big payloads are slow and one is enough to show they are refused
          hugeSent = true;
        }
        for (const value of values) {
          const variables = setAt(await baseOf(field), place.path, value);
          if (dirty) [before, dirty] = [await snapshot(fx.county), false];
          const res = await post(query, variables, token);
          sent++;
          const label = `${field.name} ${place.path.join('.')} = ${describeValue(value)}`;
          for (const p of problems(res)) report.push(`${label}: ${p}`);
          if (res.body.errors?.length) {
            const after = await snapshot(fx.county);
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            if (changed.length) report.push(`${label}: rejected (${res.body.errors[0].extensions?.code}) but changed ${changed.join(', ')}`);
            before = after;
          } else {
            accepted.push(label);
            dirty = true;
            if (mustRefuse(value, getAt(probe, place.path), String(place.path[place.path.length - 1]))) report.push(`${label}: accepted`);
          }
        }
      }
    }
    expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(await foreignRows()).toBe(foreignBefore);
    const synthesised = mutations.filter((m) => !BASES[m.name]).map((m) => m.name);
    console.log(
      `hostile input: ${sent} calls to ${mutations.length} mutations in ${Date.now() - started} ms; synthesised bases: ${synthesised.join(', ') || 'none'}; ` +
        `${accepted.length} variants were valid input (e.g. null for optional fields):\n  ${accepted.filter((a) => /\\u00|\\ud8/.test(a)).join('\n  ')}`,
    );
    expect(report).toEqual([]);
  }, 600_000);

  it('answers hostile arguments of every query with a known error, never an internal one', async () => {
    const token = await api.token(COORDINATOR.role, COORDINATOR.county);
    const report: string[] = [];
    let sent = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const named = getNamedType(field.type);
      const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const query = `query${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''} ${isObjectType(named) ? '{ __typename }' : ''} }`;
      const base = Object.fromEntries(field.args.map((a) => [a.name, synthesise(a.type)]));
      for (const place of field.args.flatMap((a) => leaves(a.type, [a.name]))) {
        for (const value of hostile(place, getAt(base, place.path))) {
          const res = await post(query, setAt(base, place.path, value), token);
          sent++;
          for (const p of problems(res)) report.push(`${field.name} ${place.path.join('.')} = ${describeValue(value)}: ${p}`);
        }
      }
    }
    expect(sent).toBeGreaterThan(100);
    expect(report).toEqual([]);
  }, 300_000);

  it('ignores forged tenant headers: the record lands in the caller\'s county, never the forged one', async () => {
    const token = await api.token(COORDINATOR.role, COORDINATOR.county);
    const name = `Otsakeväärennös ${unique()}`;
    const forged = { 'x-tenant-id': fx.foreignCounty, 'x-county': FOREIGN, 'x-county-code': FOREIGN, 'x-forwarded-for': '10.0.0.7', 'app.tenant_id': fx.foreignCounty };
    const res = await post('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', { input: { type: 'NGO', name } }, token, forged);
    expect(res.body.errors).toBeUndefined();
    const id = res.body.data.createOrganisation.id;
    const count = (tenant: string) => inCounty(tenant, async (db) => (await db.query('SELECT count(*)::int AS n FROM organisations WHERE id = $1', [id])).rows[0].n);
    expect([await count(fx.county), await count(fx.foreignCounty)]).toEqual([1, 0]);

    // Without a token, headers alone name no tenant at all.
    const anonymous = await api.http.post('/graphql').set('content-type', 'application/json').set(forged).send({ query: 'mutation { createOrganisation(input: { type: NGO, name: "Anonyymi" }) { id } }' });
    expect(anonymous.status).toBeLessThan(500);
    expect(anonymous.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  describe('duplicate and concurrent submissions', () => {
    /** The same payload `n` times at once: exactly one success, the rest a CONFLICT (or, where documented, the same answer). */
    const atOnce = async (query: string, variables: Record<string, unknown>, n = 3) => {
      dirty = true;
      const results = await Promise.all(Array.from({ length: n }, () => gql(query, variables)));
      for (const r of results) expect(r.status).toBeLessThan(500);
      return results;
    };
    const rows = (sql: string, params: unknown[]) => inCounty(fx.county, async (db) => (await db.query(sql, params)).rows[0].n as number);
    const outcome = (results: Array<{ errors?: Array<{ extensions: { code: string } }> }>) => results.map((r) => r.errors?.[0].extensions.code ?? 'OK').sort();

    it('creates one organisation, one unit and one person from three identical submissions', async () => {
      const orgName = `Rinnakkainen ${unique()}`;
      expect(outcome(await atOnce('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', { input: { type: 'NGO', name: orgName } }))).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      expect(await rows('SELECT count(*)::int AS n FROM organisations WHERE lower(name) = lower($1)', [orgName])).toBe(1);

      const unitName = `Yksikkö ${unique()}`;
      expect(outcome(await atOnce('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { organisationId: fx.org, name: unitName, sector: 'OTHER' } }))).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      expect(await rows('SELECT count(*)::int AS n FROM units WHERE lower(name) = lower($1)', [unitName])).toBe(1);

      const email = `sama${unique()}@hostile.test`;
      expect(outcome(await atOnce(CREATE_PERSON, { input: { firstName: 'Sama', lastName: 'Henkilö', email } }))).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      expect(await rows('SELECT count(*)::int AS n FROM people WHERE lower(email) = lower($1)', [email])).toBe(1);
      // Once more, later and in other letter case: still the same person.
      expect((await gql(CREATE_PERSON, { input: { firstName: 'Sama', lastName: 'Henkilö', email: email.toUpperCase() } })).errors?.[0].extensions.code).toBe('CONFLICT');
    });

    it('opens one review round for a year however many coordinators press the button', async () => {
      expect(outcome(await atOnce('mutation { openReviewRound(year: 2045) { id } }', {}))).toEqual(['CONFLICT', 'CONFLICT', 'OK']);
      expect(await rows('SELECT count(*)::int AS n FROM review_rounds WHERE year = 2045', [])).toBe(1);
      expect(await rows('SELECT count(*)::int AS n FROM review_items i JOIN review_rounds r ON r.id = i.round_id WHERE r.year = 2045', [])).toBe(
        await rows("SELECT count(*)::int AS n FROM memberships WHERE status IN ('ACTIVE', 'ON_LEAVE')", []),
      );
    });

    it('answers a repeated ESF export request with the one existing export', async () => {
      const input = { kind: 'PARTICIPANTS', format: 'XLSX', period: { from: '2024-01-01', to: '2024-06-30' } };
      const results = await atOnce('mutation($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id } }', { input });
      expect(outcome(results)).toEqual(['OK', 'OK', 'OK']);
      expect(new Set(results.map((r) => (r.data as { requestEsfExport: { id: string } }).requestEsfExport.id)).size).toBe(1);
      expect(await rows("SELECT count(*)::int AS n FROM esf_exports WHERE format = 'XLSX' AND period_from = '2024-01-01' AND period_to = '2024-06-30'", [])).toBe(1);
    });

    it('records attendance once when the same marks arrive twice at once', async () => {
      const someone = await person();
      expect((await gql('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId: fx.course, personIds: [someone] } })).errors).toBeUndefined();
      const results = await atOnce('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId: fx.session, personIds: [someone] } });
      expect(outcome(results)).toEqual(['OK', 'OK', 'OK']);
      expect(await rows('SELECT count(*)::int AS n FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id WHERE e.person_id = $1', [someone])).toBe(1);
      // Concurrent enrolment of the same person is proven in training-input.e2e-spec.ts ("enrols nobody twice").
    });
  });

  describe('malformed requests', () => {
    /** Whatever the transport gets, the answer is a 4xx without a stack trace or framework internals. */
    const clean = (res: { status: number; text: string }) => {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      for (const leak of [/\bat \S+ \(/, /node_modules/, /\.ts:\d+/, /SyntaxError/, /body-parser|raw-body/]) expect(res.text).not.toMatch(leak);
    };
    const raw = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
      const token = await api.token(COORDINATOR.role, COORDINATOR.county);
      return api.http.post('/graphql').set(headers).set('authorization', `Bearer ${token}`).send(body);
    };

    it('refuses broken JSON, a body over the limit, and a mutation sent with GET', async () => {
      clean(await raw('{"query": "mutation { createOrganisation(input: {type: NGO, name: \\"x\\"}) { id } }", '));
      clean(await raw(JSON.stringify({ query: 'mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', variables: { input: { type: 'NGO', name: 'x'.repeat(1_500_000) } } })));
      const token = await api.token(COORDINATOR.role, COORDINATOR.county);
      clean(await api.http.get('/graphql').query({ query: 'mutation { createOrganisation(input: { type: NGO, name: "Via GET" }) { id } }' }).set('authorization', `Bearer ${token}`).set('apollo-require-preflight', 'true'));
      expect(await inCounty(fx.county, async (db) => (await db.query("SELECT count(*)::int AS n FROM organisations WHERE name IN ('x', 'Via GET')")).rows[0].n)).toBe(0);
    });

    it('does not let a __proto__ key pollute the server', async () => {
      const body = `{"query": "mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }", "variables": {"input": {"__proto__": {"polluted": "yes"}, "type": "NGO", "name": "Proto ${unique()}"}}}`;
      const res = await raw(body);
      expect(res.status).toBeLessThan(500);
      expect((Object.prototype as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    });
  });
});
