import { getQueueToken } from '@nestjs/bull';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bull';
import { Client } from 'pg';
import { Role } from '@lahde/platform/auth';
import { loadConfig } from '@lahde/platform/config';
import { Queues, TenantJobData } from '@lahde/platform/queue';
import { RETENTION_ALL_JOB, RETENTION_JOB, RetentionOutcome } from '@lahde/domain/privacy';
import { countyId, inTenant, ownerClient, runtimeClient } from '@lahde/testing';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { errorCodes, GqlResult, TestApi } from '../support/test-api';

/** Queues of this suite alone: its worker must not take other suites' jobs, nor they this suite's. */
const OWN_QUEUES = 'privacy-e2e';
const HOME = '12';
const OTHER = '03';
const COORDINATOR = { role: Role.COUNTY_COORDINATOR, county: HOME };
const ANNA = { email: 'anna.avain@esavo.test', phone: '+358 40 765 4321', first: 'Annukka', last: 'Avainsalo' };
/** The selection the API guide documents (docs/api-guide.md, Privacy), so the documented query is known to pass the limits. */
const REPORT = `personId countyCode generatedAt downloadPath
  profile { firstName lastName email phone jobTitle workAddress unitName organisationName gender birthYear educationLevel esfDataEntered directoryOptIn erasedAt }
  memberships { status since history { status effectiveOn reason recordedAt } reviews { year outcome note } }
  enrolments { courseName tier status completedOn attended tasks { theme submittedOn acceptedOn } }
  certificates { kind issuedOn courseName byThl }
  activities { kind occurredOn count note courseName }
  lineage { trainedBy { courseName trainers } trained { courseName participants } }
  esf { participant employmentStatus gender birthYear ageBandAtEntry educationLevel esfDataEntered courses { courseName firstSession lastSession status } }
  accessLog { at actor actorRole action entity fields purpose purposeRecorded }`;
const ERASE = 'mutation($input: ErasePersonInput!) { erasePerson(input: $input) { at actor subject personId reason legalBasis caseReference removed kept entries } }';
const ERASE_INPUT = { reason: 'DATA_SUBJECT_REQUEST', legalBasis: 'NO_LONGER_NECESSARY', caseReference: 'KH/2026/17' };
const INDICATORS = '{ esfIndicators(period: { from: "2025-01-01", to: "2025-12-31" }) { code value } }';

type Auth = string | { role: Role; county?: string };
type Report = {
  personId: string;
  profile: Record<string, unknown>;
  accessLog: Array<{ actor: string; actorRole: string | null; action: string; entity: string; fields: string[]; purpose: string; purposeRecorded: boolean }>;
} & Record<string, unknown>;

/**
 * GDPR duties over real HTTP, PostgreSQL and Redis: the right of access (own report, a coordinator's
 * report for a request by mail, as JSON and as a file), erasure (what goes, what stays for ESF+, the
 * erasure log, all or nothing, once), and the daily retention job per county in the worker.
 */
describe('privacy: access, erasure and retention', () => {
  let api: TestApi;
  let owner: Client;
  let home: string;
  let annaToken: string;
  const ids: Record<string, string> = {};

  const call = async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, auth: Auth = COORDINATOR): Promise<T> => {
    const result: GqlResult<T> = await api.gql<T>(query, variables, auth);
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data as T;
  };
  const keyWorker = (email: string, subject: string) => api.issuer.token(Role.KEY_WORKER, HOME, { email, subject });
  /** The person's row and the county's text as the owner sees them, inside the county's tenant. */
  const asOwner = <T>(work: () => Promise<T>) => inTenant(owner, home, work);
  /** Fixtures the API cannot make (dates in the past), committed as the owner inside the county's tenant. */
  const arrange = async (work: () => Promise<unknown>) => {
    await owner.query('BEGIN');
    try {
      await owner.query("SELECT set_config('app.tenant_id', $1, true)", [home]);
      await work();
      await owner.query('COMMIT');
    } catch (error) {
      await owner.query('ROLLBACK');
      throw error;
    }
  };

  beforeAll(async () => {
    api = await TestApi.start({ env: { RUN_JOBS_IN_API: 'false', QUEUE_PREFIX: OWN_QUEUES } });
    owner = await ownerClient();
    home = await countyId(owner, HOME);
    annaToken = await keyWorker(ANNA.email, 'anna-sub');

    const { createOrganisation } = await call<{ createOrganisation: { id: string } }>('mutation { createOrganisation(input: { type: COUNTY, name: "Etelä-Savon hyvinvointialue" }) { id } }');
    const { createUnit } = await call<{ createUnit: { id: string } }>('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', {
      input: { organisationId: createOrganisation.id, name: 'Mikkelin perhekeskus', sector: 'SOCIAL_AND_HEALTH_CARE' },
    });
    const person = async (input: Record<string, unknown>) =>
      (await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { input })).createPerson.id;
    ids.tiina = await person({ firstName: 'Tiina', lastName: 'Kouluttaja', email: 'tiina@esavo.test' });
    ids.anna = await person({
      firstName: ANNA.first, lastName: ANNA.last, email: ANNA.email, phone: ANNA.phone, jobTitle: 'Sosiaalityöntekijä', workAddress: 'Porrassalmenkatu 1, Mikkeli',
      unitId: createUnit.id, gender: 'WOMAN', birthYear: 1990, educationLevel: 'ISCED_5_8', esfDataEntered: true, directoryOptIn: true,
    });
    ids.bertta = await person({ firstName: 'Bertta', lastName: 'Bergström', email: 'bertta@esavo.test', unitId: createUnit.id, gender: 'WOMAN', birthYear: 1968, educationLevel: 'ISCED_3_4' });

    const { programmes } = await call<{ programmes: Array<{ id: string; modules: Array<{ id: string; kind: string }> }> }>('{ programmes(tier: 2) { id modules { id kind } } }');
    const sessions = programmes[0].modules.filter((m) => m.kind === 'SESSION');
    const { createCourse } = await call<{ createCourse: { id: string } }>('mutation($input: CreateCourseInput!) { createCourse(input: $input) { id } }', {
      input: { programmeId: programmes[0].id, name: 'Mikkeli kevät 2025', trainerIds: [ids.tiina] },
    });
    const courseId = createCourse.id;
    await call('mutation($input: EnrolInput!) { enrol(input: $input) { id } }', { input: { courseId, personIds: [ids.anna, ids.bertta] } });
    for (const [i, date] of ['2025-03-04', '2025-03-18', '2025-04-01', '2025-04-15'].entries()) {
      const r = await call<{ addCourseSession: { sessions: Array<{ id: string; date: string }> } }>(
        'mutation($input: AddSessionInput!) { addCourseSession(input: $input) { sessions { id date } } }',
        { input: { courseId, moduleId: sessions[i].id, date, startsAt: '12:00', endsAt: '16:00' } },
      );
      const sessionId = r.addCourseSession.sessions.find((s) => s.date === date)!.id;
      await call('mutation($input: AttendanceInput!) { recordAttendance(input: $input) { id } }', { input: { sessionId, personIds: [ids.anna, ids.bertta] } });
    }
    const finalTask = programmes[0].modules.find((m) => m.kind === 'FINAL_TASK')!.id;
    for (const personId of [ids.anna, ids.bertta]) {
      await call('mutation($input: TaskInput!) { recordTask(input: $input) { id } }', { input: { courseId, personId, moduleId: finalTask, submittedOn: '2025-04-20', acceptedOn: '2025-04-22' } });
    }
    await call('mutation($input: CompleteCourseInput!) { completeCourse(input: $input) { id } }', { input: { courseId, completedOn: '2025-04-22' } });
    // Anna's own free text, with her name and number in it: erasure must clear it.
    await call('mutation($input: LogActivityInput!) { logActivity(input: $input) { id } }', {
      input: { kind: 'CONSULTATION', occurredOn: '2025-05-06', note: `Konsultaatio, soita ${ANNA.first} ${ANNA.last} ${ANNA.phone}` },
    }, annaToken);
  });
  afterAll(async () => {
    await owner.end();
    await api.close();
  });

  describe('right of access', () => {
    it("gives a key worker their own data, with a coordinator's earlier read in the access log, and audits the request", async () => {
      await call('query($id: ID!) { person(id: $id) { id } }', { id: ids.anna });
      const { myPersonalData: report } = await call<{ myPersonalData: Report }>(`{ myPersonalData { ${REPORT} } }`, {}, annaToken);

      expect(report).toMatchObject({
        personId: ids.anna,
        countyCode: HOME,
        downloadPath: '/privacy/personal-data',
        profile: { firstName: ANNA.first, lastName: ANNA.last, email: ANNA.email, phone: ANNA.phone, directoryOptIn: true, gender: 'WOMAN', birthYear: 1990, erasedAt: null },
        memberships: [{ status: 'ACTIVE' }],
        enrolments: [{ courseName: 'Mikkeli kevät 2025', tier: 2, status: 'COMPLETED', completedOn: '2025-04-22', attended: ['2025-03-04', '2025-03-18', '2025-04-01', '2025-04-15'], tasks: [{ theme: 'Final task', acceptedOn: '2025-04-22' }] }],
        certificates: [{ kind: 'KEY_WORKER', issuedOn: '2025-04-22', courseName: 'Mikkeli kevät 2025', byThl: false }],
        activities: [{ kind: 'CONSULTATION', occurredOn: '2025-05-06' }],
        lineage: { trainedBy: [{ courseName: 'Mikkeli kevät 2025', trainers: ['Tiina Kouluttaja'] }], trained: [] },
        esf: {
          participant: true, employmentStatus: 'EMPLOYED', gender: 'WOMAN', birthYear: 1990, ageBandAtEntry: '30-54', educationLevel: 'ISCED_5_8', esfDataEntered: true,
          courses: [{ courseName: 'Mikkeli kevät 2025', firstSession: '2025-03-04', lastSession: '2025-04-15', status: 'COMPLETED' }],
        },
      });
      const log = report.accessLog;
      // Newest first: the request itself, recorded with its purpose.
      expect(log[0]).toMatchObject({ action: 'READ_PERSONAL', entity: 'Person', fields: ['accessReport'], actorRole: 'KEY_WORKER', purpose: 'DATA_SUBJECT_REQUEST', purposeRecorded: true });
      expect(log).toContainEqual(expect.objectContaining({ action: 'READ_PERSONAL', entity: 'Person', actorRole: 'COUNTY_COORDINATOR', purpose: 'NETWORK_ADMINISTRATION', purposeRecorded: false }));
      expect(log).toContainEqual(expect.objectContaining({ action: 'CREATE', entity: 'Activity', actorRole: 'KEY_WORKER', purpose: 'SELF_SERVICE' }));
      expect(log).toContainEqual(expect.objectContaining({ action: 'CREATE', entity: 'Certificate', actorRole: 'COUNTY_COORDINATOR' }));
      expect(log.every((e) => e.actor.endsWith('#anna-sub') || e.actor.endsWith('#county_coordinator-12'))).toBe(true);

      const audited = await inTenant(owner, home, () =>
        owner.query("SELECT actor_role, purpose FROM audit_log WHERE entity = 'Person' AND entity_id = $1 AND fields = '{accessReport}'", [ids.anna]),
      );
      expect(audited.rows).toEqual([{ actor_role: 'KEY_WORKER', purpose: 'DATA_SUBJECT_REQUEST' }]);
    });

    it('offers the same report as a JSON file download, audited again', async () => {
      const res = await api.http.get('/privacy/personal-data').set('authorization', `Bearer ${annaToken}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lahde-personal-data-\d{4}-\d{2}-\d{2}\.json"$/);
      const file = JSON.parse(res.text) as Report;
      expect(file.profile).toMatchObject({ email: ANNA.email, phone: ANNA.phone });
      expect(file.accessLog.filter((e) => e.fields.includes('accessReport'))).toHaveLength(2);
    });

    it('gives a coordinator the report of a person of their county, for a request received by mail', async () => {
      const { personalDataReport } = await call<{ personalDataReport: Report }>(`query($id: ID!) { personalDataReport(personId: $id) { ${REPORT} } }`, { id: ids.anna });
      expect(personalDataReport.profile).toMatchObject({ email: ANNA.email });
      expect(personalDataReport.accessLog[0]).toMatchObject({ actorRole: 'COUNTY_COORDINATOR', purpose: 'DATA_SUBJECT_REQUEST' });
      const token = await api.token(Role.COUNTY_COORDINATOR, HOME);
      const res = await api.http.get(`/privacy/personal-data/${ids.anna}`).set('authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text).personId).toBe(ids.anna);
    });

    it("never gives a key worker someone else's report", async () => {
      const bertta = await keyWorker('bertta@esavo.test', 'bertta-sub');
      const own = await call<{ myPersonalData: Report }>('{ myPersonalData { personId profile { email } } }', {}, bertta);
      expect(own.myPersonalData).toMatchObject({ personId: ids.bertta, profile: { email: 'bertta@esavo.test' } });
      expect(errorCodes(await api.gql('query($id: ID!) { personalDataReport(personId: $id) { personId } }', { id: ids.anna }, bertta))).toEqual(['FORBIDDEN']);
      expect((await api.http.get(`/privacy/personal-data/${ids.anna}`).set('authorization', `Bearer ${bertta}`)).status).toBe(403);
      const nobody = await keyWorker('nobody@esavo.test', 'nobody-sub');
      expect(errorCodes(await api.gql('{ myPersonalData { personId } }', {}, nobody))).toEqual(['NOT_FOUND']);
      expect((await api.http.get('/privacy/personal-data').set('authorization', `Bearer ${nobody}`)).status).toBe(404);
    });

    it("answers NOT_FOUND to a coordinator of another county, by GraphQL and by download", async () => {
      const other = { role: Role.COUNTY_COORDINATOR, county: OTHER };
      expect(errorCodes(await api.gql('query($id: ID!) { personalDataReport(personId: $id) { personId } }', { id: ids.anna }, other))).toEqual(['NOT_FOUND']);
      const res = await api.http.get(`/privacy/personal-data/${ids.anna}`).set('authorization', `Bearer ${await api.token(Role.COUNTY_COORDINATOR, OTHER)}`);
      expect(res.status).toBe(404);
      expect(errorCodes(await api.gql(ERASE, { input: { personId: ids.anna, ...ERASE_INPUT } }, other))).toEqual(['NOT_FOUND']);
    });
  });

  describe('erasure', () => {
    const annaRow = () => asOwner(async () => (await owner.query('SELECT first_name, last_name, email, phone, erased_at FROM people WHERE id = $1', [ids.anna])).rows[0]);
    const erasureRows = () => asOwner(async () => (await owner.query('SELECT count(*)::int AS n FROM erasure_log WHERE person_id = $1', [ids.anna])).rows[0].n);

    it('refuses bad input and an active member, naming the field, and writes nothing', async () => {
      const bad = await api.gql(ERASE, { input: { personId: ids.anna, reason: 'RETENTION', legalBasis: 'RETENTION_PERIOD_ENDED', caseReference: 'Annukka Avainsalo, puh. 040' } }, COORDINATOR);
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.caseReference', 'input.legalBasis', 'input.reason']);
      const active = await api.gql(ERASE, { input: { personId: ids.anna, ...ERASE_INPUT } }, COORDINATOR);
      expect(active.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.personId' }] });
      expect(await annaRow()).toMatchObject({ email: ANNA.email, erased_at: null });
      expect(await erasureRows()).toBe(0);
    });

    it('rolls back everything when it is interrupted halfway', async () => {
      const { myMembership } = await call<{ myMembership: { id: string; version: number } }>('{ myMembership { id version } }', {}, annaToken);
      await call('mutation($input: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $input) { id } }', {
        input: { membershipId: myMembership.id, version: myMembership.version, status: 'LEFT_ORGANISATION', effectiveOn: '2026-01-15', reason: `${ANNA.first} muutti Tampereelle` },
      });
      // The erasure log refuses the row: the person, activities and history were already changed in the transaction.
      await owner.query('ALTER TABLE erasure_log ADD CONSTRAINT privacy_e2e_interrupt CHECK (false) NOT VALID');
      try {
        expect(errorCodes(await api.gql(ERASE, { input: { personId: ids.anna, ...ERASE_INPUT } }, COORDINATOR))).toEqual(['INTERNAL_SERVER_ERROR']);
      } finally {
        await owner.query('ALTER TABLE erasure_log DROP CONSTRAINT privacy_e2e_interrupt');
      }
      expect(await annaRow()).toMatchObject({ first_name: ANNA.first, email: ANNA.email, phone: ANNA.phone, erased_at: null });
      const notes = await asOwner(() => owner.query('SELECT note FROM activities WHERE person_id = $1', [ids.anna]));
      expect(notes.rows[0].note).toContain(ANNA.phone);
      const audits = await asOwner(() => owner.query("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'DELETE'", [ids.anna]));
      expect(audits.rows[0].n).toBe(0);
    });

    it('removes name, e-mail and phone everywhere, keeps the ESF+ participation, logs and audits it, and refreshes metrics', async () => {
      const before = await call<{ esfIndicators: Array<{ code: string; value: number }> }>(INDICATORS);
      const metricsQueue = api.app.get<Queue>(getQueueToken(Queues.metrics));
      // Earlier writes' refreshes are still waiting (this suite runs no worker yet): clear them, so the one found below is the erasure's.
      for (const job of await metricsQueue.getJobs(['delayed', 'waiting'])) await job.remove();

      const { erasePerson } = await call<{ erasePerson: Record<string, unknown> }>(ERASE, { input: { personId: ids.anna, ...ERASE_INPUT } });
      expect(erasePerson).toMatchObject({ subject: 'PERSON', personId: ids.anna, reason: 'DATA_SUBJECT_REQUEST', legalBasis: 'NO_LONGER_NECESSARY', caseReference: 'KH/2026/17', entries: 1 });
      expect(erasePerson['removed']).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'phone', 'jobTitle', 'workAddress', 'directoryOptIn', 'activityNotes', 'membershipChangeReasons']));
      expect(erasePerson['kept']).toEqual(expect.arrayContaining(['pseudonymousId', 'enrolments', 'certificates', 'gender', 'birthYear', 'educationLevel', 'unit']));
      expect(erasePerson['removed']).not.toContain('birthYear');

      // Through the API: an anonymised record, nothing to find by name, out of the directory.
      const { person } = await call<{ person: Record<string, unknown> }>('query($id: ID!) { person(id: $id) { firstName lastName email phone jobTitle workAddress directoryOptIn gender birthYear educationLevel } }', { id: ids.anna });
      expect(person).toEqual({
        firstName: 'Poistettu', lastName: expect.stringMatching(/^P-[0-9a-f]{10}$/), email: `erased-${ids.anna}@erased.invalid`, phone: null, jobTitle: null, workAddress: null,
        directoryOptIn: false, gender: 'WOMAN', birthYear: 1990, educationLevel: 'ISCED_5_8',
      });
      expect((await call<{ people: { totalCount: number } }>('{ people(search: "Avainsalo") { totalCount } }')).people.totalCount).toBe(0);
      const { lineage } = await call<{ lineage: { trained: Array<{ name: string }> } }>('query($id: ID!) { lineage(personId: $id) { trained { name } } }', { id: ids.tiina });
      expect(lineage.trained.map((l) => l.name).sort()).toEqual(['Bertta Bergström', `Poistettu ${person['lastName']}`]);
      // Her sign-in no longer matches a record.
      expect(errorCodes(await api.gql('{ myPersonalData { personId } }', {}, annaToken))).toEqual(['NOT_FOUND']);

      // In the database: no trace of her name, e-mail or phone in any text of the county's rows.
      expect(await tracesInCounty(owner, home, [ANNA.email, ANNA.first, ANNA.last, ANNA.phone, 'Porrassalmenkatu', 'Sosiaalityöntekijä'])).toEqual([]);

      // ESF+: still counted, with the same indicator values.
      expect((await call<{ esfIndicators: Array<{ code: string; value: number }> }>(INDICATORS)).esfIndicators).toEqual(before.esfIndicators);
      expect(before.esfIndicators.find((i) => i.code === 'EECO01')?.value).toBe(2);

      const logged = await asOwner(() => owner.query("SELECT reason, legal_basis, actor FROM erasure_log WHERE person_id = $1 AND subject = 'PERSON'", [ids.anna]));
      expect(logged.rows).toEqual([{ reason: 'DATA_SUBJECT_REQUEST', legal_basis: 'NO_LONGER_NECESSARY', actor: expect.stringMatching(/#county_coordinator-12$/) }]);
      const audited = await asOwner(() => owner.query("SELECT actor_role, purpose FROM audit_log WHERE entity_id = $1 AND action = 'DELETE'", [ids.anna]));
      expect(audited.rows).toEqual([{ actor_role: 'COUNTY_COORDINATOR', purpose: 'ERASURE' }]);
      const refresh = (await metricsQueue.getJobs(['delayed', 'waiting'])).map((j) => String(j.id));
      expect(refresh.some((id) => id.startsWith(`refresh:${home}:`))).toBe(true);
    });

    it('is done once: a second erasure is a CONFLICT and changes nothing', async () => {
      const again = await api.gql(ERASE, { input: { personId: ids.anna, ...ERASE_INPUT } }, COORDINATOR);
      expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'input.personId' }] });
      expect(await erasureRows()).toBe(1);
      const { erasureLog } = await call<{ erasureLog: Array<{ personId: string; subject: string }> }>('{ erasureLog { personId subject } }');
      expect(erasureLog.filter((e) => e.personId === ids.anna)).toEqual([{ personId: ids.anna, subject: 'PERSON' }]);
      // The log is append-only for the runtime role: no one can rewrite or remove an erasure through Lähde.
      const db = await runtimeClient();
      try {
        await inTenant(db, home, async () => {
          await expect(db.query("UPDATE erasure_log SET reason = 'CONTROLLER_DECISION' WHERE person_id = $1", [ids.anna])).rejects.toThrow(/permission denied/);
        });
        await inTenant(db, home, async () => {
          await expect(db.query('DELETE FROM erasure_log WHERE person_id = $1', [ids.anna])).rejects.toThrow(/permission denied/);
        });
      } finally {
        await db.end();
      }
    });
  });

  describe('retention', () => {
    let worker: INestApplicationContext;
    let queue: Queue<TenantJobData>;
    const run = async (jobId?: string): Promise<RetentionOutcome> => (await (await queue.add(RETENTION_JOB, { tenantId: home, requestedBy: 'test' }, { jobId, removeOnComplete: false })).finished()) as RetentionOutcome;

    beforeAll(async () => {
      worker = await NestFactory.createApplicationContext(WorkerModule.register(loadConfig({ ...process.env, QUEUE_PREFIX: OWN_QUEUES })), { logger: ['error'] });
      queue = worker.get(getQueueToken(Queues.maintenance));
    });
    afterAll(() => worker.close());

    it('still lists an erased participant in the ESF+ participant export, under the pseudonym and with the ESF fields', async () => {
      const EXPORT = 'id status rowCount downloadUrl';
      const { requestEsfExport } = await call<{ requestEsfExport: { id: string } }>(`mutation { requestEsfExport(input: { kind: PARTICIPANTS, format: CSV_SEMICOLON, period: { from: "2025-01-01", to: "2025-12-31" } }) { ${EXPORT} } }`);
      let done: { status: string; rowCount: number; downloadUrl: string } | undefined;
      for (let i = 0; i < 300 && done?.status !== 'DONE'; i++) {
        done = (await call<{ exportJob: typeof done }>(`query($id: ID!) { exportJob(id: $id) { ${EXPORT} } }`, { id: requestEsfExport.id })).exportJob;
        if (done?.status !== 'DONE') await new Promise((r) => setTimeout(r, 100));
      }
      expect(done).toMatchObject({ status: 'DONE', rowCount: 2 });
      const res = await api.http.get(done!.downloadUrl).set('authorization', `Bearer ${await api.token(Role.COUNTY_COORDINATOR, HOME)}`);
      const text = String(res.text ?? res.body);
      expect(text.toLowerCase()).not.toContain('anna.avain');
      expect(text).not.toContain(ANNA.last);
      const anna = text.split('\r\n').find((line) => line.includes('Poistettu'))!.split(';');
      expect(anna).toEqual(['Mikkeli kevät 2025', 'Avainhenkilökoulutus', '2025-03-04', '2025-04-15', 'Poistettu', expect.stringMatching(/^P-[0-9a-f]{10}$/),
        `erased-${ids.anna}@erased.invalid`, 'Suoritettu', '2025-04-22', 'Nainen', '1990', '30–54', 'ISCED 5–8', 'Työllinen', 'Kyllä']);
    });

    it("anonymises who left long ago and leaves recent ones alone, in the county's own context, once even if delivered twice", async () => {
      const person = async (firstName: string, lastName: string, email: string) =>
        (await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', { input: { firstName, lastName, email, gender: 'MAN', birthYear: 1970 } })).createPerson.id;
      ids.olli = await person('Olli', 'Vanhanen', 'olli.vanhanen@esavo.test'); // never in the network, last touched 5 years ago
      ids.rea = await person('Rea', 'Tuoreinen', 'rea.tuoreinen@esavo.test'); // recent
      const { memberships } = await call<{ memberships: { nodes: Array<{ id: string; personId: string; version: number }> } }>('{ memberships(status: ACTIVE) { nodes { id personId version } } }');
      const bertta = memberships.nodes.find((m) => m.personId === ids.bertta)!;
      await call('mutation($input: ChangeMembershipStatusInput!) { changeMembershipStatus(input: $input) { id } }', {
        input: { membershipId: bertta.id, version: bertta.version, status: 'LEFT_ROLE', effectiveOn: '2026-01-15' },
      });
      await arrange(async () => {
        await owner.query("UPDATE people SET updated_at = now() - interval '5 years' WHERE id = $1", [ids.olli]);
        await owner.query("UPDATE memberships SET since = '2021-06-30' WHERE person_id = $1", [ids.bertta]);
        await owner.query("INSERT INTO audit_log (at, actor, action, entity) VALUES (now() - interval '6 years', 'test', 'READ_PERSONAL', 'Person'), (now() - interval '3 years', 'test', 'READ_PERSONAL', 'Person')");
      });

      // Delivered twice at once: the per-county lock lets one do the work, the other finds nothing.
      const outcomes = await Promise.all([run(), run()]);
      expect(outcomes.map((o) => o.tenantId)).toEqual([home, home]);
      expect(outcomes.map((o) => o.anonymised).sort()).toEqual([0, 2]);
      expect(outcomes.map((o) => o.auditEntriesDeleted).sort()).toEqual([0, 1]);
      expect(outcomes.every((o) => o.esfDataRemoved === 0)).toBe(true);

      const rows = await asOwner(async () => (await owner.query('SELECT id, first_name, email, gender, birth_year, erased_at IS NOT NULL AS erased FROM people WHERE id = ANY($1)', [[ids.olli, ids.rea, ids.bertta]])).rows);
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(byId[ids.rea]).toMatchObject({ first_name: 'Rea', email: 'rea.tuoreinen@esavo.test', erased: false });
      // Olli took no ESF+ course: his ESF fields go too. Bertta did: hers stay until the audit period ends.
      expect(byId[ids.olli]).toMatchObject({ first_name: 'Poistettu', gender: null, birth_year: null, erased: true });
      expect(byId[ids.bertta]).toMatchObject({ first_name: 'Poistettu', gender: 'WOMAN', birth_year: 1968, erased: true });
      expect(await tracesInCounty(owner, home, ['olli.vanhanen@', 'Vanhanen', 'bertta@', 'Bergström'])).toEqual([]);

      const log = await asOwner(async () => (await owner.query("SELECT subject, person_id, reason, legal_basis, actor, entries FROM erasure_log WHERE reason = 'RETENTION' ORDER BY subject, person_id")).rows);
      expect(log).toEqual(expect.arrayContaining([
        { subject: 'AUDIT_LOG', person_id: null, reason: 'RETENTION', legal_basis: 'RETENTION_PERIOD_ENDED', actor: 'system', entries: 1 },
        { subject: 'PERSON', person_id: ids.olli, reason: 'RETENTION', legal_basis: 'RETENTION_PERIOD_ENDED', actor: 'system', entries: 1 },
        { subject: 'PERSON', person_id: ids.bertta, reason: 'RETENTION', legal_basis: 'RETENTION_PERIOD_ENDED', actor: 'system', entries: 1 },
      ]));
      expect(log).toHaveLength(3);
      const audit = await asOwner(async () => (await owner.query("SELECT count(*) FILTER (WHERE at < now() - interval '5 years')::int AS old, count(*) FILTER (WHERE actor = 'test')::int AS kept FROM audit_log")).rows[0]);
      expect(audit).toEqual({ old: 0, kept: 1 });

      // Delivered again later: nothing left to do.
      expect(await run()).toEqual({ tenantId: home, anonymised: 0, esfDataRemoved: 0, auditEntriesDeleted: 0 });
      expect(await tracesInCounty(owner, home, ['rea.tuoreinen@'])).not.toEqual([]);
    });

    it('is scheduled daily in the worker and fans out to every tenant, each job reaching its county', async () => {
      const repeatable = await queue.getRepeatableJobs();
      expect(repeatable).toContainEqual(expect.objectContaining({ name: RETENTION_ALL_JOB, cron: '30 2 * * *', tz: 'Europe/Helsinki' }));
      const { createPerson } = await call<{ createPerson: { id: string } }>('mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }', {
        input: { firstName: 'Veikko', lastName: 'Vanhakoski', email: 'veikko.vanhakoski@esavo.test' },
      });
      await arrange(() => owner.query("UPDATE people SET updated_at = now() - interval '4 years' WHERE id = $1", [createPerson.id]));
      const tenants = (await owner.query('SELECT count(*)::int AS n FROM counties')).rows[0].n;
      expect(await (await (queue as Queue).add(RETENTION_ALL_JOB, {}, { removeOnComplete: false })).finished()).toBe(tenants);
      for (let i = 0; i < 300; i++) {
        const counts = await queue.getJobCounts();
        // The repeatable job itself stays delayed until 02:30.
        if (counts.waiting + counts.active === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const row = await asOwner(async () => (await owner.query('SELECT first_name, erased_at IS NOT NULL AS erased FROM people WHERE id = $1', [createPerson.id])).rows[0]);
      expect(row).toEqual({ first_name: 'Poistettu', erased: true });
    });

    it('removes the ESF+ fields of erased participants once the audit period has ended, and logs it', async () => {
      await arrange(() => owner.query("INSERT INTO privacy_settings (esf_retention_until) VALUES ('2025-12-31')"));
      expect(await run()).toMatchObject({ anonymised: 0, esfDataRemoved: 2 });
      const rows = await asOwner(async () => (await owner.query('SELECT gender, birth_year, education_level, unit_id FROM people WHERE id = ANY($1)', [[ids.anna, ids.bertta]])).rows);
      expect(rows).toEqual([
        { gender: null, birth_year: null, education_level: null, unit_id: null },
        { gender: null, birth_year: null, education_level: null, unit_id: null },
      ]);
      const logged = await asOwner(async () => (await owner.query("SELECT person_id FROM erasure_log WHERE subject = 'ESF_DATA' ORDER BY person_id")).rows.map((r) => r.person_id));
      expect(logged).toEqual([ids.anna, ids.bertta].sort());
      // Participation itself is still counted.
      const { esfIndicators } = await call<{ esfIndicators: Array<{ code: string; value: number }> }>(INDICATORS);
      expect(esfIndicators.find((i) => i.code === 'EECO01')?.value).toBe(2);
      expect(await run()).toMatchObject({ anonymised: 0, esfDataRemoved: 0 });
    });
  });

  describe('retention settings', () => {
    const SETTINGS = 'personYears auditLogYears esfRetentionUntil isDefault';
    const SET = `mutation($input: SetRetentionSettingsInput!) { setRetentionSettings(input: $input) { ${SETTINGS} } }`;
    const coordinator = (county: string) => ({ role: Role.COUNTY_COORDINATOR, county });

    it("keeps each county's periods to itself, with defaults until set", async () => {
      const set = await call<{ setRetentionSettings: unknown }>(SET, { input: { personYears: 2, auditLogYears: 7, esfRetentionUntil: '2032-12-31' } }, coordinator('08'));
      expect(set.setRetentionSettings).toEqual({ personYears: 2, auditLogYears: 7, esfRetentionUntil: '2032-12-31', isDefault: false });
      expect((await call<{ retentionSettings: unknown }>(`{ retentionSettings { ${SETTINGS} } }`, {}, coordinator('08'))).retentionSettings).toMatchObject({ personYears: 2, isDefault: false });
      expect((await call<{ retentionSettings: unknown }>(`{ retentionSettings { ${SETTINGS} } }`, {}, coordinator(OTHER))).retentionSettings).toEqual({
        personYears: 3, auditLogYears: 5, esfRetentionUntil: '2031-12-31', isDefault: true,
      });
      const db = await runtimeClient();
      try {
        const seen = await inTenant(db, await countyId(db, OTHER), async () => (await db.query('SELECT count(*)::int AS n FROM privacy_settings')).rows[0].n);
        expect(seen).toBe(0);
      } finally {
        await db.end();
      }
    });

    it('validates the ranges and names the fields', async () => {
      const bad = await api.gql(SET, { input: { personYears: 0, auditLogYears: 1, esfRetentionUntil: '2031-02-30' } }, coordinator('08'));
      expect(bad.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(bad.errors?.[0].extensions.fields?.map((f) => f.field).sort()).toEqual(['input.auditLogYears', 'input.esfRetentionUntil', 'input.personYears']);
      const early = await api.gql(SET, { input: { personYears: 3, auditLogYears: 5, esfRetentionUntil: '2026-12-31' } }, coordinator('08'));
      expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.esfRetentionUntil' }] });
      expect((await call<{ retentionSettings: { personYears: number } }>('{ retentionSettings { personYears } }', {}, coordinator('08'))).retentionSettings.personYears).toBe(2);
    });
  });
});

/**
 * Every text, text-array and JSON value of the county's rows (public schema as the owner inside the
 * county's tenant, aggregates as the runtime role) that contains one of `needles`, as "table.column".
 */
async function tracesInCounty(owner: Client, tenantId: string, needles: string[]): Promise<string[]> {
  const { rows: columns } = await owner.query(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column FROM information_schema.columns c
      WHERE c.table_schema IN ('public', 'metrics') AND c.data_type IN ('text', 'character varying', 'ARRAY', 'jsonb', 'json')
        AND EXISTS (SELECT 1 FROM information_schema.columns t WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.column_name = 'tenant_id')
        AND EXISTS (SELECT 1 FROM information_schema.tables v WHERE v.table_schema = c.table_schema AND v.table_name = c.table_name AND v.table_type = 'BASE TABLE')`,
  );
  const runtime = await runtimeClient();
  const found: string[] = [];
  try {
    for (const { schema, table, column } of columns) {
      const client = schema === 'public' ? owner : runtime;
      const patterns = needles.map((n) => `%${n.toLowerCase()}%`);
      const { rows } = await inTenant(client, tenantId, () =>
        client.query(`SELECT count(*)::int AS n FROM ${schema}.${table} WHERE lower("${column}"::text) LIKE ANY($1)`, [patterns]),
      );
      if (rows[0].n > 0) found.push(`${schema}.${table}.${column}`);
    }
  } finally {
    await runtime.end();
  }
  return found;
}
