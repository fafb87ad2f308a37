import { Role } from '@lahde/platform/auth';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

/**
 * A county's real year, replayed as an API client would (Kymenlaakso, after the 2024-2025 pilot):
 * THL's trainer training graduates three trainers (two from the county, one from the shelter NGO);
 * they run two key worker courses (Kouvola in spring, Kotka in autumn) of five sessions with three
 * co-trainers each, graduating 40 key workers; key workers hold addressing trainings.
 */
describe("a county's year of the key worker model", () => {
  const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '10' };
  let api: TestApi;
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, auth: string | { role: Role; county?: string } = COORDINATOR): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  };

  let programmes: Record<number, { id: string; modules: Array<{ id: string; kind: string; themeEn: string }> }>;
  let trainers: string[];
  const keyWorkers: string[] = [];
  let spring: string;
  let autumn: string;
  const emailOf = new Map<string, string>();

  const person = async (first: string, last: string, unitId?: string) => {
    const email = `${first}.${last}@kymenlaakso.test`.toLowerCase();
    const { createPerson } = await call<{ createPerson: { id: string } }>(
      'mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      { input: { firstName: first, lastName: last, email, unitId } },
    );
    emailOf.set(createPerson.id, email);
    return createPerson.id;
  };
  const asPerson = (role: Role, id: string) => api.issuer.token(role, '10', { subject: emailOf.get(id), email: emailOf.get(id) });
  const COURSE = 'id status enrolments { personId status missing } sessions { id moduleId } participantCount';
  type CourseResult = { id: string; status: string; enrolments: Array<{ personId: string; status: string; missing: string[] }>; sessions: Array<{ id: string; moduleId: string }>; participantCount: number };

  const createCourse = async (tier: number, name: string, trainerIds: string[], auth: string | typeof COORDINATOR = COORDINATOR) =>
    (await call<{ createCourse: CourseResult }>(`mutation($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE} } }`,
      { input: { programmeId: programmes[tier].id, name, place: name.split(' ')[0], trainerIds } }, auth)).createCourse.id;
  const addSession = async (courseId: string, moduleId: string | null, date: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}, auth: string | typeof COORDINATOR = COORDINATOR) =>
    (await call<{ addCourseSession: CourseResult }>(`mutation($input: AddSessionInput!) { addCourseSession(input: $input) { ${COURSE} } }`,
      { input: { courseId, moduleId, date, startsAt, endsAt, ...extra } }, auth)).addCourseSession;
  const enrol = (courseId: string, personIds: string[], auth: string | typeof COORDINATOR = COORDINATOR) =>
    api.gql<{ enrol: CourseResult }>(`mutation($input: EnrolInput!) { enrol(input: $input) { ${COURSE} } }`, { input: { courseId, personIds } }, auth);
  const attend = (sessionId: string, personIds: string[], auth: string | typeof COORDINATOR = COORDINATOR) =>
    call(`mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }`, { input: { sessionId, personIds } }, auth);
  const acceptTask = (courseId: string, personId: string, moduleId: string, on: string, auth: string | typeof COORDINATOR = COORDINATOR) =>
    call(`mutation($input: TaskInput!) { recordTask(input: $input) { id } }`, { input: { courseId, personId, moduleId, submittedOn: on, acceptedOn: on } }, auth);
  const complete = async (courseId: string, completedOn: string, auth: string | typeof COORDINATOR = COORDINATOR) =>
    (await call<{ completeCourse: CourseResult }>(`mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { ${COURSE} } }`,
      { input: { courseId, completedOn } }, auth)).completeCourse;
  const module = (tier: number, kind: string, index = 0) => programmes[tier].modules.filter((m) => m.kind === kind)[index].id;

  /** Runs a key worker course: five sessions, everyone present except `absent` (per session index), final task accepted. */
  const runKeyWorkerCourse = async (courseId: string, dates: string[], participants: string[], absent: Record<number, string[]>, auth: string) => {
    const sessions = programmes[2].modules.filter((m) => m.kind === 'SESSION');
    for (const [i, date] of dates.entries()) {
      const closing = i === 4;
      const course = await addSession(courseId, sessions[i].id, date, '12:00', closing ? '14:00' : '16:00', {}, auth);
      const sessionId = course.sessions[course.sessions.length - 1].id;
      await attend(sessionId, participants.filter((p) => !(absent[i] ?? []).includes(p)), auth);
    }
    for (const p of participants) await acceptTask(courseId, p, module(2, 'FINAL_TASK'), dates[4], auth);
  };

  beforeAll(async () => {
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'true' } }); // metrics refresh jobs run in the API
    const { programmes: list } = await call<{ programmes: Array<{ id: string; tier: number; isNationalDefault: boolean; modules: Array<{ id: string; kind: string; themeEn: string }> }> }>(
      '{ programmes { id tier isNationalDefault totalHours modules { id kind themeEn } } }',
    );
    programmes = Object.fromEntries(list.filter((p) => p.isNationalDefault).map((p) => [p.tier, p]));
    const org = async (type: string, name: string) =>
      (await call<{ createOrganisation: { id: string } }>('mutation($t: OrganisationType!, $n: String!) { createOrganisation(input: { type: $t, name: $n }) { id } }', { t: type, n: name })).createOrganisation.id;
    const unit = async (organisationId: string, name: string, sector: string, municipalityCode: string) =>
      (await call<{ createUnit: { id: string } }>('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { organisationId, name, sector, municipalityCode } })).createUnit.id;
    const county = await org('COUNTY', 'Kymenlaakson hyvinvointialue (Kymenhva)');
    const shelter = await org('NGO', 'Kymenlaakson Ensi- ja turvakoti ry');
    const familyCentre = await unit(county, 'Kouvolan perhekeskus', 'SOCIAL_AND_HEALTH_CARE', '286');
    const kotkaSocial = await unit(county, 'Kotkan aikuissosiaalityö', 'SOCIAL_AND_HEALTH_CARE', '285');
    const shelterUnit = await unit(shelter, 'Turvakoti', 'THIRD_SECTOR', '285');
    trainers = [await person('Tiina', 'Kouluttaja', familyCentre), await person('Timo', 'Kouluttaja', kotkaSocial)];
    void shelterUnit;
    for (let i = 1; i <= 40; i++) keyWorkers.push(await person(`Avain${i}`, i % 2 ? 'Kouvola' : 'Kotka', i <= 20 ? familyCentre : kotkaSocial));
  });
  afterAll(() => api.close());

  it('seeds the national key worker curriculum: four 4 h days and a 2 h closing, pre-task, three intermediate tasks and a final task', async () => {
    const { programmes: list } = await call<{ programmes: Array<{ tier: number; totalHours: number; modules: Array<{ kind: string; hours: number | null; required: boolean }> }> }>(
      '{ programmes(tier: 2) { tier totalHours modules { kind hours required } } }',
    );
    const kinds = list[0].modules.map((m) => m.kind);
    expect(list[0].totalHours).toBe(18);
    expect(kinds.filter((k) => k === 'SESSION')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'INTERMEDIATE_TASK')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'PRE_TASK' || k === 'FINAL_TASK')).toEqual(['PRE_TASK', 'FINAL_TASK']);
  });

  it("graduates three trainers in THL's trainer training, who then appear in their county as certified trainers", async () => {
    const THL = { role: Role.NATIONAL_ADMIN };
    const thlProgrammes = (await call<{ programmes: Array<{ id: string; tier: number; modules: Array<{ id: string; kind: string }> }> }>('{ programmes { id tier modules { id kind } } }', {}, THL)).programmes;
    expect(thlProgrammes.map((p) => p.tier)).toEqual([1]);
    const [tier1] = thlProgrammes;
    // THL keeps its own participants (from many counties); the shelter NGO's trainer is not yet in the county registry.
    const participant = async (first: string, last: string) =>
      (await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
        { input: { firstName: first, lastName: last, email: `${first}.${last}@kymenlaakso.test`.toLowerCase(), homeCountyCode: '10' } }, THL)).createPerson.id;
    const thlParticipants = [await participant('Tiina', 'Kouluttaja'), await participant('Timo', 'Kouluttaja'), await participant('Terhi', 'Turvakoti')];
    const thl = (await call<{ createCourse: { id: string } }>('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
      { input: { programmeId: tier1.id, name: 'THL kouluttajakoulutus 2025', trainerIds: [] } }, THL)).createCourse.id;
    const sessionModules = tier1.modules.filter((m) => m.kind === 'SESSION');
    for (const [i, date] of ['2025-01-20', '2025-02-03'].entries()) {
      const course = await addSession(thl, sessionModules[i].id, date, '09:00', '13:00', {}, await api.token(Role.NATIONAL_ADMIN));
      expect(course.status).toBe('RUNNING');
    }
    const thlToken = await api.token(Role.NATIONAL_ADMIN);
    expect((await enrol(thl, thlParticipants, thlToken)).errors).toBeUndefined();
    const sessions = (await call<{ course: CourseResult }>(`query($id: ID!) { course(id: $id) { ${COURSE} } }`, { id: thl }, THL)).course.sessions;
    for (const s of sessions) await attend(s.id, thlParticipants, thlToken);
    const finalTask = tier1.modules.find((m) => m.kind === 'FINAL_TASK')!.id;
    for (const p of thlParticipants) await acceptTask(thl, p, finalTask, '2025-02-20', thlToken);
    const done = await complete(thl, '2025-02-20', thlToken);
    expect(done.enrolments.map((e) => e.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);

    // THL sees its three participants and nobody of the county; the county does not see THL's course.
    expect((await call<{ people: { totalCount: number } }>('{ people { totalCount } }', {}, THL)).people.totalCount).toBe(3);
    expect(errorCodes(await api.gql('query($id: ID!) { course(id: $id) { id } }', { id: thl }, COORDINATOR))).toEqual(['NOT_FOUND']);

    // In the county: the two county trainers matched by e-mail, the NGO trainer added; all three certified by THL.
    const { people } = await call<{ people: { nodes: Array<{ id: string }> } }>('{ people(search: "turvakoti") { nodes { id } } }');
    trainers.push(people.nodes[0].id);
    emailOf.set(people.nodes[0].id, 'terhi.turvakoti@kymenlaakso.test');
    const { certificates } = await call<{ certificates: Array<{ personId: string; certifiedByThl: boolean; issuedOn: string }> }>(
      '{ certificates(kind: TRAINER) { personId certifiedByThl issuedOn } }',
    );
    expect(certificates.map((c) => c.personId).sort()).toEqual([...trainers].sort());
    expect(certificates.every((c) => c.certifiedByThl && c.issuedOn === '2025-02-20')).toBe(true);

    // Completing again (e.g. after a failed hand-over) changes nothing.
    await complete(thl, '2025-02-20', thlToken);
    expect((await call<{ certificates: unknown[] }>('{ certificates(kind: TRAINER) { id } }')).certificates).toHaveLength(3);
  });

  it('runs the spring course in Kouvola, trainer-led, with a missed day made up', async () => {
    const tiina = await asPerson(Role.TRAINER, trainers[0]);
    spring = await createCourse(2, 'Kouvola kevät 2025', trainers);
    const participants = keyWorkers.slice(0, 20);
    expect((await enrol(spring, participants, tiina)).errors).toBeUndefined();
    const absentee = participants[3];
    await runKeyWorkerCourse(spring, ['2025-04-01', '2025-04-15', '2025-04-29', '2025-05-06', '2025-05-27'], participants, { 2: [absentee] }, tiina);

    const { incompleteEnrolments } = await call<{ incompleteEnrolments: Array<{ personId: string; missing: string[] }> }>('{ incompleteEnrolments { personId missing } }');
    expect(incompleteEnrolments).toEqual([{ personId: absentee, missing: ['session: Lived experience II'] }]);
    // Who was present at each session, and whose tasks are accepted: what an attendance sheet shows.
    const { course } = await call<{ course: { sessions: Array<{ attendeeIds: string[]; attendeeCount: number }>; enrolments: Array<{ personId: string; acceptedTaskModuleIds: string[] }> } }>(
      'query($id: ID!) { course(id: $id) { sessions { attendeeIds attendeeCount } enrolments { personId acceptedTaskModuleIds } } }',
      { id: spring },
    );
    expect(course.sessions.map((s) => s.attendeeIds.length)).toEqual(course.sessions.map((s) => s.attendeeCount));
    expect(course.sessions[2].attendeeIds).toEqual([...participants].filter((p) => p !== absentee).sort());
    expect(course.sessions[1].attendeeIds).toContain(absentee);
    expect(course.enrolments.every((e) => e.acceptedTaskModuleIds.length === 1 && e.acceptedTaskModuleIds[0] === module(2, 'FINAL_TASK'))).toBe(true);

    const partial = await complete(spring, '2025-05-27', tiina);
    expect(partial.enrolments.filter((e) => e.status === 'COMPLETED')).toHaveLength(19);

    const makeup = await addSession(spring, module(2, 'SESSION', 2), '2025-06-03', '12:00', '16:00', { isMakeup: true }, tiina);
    await attend(makeup.sessions[makeup.sessions.length - 1].id, [absentee], tiina);
    const done = await complete(spring, '2025-06-03', tiina);
    expect(done.enrolments.every((e) => e.status === 'COMPLETED')).toBe(true);
  });

  it('runs the autumn course in Kotka, where a trainer cannot touch a course they do not train', async () => {
    autumn = await createCourse(2, 'Kotka syksy 2025', trainers.slice(1));
    const tiina = await asPerson(Role.TRAINER, trainers[0]);
    expect(errorCodes(await enrol(autumn, [keyWorkers[20]], tiina))).toEqual(['NOT_FOUND']);
    const timo = await asPerson(Role.TRAINER, trainers[1]);
    const participants = keyWorkers.slice(20);
    expect((await enrol(autumn, participants, timo)).errors).toBeUndefined();
    const again = await enrol(autumn, [participants[0]], timo);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.personIds' }] });
    await runKeyWorkerCourse(autumn, ['2025-09-09', '2025-09-23', '2025-10-08', '2025-10-22', '2025-11-05'], participants, { 4: participants.slice(0, 5) }, timo);
    const done = await complete(autumn, '2025-11-05', timo);
    // The closing session is not required: missing it does not stop completion.
    expect(done.enrolments.filter((e) => e.status === 'COMPLETED')).toHaveLength(20);
    const { certificates } = await call<{ certificates: unknown[] }>('{ certificates(kind: KEY_WORKER) { personId } }');
    expect(certificates).toHaveLength(40);
  });

  it('refuses a trainer as a participant of their own course, and cycles in the chain', async () => {
    const selfLink = await enrol(autumn, [trainers[1]]);
    expect(selfLink.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.personIds', message: expect.stringMatching(/trainer of the course/) }] });
    const kw = await asPerson(Role.KEY_WORKER, keyWorkers[0]);
    const addressing = await createCourse(3, 'Kouvolan perhekeskus puheeksiotto', [keyWorkers[0]], kw);
    const cycle = await enrol(addressing, [trainers[0]], kw);
    expect(cycle.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.personIds', message: expect.stringMatching(/cycle/) }] });
  });

  it('counts addressing trainings held by key workers, named and anonymous', async () => {
    const kw = await asPerson(Role.KEY_WORKER, keyWorkers[1]);
    const named = await createCourse(3, 'Kotka puheeksiotto', [keyWorkers[1]], kw);
    const session = await addSession(named, module(3, 'SESSION'), '2026-01-15', '09:00', '12:00', {}, kw);
    const colleagues = await Promise.all(['Kollega1', 'Kollega2', 'Kollega3'].map((n) => person(n, 'Työyhteisö')));
    expect(colleagues).toHaveLength(3);
    await enrol(named, colleagues, kw);
    await attend(session.sessions[0].id, colleagues, kw);
    expect((await complete(named, '2026-01-15', kw)).participantCount).toBe(3);

    const anonymous = await createCourse(3, 'Kotka perusturva puheeksiotto', [keyWorkers[1]], kw);
    await addSession(anonymous, module(3, 'SESSION'), '2026-02-10', '09:00', '12:00', {}, kw);
    const counted = await call<{ setAddressingHeadcounts: { participantCount: number } }>(
      'mutation($input: SetHeadcountsInput!) { setAddressingHeadcounts(input: $input) { participantCount } }',
      { input: { courseId: anonymous, headcounts: [{ sector: 'SOCIAL_AND_HEALTH_CARE', participants: 12 }, { sector: 'EARLY_CHILDHOOD_EDUCATION', participants: 8 }] } },
      kw,
    );
    expect(counted.setAddressingHeadcounts.participantCount).toBe(20);
  });

  it('shows the lineage from THL through trainers and key workers to addressing-training participants', async () => {
    const LINEAGE = 'query($id: ID!) { lineage(personId: $id) { name trainedByThl trainedBy { personId tier } trained { personId tier status } reach { depth trainers keyWorkers addressingParticipants } } }';
    type LineageResult = { lineage: { trainedByThl: boolean; trainedBy: Array<{ personId: string; tier: number }>; trained: Array<{ personId: string; tier: number }>; reach: Record<string, number> } };
    const timo = (await call<LineageResult>(LINEAGE, { id: trainers[1] })).lineage;
    expect(timo.trainedByThl).toBe(true);
    expect(timo.trainedBy).toEqual([]);
    expect(timo.trained.filter((l) => l.tier === 2)).toHaveLength(40); // both courses
    expect(timo.reach).toEqual({ depth: 2, trainers: 0, keyWorkers: 40, addressingParticipants: 3 + 20 });

    const tiina = (await call<LineageResult>(LINEAGE, { id: trainers[0] })).lineage;
    expect(tiina.reach.keyWorkers).toBe(20); // spring only

    const kw = (await call<LineageResult>(LINEAGE, { id: keyWorkers[1] })).lineage;
    expect(kw.trainedBy.map((l) => l.personId).sort()).toEqual([...trainers].sort());
    expect(kw.reach).toEqual({ depth: 1, trainers: 0, keyWorkers: 0, addressingParticipants: 23 });

    // A key worker reads their own lineage, not a colleague's.
    const own = await asPerson(Role.KEY_WORKER, keyWorkers[1]);
    expect((await api.gql(LINEAGE, { id: keyWorkers[1] }, own)).errors).toBeUndefined();
    expect(errorCodes(await api.gql(LINEAGE, { id: keyWorkers[2] }, own))).toEqual(['NOT_FOUND']);
  });

  it('holds the February review: some members gone, one on leave, the rest confirmed, history kept', async () => {
    type Item = { membershipId: string; personId: string };
    const opened = await call<{ openReviewRound: { counts: { total: number; open: number } } }>('mutation { openReviewRound(year: 2026) { counts { total open } } }');
    expect(opened.openReviewRound.counts).toEqual({ total: 43, open: 43 }); // 40 key workers and the 3 trainers
    const round = await call<{ reviewRound: { id: string; items: Item[] } }>('{ reviewRound(year: 2026) { id items { membershipId personId } } }');
    const gone = keyWorkers.slice(5, 8);
    const decide = (item: Item, outcome: string, newStatus?: string) =>
      call('mutation($input: DecideReviewItemInput!) { decideReviewItem(input: $input) { outcome } }', {
        input: { roundId: round.reviewRound.id, membershipId: item.membershipId, outcome, newStatus, effectiveOn: newStatus ? '2026-02-10' : undefined },
      });
    for (const item of round.reviewRound.items) {
      if (gone.includes(item.personId)) await decide(item, 'GONE', 'LEFT_ORGANISATION');
      else if (item.personId === keyWorkers[8]) await decide(item, 'CHANGED', 'ON_LEAVE');
      else await decide(item, 'CONFIRMED');
    }
    const closed = await call<{ closeReviewRound: { closedOn: string; counts: Record<string, number> } }>('mutation { closeReviewRound(year: 2026) { closedOn counts { total open confirmed changed gone } } }');
    expect(closed.closeReviewRound.counts).toEqual({ total: 43, open: 0, confirmed: 39, changed: 1, gone: 3 });

    const active = await call<{ memberships: { totalCount: number } }>('{ memberships(status: ACTIVE) { totalCount } }');
    expect(active.memberships.totalCount).toBe(39);
    const leaver = round.reviewRound.items.find((i) => i.personId === gone[0])!;
    const { membership } = await call<{ membership: { status: string; history: Array<{ status: string; reason: string | null }> } }>(
      'query($id: ID!) { membership(id: $id) { status history { status reason } } }',
      { id: leaver.membershipId },
    );
    expect(membership.status).toBe('LEFT_ORGANISATION');
    expect(membership.history.map((h) => h.status)).toEqual(['LEFT_ORGANISATION', 'ACTIVE']);
    expect(membership.history[0].reason).toBe('Review 2026');
    // Certificates are history too: the 40 key workers trained stay in the lineage.
    expect((await call<{ certificates: unknown[] }>('{ certificates(kind: KEY_WORKER) { id } }')).certificates).toHaveLength(40);
  });

  it('shows where the network has gaps, and who has touched a person\'s data', async () => {
    const gaps = await call<{ municipalitiesWithoutActiveKeyWorker: Array<{ nameFi: string }>; units: { nodes: Array<{ name: string }> } }>(
      '{ municipalitiesWithoutActiveKeyWorker { nameFi } units(withoutActiveKeyWorker: true) { nodes { name } } }',
    );
    expect(gaps.municipalitiesWithoutActiveKeyWorker.map((m) => m.nameFi)).toEqual(['Hamina', 'Miehikkälä', 'Pyhtää', 'Virolahti']);
    expect(gaps.units.nodes.map((u) => u.name)).toEqual(['Turvakoti']);
    const { auditLog } = await call<{ auditLog: Array<{ action: string; actor: string }> }>(
      'query($id: ID!) { auditLog(entity: "Person", entityId: $id) { action actor } }',
      { id: keyWorkers[1] },
    );
    expect(auditLog.map((e) => e.action)).toContain('CREATE');
    expect(auditLog.every((e) => e.actor.startsWith('https://idp.test.lahde#'))).toBe(true);
  });

  it("keeps the county's training invisible to another county and to THL", async () => {
    const other = { role: Role.COUNTY_COORDINATOR, county: '09' };
    expect(errorCodes(await api.gql('query($id: ID!) { course(id: $id) { id } }', { id: spring }, other))).toEqual(['NOT_FOUND']);
    expect((await api.gql<{ certificates: unknown[] }>('{ certificates { id } }', {}, other)).data!.certificates).toEqual([]);
    expect(errorCodes(await api.gql('query($id: ID!) { lineage(personId: $id) { name } }', { id: trainers[0] }, other))).toEqual(['NOT_FOUND']);
    // THL sees the certificates of its own course only, none of the county's.
    const thl = await api.gql<{ certificates: Array<{ personId: string; kind: string }> }>('{ certificates { personId kind } }', {}, { role: Role.NATIONAL_ADMIN });
    expect(thl.data!.certificates.map((c) => c.kind)).toEqual(['TRAINER', 'TRAINER', 'TRAINER']);
    expect(thl.data!.certificates.some((c) => trainers.includes(c.personId) || keyWorkers.includes(c.personId))).toBe(false);
    expect(errorCodes(await api.gql('{ certificates { id } }', {}, { role: Role.NATIONAL_ANALYST }))).toEqual(['FORBIDDEN']);
  });

  it("ends the year with metrics that match the hand count", async () => {
    const FIGURES = 'activeKeyWorkers certifiedKeyWorkers activeTrainers keyWorkersPer10k municipalities municipalitiesCovered municipalityCoverageShare units unitsCovered throughput { tier coursesHeld enrolled completed dropped completionRate medianDaysToCertification addressingParticipants }';
    type Figures = { activeKeyWorkers: number; throughput: Array<Record<string, unknown>> } & Record<string, unknown>;
    const read = (from: string, to: string) =>
      call<{ countyMetrics: { figures: Figures } }>(`query($p: PeriodInput!) { countyMetrics(countyCode: "10", period: $p) { figures { ${FIGURES} } } }`, { p: { from, to } });
    // The refresh after the last write runs on bull: wait for the review's outcome to show.
    let figures: Figures | undefined;
    for (let i = 0; i < 100 && figures?.activeKeyWorkers !== 36; i++) {
      figures = (await read('2025-01-01', '2025-12-31')).countyMetrics.figures;
      if (figures.activeKeyWorkers !== 36) await new Promise((r) => setTimeout(r, 150));
    }
    expect(figures).toEqual({
      activeKeyWorkers: 36, // 40 certified, 3 gone and 1 on leave in the review
      certifiedKeyWorkers: 40,
      activeTrainers: 3,
      keyWorkersPer10k: 2.29, // 36 × 10,000 / 157,442 = 2.2866
      municipalities: 6,
      municipalitiesCovered: 2, // Kouvola and Kotka
      municipalityCoverageShare: 0.3333,
      units: 3,
      unitsCovered: 2,
      throughput: [
        { tier: 1, coursesHeld: 0, enrolled: 0, completed: 0, dropped: 0, completionRate: null, medianDaysToCertification: null, addressingParticipants: 0 },
        // 19 certified 56 days after the first session, 20 after 57, one (made up) after 63: median 57.
        { tier: 2, coursesHeld: 2, enrolled: 40, completed: 40, dropped: 0, completionRate: 1, medianDaysToCertification: 57, addressingParticipants: 0 },
        { tier: 3, coursesHeld: 0, enrolled: 0, completed: 0, dropped: 0, completionRate: null, medianDaysToCertification: null, addressingParticipants: 0 },
      ],
    });
    const next = (await read('2026-01-01', '2026-12-31')).countyMetrics.figures.throughput[2];
    expect(next).toMatchObject({ tier: 3, coursesHeld: 2, addressingParticipants: 23 });

    const { cascade } = await call<{ cascade: Record<string, unknown> & { children: Array<Record<string, unknown>> } }>(
      '{ cascade(depth: 1) { trainers keyWorkers activeKeyWorkers addressingParticipants brokenLinks depth branching children { label certifiedByThl keyWorkers activeKeyWorkers addressingParticipants branching } } }',
    );
    expect(cascade).toMatchObject({ trainers: 3, keyWorkers: 40, activeKeyWorkers: 36, addressingParticipants: 23, brokenLinks: 0, depth: 2, branching: 3 });
    const byName = Object.fromEntries(cascade.children.map((t) => [t['label'], t]));
    expect(byName['Timo Kouluttaja']).toEqual({ label: 'Timo Kouluttaja', certifiedByThl: true, keyWorkers: 40, activeKeyWorkers: 36, addressingParticipants: 23, branching: 40 });
    expect(byName['Tiina Kouluttaja']).toMatchObject({ keyWorkers: 20, branching: 20, addressingParticipants: 23 });
    expect(byName['Terhi Turvakoti']).toMatchObject({ keyWorkers: 40, certifiedByThl: true });
  });
});
