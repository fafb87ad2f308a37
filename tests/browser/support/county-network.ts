import { Role } from '@lahde/platform/auth';
import { TestApi } from '../../support/test-api';

export interface NetworkPerson {
  id: string;
  email: string;
  name: string;
}

export interface CountyNetwork {
  countyCode: string;
  unitId: string;
  trainer: NetworkPerson;
  keyWorker: NetworkPerson;
  participants: NetworkPerson[];
  course: { id: string; name: string; lastSession: { id: string; date: string } };
}

/**
 * A small county network written through the GraphQL API as its coordinator would: an organisation, a
 * unit, a trainer, a certified key worker, and a key worker course whose two participants have attended
 * three of the four days and had their final task accepted: one more day of attendance certifies them.
 */
export async function buildCountyNetwork(api: TestApi, countyCode: string, tag: string): Promise<CountyNetwork> {
  const coordinator = { role: Role.COUNTY_COORDINATOR, county: countyCode };
  const call = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await api.gql<T>(query, variables, coordinator);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const create = async (mutation: string, type: string, input: Record<string, unknown>) =>
    Object.values(await call<Record<string, { id: string }>>(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }))[0].id;

  const organisationId = await create('createOrganisation', 'CreateOrganisationInput', { type: 'COUNTY', name: `Satasairaala ${tag}` });
  const unitId = await create('createUnit', 'CreateUnitInput', { organisationId, name: `Porin perhekeskus ${tag}`, sector: 'SOCIAL_AND_HEALTH_CARE', municipalityCode: '609' });
  const person = async (firstName: string, lastName: string, extra: Record<string, unknown> = {}) => {
    const email = `${firstName}.${lastName}.${tag}@satakunta.test`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    return { id: await create('createPerson', 'CreatePersonInput', { firstName, lastName, email, unitId, gender: 'WOMAN', birthYear: 1985, ...extra }), email, name: `${firstName} ${lastName}` };
  };
  const trainer = await person('Tuula', 'Kouluttaja');
  const keyWorker = await person('Aino', 'Avainhenkilö', { directoryOptIn: true });
  const participants = [await person('Liisa', 'Laine'), await person('Mikko', 'Mäki')];

  const { programmes } = await call<{ programmes: Array<{ id: string; tier: number; isNationalDefault: boolean; modules: Array<{ id: string; kind: string }> }> }>(
    '{ programmes { id tier isNationalDefault modules { id kind } } }',
  );
  const programme = (tier: number) => programmes.find((p) => p.tier === tier && p.isNationalDefault)!;
  const courseOf = async (tier: number, name: string) => create('createCourse', 'CreateCourseInput', { programmeId: programme(tier).id, name, trainerIds: tier === 1 ? [] : [trainer.id] });
  const addSession = async (courseId: string, moduleId: string, date: string) => {
    const r = await call<{ addCourseSession: { sessions: Array<{ id: string; date: string }> } }>(
      'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id date } } }',
      { input: { courseId, moduleId, date, startsAt: '09:00', endsAt: '13:00', place: 'Pori' } },
    );
    return { id: r.addCourseSession.sessions.find((s) => s.date === date)!.id, date };
  };
  const enrol = (courseId: string, personIds: string[]) => call('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId, personIds } });
  const attend = (sessionId: string, personIds: string[]) => call('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId, personIds } });
  const acceptFinalTask = (courseId: string, personIds: string[], tier: number, on: string) =>
    Promise.all(
      personIds.map((personId) =>
        call('mutation($input: TaskInput!) { recordTask(input: $input) { id } }', {
          input: { courseId, personId, moduleId: programme(tier).modules.find((m) => m.kind === 'FINAL_TASK')!.id, submittedOn: on, acceptedOn: on },
        }),
      ),
    );
  const runCourse = async (courseId: string, tier: number, personIds: string[], dates: string[], attendedDays: number) => {
    const days = programme(tier).modules.filter((m) => m.kind === 'SESSION');
    const sessions = [];
    for (const [i, date] of dates.entries()) sessions.push(await addSession(courseId, days[i].id, date));
    await enrol(courseId, personIds);
    for (const session of sessions.slice(0, attendedDays)) await attend(session.id, personIds);
    await acceptFinalTask(courseId, personIds, tier, dates[dates.length - 1]);
    return sessions;
  };

  // The trainer (tier 1) and the key worker (tier 2, an earlier course) are certified already.
  const trainerCourse = await courseOf(1, `Kouluttajakoulutus ${tag}`);
  await runCourse(trainerCourse, 1, [trainer.id], ['2026-01-12', '2026-01-19'], 2);
  await call('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { input: { courseId: trainerCourse, completedOn: '2026-01-26' } });
  const earlier = await courseOf(2, `Avainhenkilökoulutus kevät ${tag}`);
  await runCourse(earlier, 2, [keyWorker.id], ['2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'], 4);
  await call('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { input: { courseId: earlier, completedOn: '2026-02-23' } });

  const name = `Avainhenkilökoulutus syksy ${tag}`;
  const courseId = await courseOf(2, name);
  const sessions = await runCourse(courseId, 2, participants.map((p) => p.id), ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28'], 3);
  return { countyCode, unitId, trainer, keyWorker, participants, course: { id: courseId, name, lastSession: sessions[3] } };
}
