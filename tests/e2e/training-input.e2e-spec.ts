import { Role } from '@lahde/platform/auth';
import { TestApi } from '../support/test-api';

const NONE = '00000000-0000-4000-8000-000000000000';
const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: '21' };
const OTHER = { role: Role.COUNTY_COORDINATOR, county: '03' };

/** Bad input to the training mutations: a clear error naming the field, and nothing written. */
describe('training input', () => {
  let api: TestApi;
  let courseId: string;
  let people: string[];
  let sessionModule: string;
  let taskModule: string;
  let addressingProgramme: string;
  let foreignPerson: string;

  const fields = async (query: string, input: Record<string, unknown>, auth = COORDINATOR) => {
    const result = await api.gql(query, { input }, auth);
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    return result.errors![0].extensions.fields!.map((f) => f.field);
  };
  const person = async (email: string, auth = COORDINATOR) =>
    (await api.gql<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { input: { firstName: 'T', lastName: 'T', email } }, auth)).data!.createPerson.id;
  const course = () => api.gql<{ course: { enrolments: unknown[]; sessions: unknown[] } }>('query($id: ID!) { course(id: $id) { enrolments { personId } sessions { id } } }', { id: courseId }, COORDINATOR);

  beforeAll(async () => {
    api = await TestApi.start();
    const { programmes } = (await api.gql<{ programmes: Array<{ id: string; tier: number; modules: Array<{ id: string; kind: string }> }> }>('{ programmes { id tier modules { id kind } } }', {}, COORDINATOR)).data!;
    const tier2 = programmes.find((p) => p.tier === 2)!;
    addressingProgramme = programmes.find((p) => p.tier === 3)!.id;
    sessionModule = tier2.modules.find((m) => m.kind === 'SESSION')!.id;
    taskModule = tier2.modules.find((m) => m.kind === 'FINAL_TASK')!.id;
    people = [await person('a@ahvenanmaa.test'), await person('b@ahvenanmaa.test'), await person('trainer@ahvenanmaa.test')];
    foreignPerson = await person('x@lansi-uusimaa.test', OTHER);
    const created = await api.gql<{ createCourse: { id: string } }>(
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
      { input: { programmeId: tier2.id, name: 'Validointikurssi', trainerIds: [people[2]] } },
      COORDINATOR,
    );
    courseId = created.data!.createCourse.id;
  });
  afterAll(() => api.close());

  const ADD_SESSION = 'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { id } }';
  const ENROL = 'mutation($input: EnrolInput!) { enrol(input: $input) { id } }';

  it('refuses impossible dates and times', async () => {
    const base = { courseId, moduleId: sessionModule, date: '2026-03-02', startsAt: '12:00', endsAt: '16:00' };
    expect(await fields(ADD_SESSION, { ...base, date: '2026-02-30' })).toEqual(['input.date']);
    expect(await fields(ADD_SESSION, { ...base, date: '2.3.2026' })).toEqual(['input.date']);
    expect(await fields(ADD_SESSION, { ...base, startsAt: '25:00' })).toEqual(['input.startsAt']);
    expect(await fields(ADD_SESSION, { ...base, endsAt: '11:00' })).toEqual(['input.endsAt']);
    expect(await fields(ADD_SESSION, { ...base, moduleId: taskModule })).toEqual(['input.moduleId']);
    expect(await fields(ADD_SESSION, { ...base, place: 'x'.repeat(201) })).toEqual(['input.place']);
    expect((await course()).data!.course.sessions).toEqual([]);
  });

  it("refuses other counties' people and programmes, and names the field", async () => {
    expect(await fields(ENROL, { courseId, personIds: [people[0], foreignPerson] })).toEqual(['input.personIds']);
    expect(await fields('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', { programmeId: NONE, name: 'x', trainerIds: [people[2]] })).toEqual([
      'input.programmeId',
    ]);
    expect((await course()).data!.course.enrolments).toEqual([]);
  });

  it('enrols all or nothing', async () => {
    expect((await api.gql(ENROL, { input: { courseId, personIds: [people[0]] } }, COORDINATOR)).errors).toBeUndefined();
    const twice = await api.gql(ENROL, { input: { courseId, personIds: [people[1], people[0]] } }, COORDINATOR);
    expect(twice.errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await course()).data!.course.enrolments).toEqual([{ personId: people[0] }]);
    expect(await fields(ENROL, { courseId, personIds: [people[1], people[1]] })).toEqual(['input.personIds']);
  });

  it('enrols nobody twice when two coordinators submit at once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => api.gql(ENROL, { input: { courseId, personIds: [people[1]] } }, COORDINATOR)));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
  });

  it('checks attendance, tasks and drops against the enrolment', async () => {
    const session = await api.gql<{ addCourseSession: { sessions: Array<{ id: string }> } }>(
      'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id } } }',
      { input: { courseId, moduleId: sessionModule, date: '2026-03-02', startsAt: '12:00', endsAt: '16:00' } },
      COORDINATOR,
    );
    const sessionId = session.data!.addCourseSession.sessions[0].id;
    expect(await fields('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { sessionId, personIds: [people[2]] })).toEqual(['input.personIds']);
    const TASK = 'mutation($input: TaskInput!) { recordTask(input: $input) { id } }';
    expect(await fields(TASK, { courseId, personId: people[0], moduleId: taskModule, submittedOn: '2026-03-10', acceptedOn: '2026-03-01' })).toEqual(['input.acceptedOn']);
    expect(await fields(TASK, { courseId, personId: people[0], moduleId: sessionModule, submittedOn: '2026-03-10' })).toEqual(['input.moduleId']);
    const DROP = 'mutation($input: DropInput!) { dropEnrolment(input: $input) { enrolments { personId status } } }';
    expect(await fields(DROP, { courseId, personId: people[2], droppedOn: '2026-03-03' })).toEqual(['input.personId']);
    const dropped = await api.gql<{ dropEnrolment: { enrolments: Array<{ personId: string; status: string }> } }>(DROP, { input: { courseId, personId: people[1], droppedOn: '2026-03-03' } }, COORDINATOR);
    expect(dropped.data!.dropEnrolment.enrolments.find((e) => e.personId === people[1])!.status).toBe('DROPPED');
    expect(await fields('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { courseId, completedOn: '2026-01-01' })).toEqual(['input.completedOn']);
  });

  it('accepts headcounts only for addressing trainings, each sector once, positive', async () => {
    const HEADCOUNTS = 'mutation($input: SetHeadcountsInput!) { setAddressingHeadcounts(input: $input) { id } }';
    expect(await fields(HEADCOUNTS, { courseId, headcounts: [{ sector: 'OTHER', participants: 3 }] })).toEqual(['input.courseId']);
    const addressing = await api.gql<{ createCourse: { id: string } }>(
      'mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }',
      { input: { programmeId: addressingProgramme, name: 'Puheeksiotto', trainerIds: [people[2]] } },
      COORDINATOR,
    );
    const id = addressing.data!.createCourse.id;
    expect(await fields(HEADCOUNTS, { courseId: id, headcounts: [{ sector: 'OTHER', participants: 3 }, { sector: 'OTHER', participants: 4 }] })).toEqual(['input.headcounts']);
    expect(await fields(HEADCOUNTS, { courseId: id, headcounts: [{ sector: 'OTHER', participants: -3 }] })).toEqual(['input.headcounts.0.participants']);
  });

  it('validates curriculum variants module by module', async () => {
    const CREATE = 'mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { id } }';
    expect(await fields(CREATE, { tier: 4, nameFi: 'x', modules: [{ kind: 'SESSION', themeFi: 'a', hours: 100 }] })).toEqual(['input.tier', 'input.modules.0.hours']);
    expect(await fields(CREATE, { tier: 2, nameFi: 'x', modules: [] })).toEqual(['input.modules']);
  });
});
