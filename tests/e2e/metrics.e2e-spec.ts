import { Role } from '@lahde/platform/auth';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '11' };
const ANALYST = { role: Role.NATIONAL_ANALYST };
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const FIGURES = `countyCode population activeKeyWorkers certifiedKeyWorkers activeTrainers keyWorkersPer10k municipalities municipalitiesCovered
  municipalityCoverageShare units unitsCovered asOf throughput { tier coursesHeld enrolled completed dropped completionRate medianDaysToCertification addressingParticipants }`;
const COUNTY_METRICS = `query($code: String!, $period: PeriodInput!) { countyMetrics(countyCode: $code, period: $period) {
  figures { ${FIGURES} } bySector { key activeKeyWorkers units unitsCovered } } }`;

type Figures = Record<string, unknown> & { activeKeyWorkers: number; asOf: string | null; throughput: Array<Record<string, unknown>> };

/**
 * Metrics of a small county year (South Karelia, 125,083 inhabitants, 9 municipalities), every figure
 * computed by hand: 2 trainers, a key worker course of 5 (3 complete, 1 drops, 1 misses a day), one
 * addressing training of 12; then a key worker leaves and the figures follow within seconds.
 */
describe('county and national metrics', () => {
  let api: TestApi;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, auth: { role: Role; county?: string } = COORDINATOR): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  /** Metrics are refreshed by a bull job after each write: wait until they show what is expected. */
  const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 100; i++) {
      const value = await read();
      if (done(value)) return value;
      await new Promise((r) => setTimeout(r, 150));
    }
    return read();
  };
  const countyFigures = () =>
    call<{ countyMetrics: { figures: Figures; bySector: unknown[] } }>(COUNTY_METRICS, { code: '11', period: YEAR_2025 }).then((r) => r.countyMetrics);

  let p2Membership: { id: string; version: number };

  beforeAll(async () => {
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true' } });
    const id = async (query: string, input: Record<string, unknown>) => Object.values(await call<Record<string, { id: string }>>(query, { input }))[0].id;
    const org = await id('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', { type: 'COUNTY', name: 'Eksote' });
    const unit = (name: string, sector: string, municipalityCode: string) =>
      id('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { organisationId: org, name, sector, municipalityCode });
    const [a, b, c] = [await unit('Lappeenrannan perhekeskus', 'SOCIAL_AND_HEALTH_CARE', '405'), await unit('Imatran varhaiskasvatus', 'EARLY_CHILDHOOD_EDUCATION', '153'), await unit('Luumäen koulu', 'BASIC_EDUCATION', '441')];
    const person = (name: string, unitId: string) =>
      id('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { firstName: name, lastName: 'Eksote', email: `${name}@eksote.test`, unitId });
    const [t1, t2] = [await person('t1', a), await person('t2', a)];
    const [p1, p2, p3, p4, p5] = [await person('p1', a), await person('p2', a), await person('p3', b), await person('p4', b), await person('p5', c)];

    const { programmes } = await call<{ programmes: Array<{ id: string; tier: number; isNationalDefault: boolean; modules: Array<{ id: string; kind: string }> }> }>(
      '{ programmes { id tier isNationalDefault modules { id kind } } }',
    );
    const programme = (tier: number) => programmes.find((p) => p.tier === tier && p.isNationalDefault)!;
    const course = (tier: number, name: string, trainerIds: string[]) =>
      id('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', { programmeId: programme(tier).id, name, trainerIds });
    const session = async (courseId: string, moduleId: string, date: string) => {
      const r = await call<{ addCourseSession: { sessions: Array<{ id: string; date: string }> } }>(
        'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id date } } }',
        { input: { courseId, moduleId, date, startsAt: '12:00', endsAt: '16:00' } },
      );
      return r.addCourseSession.sessions.find((s) => s.date === date)!.id;
    };
    const attend = (sessionId: string, personIds: string[]) => call('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId, personIds } });
    const accept = (courseId: string, personIds: string[], moduleId: string, on: string) =>
      Promise.all(personIds.map((personId) => call('mutation($input: TaskInput!) { recordTask(input: $input) { id } }', { input: { courseId, personId, moduleId, submittedOn: on, acceptedOn: on } })));
    const complete = (courseId: string, completedOn: string) => call('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { input: { courseId, completedOn } });

    // Tier 1: two trainers, first session 13.1., certified 27.1. (14 days).
    const tier1 = programme(1);
    const thl = await course(1, 'Kouluttajakoulutus', []);
    await call('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId: thl, personIds: [t1, t2] } });
    const t1Sessions = tier1.modules.filter((m) => m.kind === 'SESSION');
    for (const [i, date] of ['2025-01-13', '2025-01-20'].entries()) await attend(await session(thl, t1Sessions[i].id, date), [t1, t2]);
    await accept(thl, [t1, t2], tier1.modules.find((m) => m.kind === 'FINAL_TASK')!.id, '2025-01-27');
    await complete(thl, '2025-01-27');

    // Tier 2: five participants from 3.3.; p5 drops, p4 misses day 3; completed 14.4. (42 days).
    const tier2 = programme(2);
    const kw = await course(2, 'Avainhenkilökoulutus kevät', [t1, t2]);
    await call('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId: kw, personIds: [p1, p2, p3, p4, p5] } });
    const days = tier2.modules.filter((m) => m.kind === 'SESSION').slice(0, 4);
    for (const [i, date] of ['2025-03-03', '2025-03-17', '2025-03-31', '2025-04-07'].entries()) {
      const sessionId = await session(kw, days[i].id, date);
      if (i === 0) await call('mutation($input: DropInput!) { dropEnrolment(input: $input) { id } }', { input: { courseId: kw, personId: p5, droppedOn: '2025-03-10' } });
      await attend(sessionId, i === 2 ? [p1, p2, p3] : [p1, p2, p3, p4]);
    }
    await accept(kw, [p1, p2, p3, p4], tier2.modules.find((m) => m.kind === 'FINAL_TASK')!.id, '2025-04-14');
    await complete(kw, '2025-04-14');

    // Tier 3: p1 holds an addressing training for 12 colleagues of social and health care.
    const addressing = await course(3, 'Puheeksiotto', [p1]);
    await session(addressing, programme(3).modules[0].id, '2025-05-05');
    await call('mutation($input: SetHeadcountsInput!) { setAddressingHeadcounts(input: $input) { id } }', {
      input: { courseId: addressing, headcounts: [{ sector: 'SOCIAL_AND_HEALTH_CARE', participants: 12 }] },
    });
    const { memberships } = await call<{ memberships: { nodes: Array<{ id: string; personId: string; version: number }> } }>('{ memberships { nodes { id personId version } } }');
    p2Membership = memberships.nodes.find((m) => m.personId === p2)!;
  });
  afterAll(() => api.close());

  const EXPECTED_THROUGHPUT = [
    { tier: 1, coursesHeld: 1, enrolled: 2, completed: 2, dropped: 0, completionRate: 1, medianDaysToCertification: 14, addressingParticipants: 0 },
    { tier: 2, coursesHeld: 1, enrolled: 5, completed: 3, dropped: 1, completionRate: 0.75, medianDaysToCertification: 42, addressingParticipants: 0 },
    { tier: 3, coursesHeld: 1, enrolled: 0, completed: 0, dropped: 0, completionRate: null, medianDaysToCertification: null, addressingParticipants: 12 },
  ];

  it('gives the county its coverage and throughput, computed by hand', async () => {
    const metrics = await eventually(countyFigures, (m) => m.figures.activeKeyWorkers === 3 && m.figures.throughput[2].addressingParticipants === 12);
    expect(metrics.figures).toEqual({
      countyCode: '11',
      population: 125083,
      activeKeyWorkers: 3,
      certifiedKeyWorkers: 3,
      activeTrainers: 2,
      keyWorkersPer10k: 0.24, // 3 × 10,000 / 125,083 = 0.2398
      municipalities: 9,
      municipalitiesCovered: 2, // Lappeenranta and Imatra
      municipalityCoverageShare: 0.2222,
      units: 3,
      unitsCovered: 2,
      asOf: expect.any(String),
      throughput: EXPECTED_THROUGHPUT,
    });
    expect(metrics.bySector).toEqual([
      { key: 'BASIC_EDUCATION', activeKeyWorkers: 0, units: 1, unitsCovered: 0 },
      { key: 'EARLY_CHILDHOOD_EDUCATION', activeKeyWorkers: 1, units: 1, unitsCovered: 1 },
      { key: 'SOCIAL_AND_HEALTH_CARE', activeKeyWorkers: 2, units: 1, unitsCovered: 1 },
    ]);
  });

  it('suppresses small demographic cells and counts activities per active key worker', async () => {
    const { countyMetrics } = await call<{ countyMetrics: { figures: { activeKeyWorkersByGender: unknown[]; activities: unknown[] } } }>(
      `query($period: PeriodInput!) { countyMetrics(countyCode: "11", period: $period) { figures {
         activeKeyWorkersByGender { key count suppressed } activities { kind count perActiveKeyWorker } } } }`,
      { period: YEAR_2025 },
    );
    // Three active key workers, none with a recorded gender: 3 is hidden, and so is a zero beside it.
    expect(countyMetrics.figures.activeKeyWorkersByGender).toEqual([
      { key: 'WOMAN', count: null, suppressed: true },
      { key: 'MAN', count: 0, suppressed: false },
      { key: 'NON_BINARY', count: 0, suppressed: false },
      { key: 'UNKNOWN', count: null, suppressed: true },
    ]);
    expect(countyMetrics.figures.activities).toEqual([
      { kind: 'CONSULTATION', count: 0, perActiveKeyWorker: 0 },
      { kind: 'PAIR_WORK', count: 0, perActiveKeyWorker: 0 },
      { kind: 'INFO_SESSION', count: 0, perActiveKeyWorker: 0 },
      { kind: 'ADDRESSING_TRAINING', count: 0, perActiveKeyWorker: 0 },
    ]);
  });

  it('gives any of it as a time series', async () => {
    const { metricsTrend } = await call<{ metricsTrend: Array<Record<string, unknown>> }>(
      `query($period: PeriodInput!) { metricsTrend(period: $period, granularity: MONTH) {
         periodStart activeKeyWorkers keyWorkerCourses keyWorkersCertified trainersCertified addressingParticipants activities } }`,
      { period: { from: '2025-01-01', to: '2025-06-30' } },
    );
    const point = (start: string, values: Record<string, number>) => ({
      periodStart: start, activeKeyWorkers: null, keyWorkerCourses: 0, keyWorkersCertified: 0, trainersCertified: 0, addressingParticipants: 0, activities: 0, ...values,
    });
    expect(metricsTrend).toEqual([
      point('2025-01-01', { trainersCertified: 2 }),
      point('2025-02-01', {}),
      point('2025-03-01', { keyWorkerCourses: 1, keyWorkersCertified: 3 }),
      point('2025-04-01', {}),
      point('2025-05-01', { addressingParticipants: 12 }),
      point('2025-06-01', {}),
    ]);
    const quarters = await call<{ metricsTrend: Array<{ periodStart: string }> }>(
      '{ metricsTrend(period: { from: "2025-01-01", to: "2025-12-31" }, granularity: QUARTER, countyCode: "11") { periodStart } }',
      {},
      ANALYST,
    );
    expect(quarters.metricsTrend.map((p) => p.periodStart)).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01']);
    expect(errorCodes(await api.gql('{ metricsTrend(period: { from: "2025-01-01", to: "2025-12-31" }, countyCode: "04") { periodStart } }'))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await api.gql('{ metricsTrend(period: { from: "2025-01-01", to: "2025-12-31" }, countyCode: "04") { periodStart } }', {}, COORDINATOR))).toEqual(['FORBIDDEN']);
  });

  it('shows THL the same county side by side with the others, aggregates only, with totals', async () => {
    const { nationalMetrics } = await call<{ nationalMetrics: { asOf: string | null; counties: Figures[]; total: Figures } }>(
      `query($period: PeriodInput!) { nationalMetrics(period: $period) { asOf counties { ${FIGURES} } total { ${FIGURES} } } }`,
      { period: YEAR_2025 },
      ANALYST,
    );
    expect(nationalMetrics.counties).toHaveLength(22);
    const southKarelia = nationalMetrics.counties.find((c) => c.countyCode === '11')!;
    expect(southKarelia).toMatchObject({ activeKeyWorkers: 3, activeTrainers: 2, keyWorkersPer10k: 0.24, throughput: EXPECTED_THROUGHPUT });
    const sum = (key: string) => nationalMetrics.counties.reduce((s, c) => s + (c[key] as number), 0);
    expect(nationalMetrics.total).toMatchObject({ countyCode: null, population: 5_605_317, activeKeyWorkers: sum('activeKeyWorkers'), units: sum('units') });
    expect(errorCodes(await api.gql('{ people { totalCount } }', {}, ANALYST))).toEqual(['FORBIDDEN']);
  });

  it('lets a county see only its own metrics', async () => {
    const other = await api.gql(COUNTY_METRICS, { code: '11', period: YEAR_2025 }, { role: Role.COUNTY_COORDINATOR, county: '04' });
    expect(errorCodes(other)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await api.gql(COUNTY_METRICS, { code: '11', period: YEAR_2025 }, { role: Role.KEY_WORKER, county: '11' }))).toEqual(['FORBIDDEN']);
    const bad = await api.gql(COUNTY_METRICS, { code: '11', period: { from: '2025-12-31', to: '2025-01-01' } }, COORDINATOR);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'period.to' }] });
  });

  const CASCADE = `query($root: ID, $depth: Int) { cascade(rootId: $root, depth: $depth) {
    id kind label certifiedByThl active broken trainers keyWorkers activeKeyWorkers addressingParticipants brokenLinks depth
    children { id kind label certifiedByThl active broken keyWorkers activeKeyWorkers addressingParticipants children { id label active addressingParticipants } } } }`;
  type Node = { id: string; kind: string; label: string | null; children: Node[] } & Record<string, unknown>;

  it('shows the county its cascade with names: two THL-trained trainers, three key workers, 12 reached', async () => {
    const { cascade } = await call<{ cascade: Node }>(CASCADE, { depth: 2 });
    expect(cascade).toMatchObject({ id: 'county:11', kind: 'COUNTY', trainers: 2, keyWorkers: 3, activeKeyWorkers: 3, addressingParticipants: 12, brokenLinks: 0, depth: 2 });
    expect(cascade.children.map((t) => t.label).sort()).toEqual(['t1 Eksote', 't2 Eksote']);
    for (const trainer of cascade.children) {
      expect(trainer).toMatchObject({ kind: 'TRAINER', certifiedByThl: true, active: true, broken: false, keyWorkers: 3, activeKeyWorkers: 3, addressingParticipants: 12 });
      expect(trainer.children.map((k) => k.label).sort()).toEqual(['p1 Eksote', 'p2 Eksote', 'p3 Eksote']);
    }
    expect(errorCodes(await api.gql(CASCADE, { root: 'county:11' }, { role: Role.COUNTY_COORDINATOR, county: '04' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await api.gql(CASCADE, { root: 'THL' }, COORDINATOR))).toEqual(['NOT_FOUND']);
  });

  it('shows THL the national cascade to drill into, with counts and no names', async () => {
    const { cascade } = await call<{ cascade: Node }>(CASCADE, { depth: 1 }, ANALYST);
    expect(cascade.id).toBe('THL');
    expect(cascade.children).toHaveLength(22);
    const county = cascade.children.find((c) => c.id === 'county:11')!;
    expect(county).toMatchObject({ label: 'Etelä-Karjalan hyvinvointialue', keyWorkers: 3, addressingParticipants: 12 });
    const drilled = await call<{ cascade: Node }>(CASCADE, { root: 'county:11', depth: 2 }, ANALYST);
    const labels = [drilled.cascade, ...drilled.cascade.children, ...drilled.cascade.children.flatMap((t) => t.children)].map((n) => n.label);
    expect(labels).toEqual(['Etelä-Karjalan hyvinvointialue', null, null, null, null, null, null, null, null]);
    const trainer = await call<{ cascade: Node }>(CASCADE, { root: drilled.cascade.children[0].id, depth: 1 }, ANALYST);
    expect(trainer.cascade).toMatchObject({ kind: 'TRAINER', label: null, keyWorkers: 3 });
    expect(errorCodes(await api.gql(CASCADE, { root: "THL'; DROP TABLE people; --" }, ANALYST))).toEqual(['BAD_USER_INPUT']);
  });

  it('follows a write within seconds: a key worker leaves', async () => {
    await call('mutation($input: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $input) { id } }', {
      input: { membershipId: p2Membership.id, version: p2Membership.version, status: 'LEFT_ORGANISATION', effectiveOn: '2025-09-01', reason: 'Moved' },
    });
    const metrics = await eventually(countyFigures, (m) => m.figures.activeKeyWorkers === 2);
    expect(metrics.figures).toMatchObject({ activeKeyWorkers: 2, certifiedKeyWorkers: 3, unitsCovered: 2 });
  });

  it('marks a broken link when a trainer leaves while their key workers are active', async () => {
    const { memberships } = await call<{ memberships: { nodes: Array<{ id: string; personName: string; version: number }> } }>('{ memberships(status: ACTIVE) { nodes { id personName version } } }');
    const t1 = memberships.nodes.find((m) => m.personName === 't1 Eksote')!;
    await call('mutation($input: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $input) { id } }', {
      input: { membershipId: t1.id, version: t1.version, status: 'LEFT_ROLE', effectiveOn: '2025-10-01', reason: 'Retired' },
    });
    const { cascade } = await eventually(() => call<{ cascade: Node }>(CASCADE, { depth: 1 }), (r) => r.cascade['brokenLinks'] === 1);
    expect(cascade).toMatchObject({ brokenLinks: 1, activeKeyWorkers: 2 });
    expect(cascade.children.find((t) => t.label === 't1 Eksote')).toMatchObject({ active: false, broken: true, activeKeyWorkers: 2 });
  });
});
