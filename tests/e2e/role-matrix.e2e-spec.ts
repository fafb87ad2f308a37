import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '@lahde/platform/auth';
import { GqlResult, TestApi } from '../support/test-api';

const NONE = '00000000-0000-4000-8000-000000000000';
const { NATIONAL_ADMIN: NA, NATIONAL_ANALYST: AN, COUNTY_ADMIN: CA, COUNTY_COORDINATOR: CC, TRAINER: TR, KEY_WORKER: KW, ESF_REPORTER: ESF } = Role;
const ALL = [NA, AN, CA, CC, TR, KW, ESF];
const COUNTY_READERS = [CA, CC, TR, KW, ESF];
const MANAGERS = [CA, CC];
const COURSE_WORKERS = [CA, CC, TR, KW, NA];
/** THL's admins work in THL's own tenant: its trainer training and that course's participants. */
const TRAINING_READERS = [...COUNTY_READERS, NA];
/** Who may delete people of their tenant handles data-subject requests and retention (THL's admins in THL's tenant). */
const PEOPLE_MANAGERS = [CA, CC, NA];

/** Every operation, the roles allowed to call it, and a call with harmless arguments. */
const MATRIX: Array<[string, Role[], string, Record<string, unknown>?]> = [
  ['me', ALL, '{ me { id } }'],
  ['counties', ALL, '{ counties { code } }'],
  ['county', ALL, '{ county(code: "10") { code } }'],
  ['municipalities', ALL, '{ municipalities(countyCode: "10") { code } }'],
  ['organisations', COUNTY_READERS, '{ organisations { totalCount } }'],
  ['organisation', COUNTY_READERS, `{ organisation(id: "${NONE}") { id } }`],
  ['createOrganisation', MANAGERS, 'mutation { createOrganisation(input: { type: OTHER, name: "" }) { id } }'],
  ['updateOrganisation', MANAGERS, `mutation { updateOrganisation(input: { id: "${NONE}", version: 1 }) { id } }`],
  ['units', COUNTY_READERS, '{ units { totalCount } }'],
  ['municipalitiesWithoutActiveKeyWorker', COUNTY_READERS, '{ municipalitiesWithoutActiveKeyWorker { code } }'],
  ['auditLog', MANAGERS, '{ auditLog { action } }'],
  ['nationalMetrics', [NA, AN], '{ nationalMetrics(period: { from: "2025-01-01", to: "2025-12-31" }) { asOf } }'],
  ['metricsTrend', [NA, AN, CA, CC], '{ metricsTrend(period: { from: "2025-01-01", to: "2025-03-31" }) { periodStart } }'],
  ['requestEsfExport', [CA, CC, ESF], 'mutation { requestEsfExport(input: { kind: PARTICIPANTS, format: CSV, period: { from: "2025-12-31", to: "2025-01-01" } }) { id } }'],
  ['exportJob', [CA, CC, ESF], `{ exportJob(id: "${NONE}") { id } }`],
  ['esfExports', [CA, CC, ESF], '{ esfExports { id } }'],
  ['esfIndicators', [CA, CC, ESF], '{ esfIndicators(period: { from: "2025-01-01", to: "2025-12-31" }) { code } }'],
  ['esfNationalIndicators', [NA, AN], '{ esfNationalIndicators(period: { from: "2025-01-01", to: "2025-12-31" }) { asOf } }'],
  ['startRegisterImport', MANAGERS, 'mutation { startRegisterImport(input: { fileName: "x.csv", contentBase64: "!" }) { id } }'],
  ['commitRegisterImport', MANAGERS, `mutation { commitRegisterImport(id: "${NONE}") { id } }`],
  ['registerImport', MANAGERS, `{ registerImport(id: "${NONE}") { id } }`],
  ['registerImports', MANAGERS, '{ registerImports { id } }'],
  ['cascade', [NA, AN, CA, CC], '{ cascade(depth: 1) { id trainers } }'],
  ['countyMetrics', [NA, AN, CA, CC], '{ countyMetrics(countyCode: "20", period: { from: "2025-01-01", to: "2025-12-31" }) { figures { activeKeyWorkers } } }'],
  ['unit', COUNTY_READERS, `{ unit(id: "${NONE}") { id } }`],
  ['createUnit', MANAGERS, `mutation { createUnit(input: { organisationId: "${NONE}", name: "x", sector: OTHER }) { id } }`],
  ['updateUnit', MANAGERS, `mutation { updateUnit(input: { id: "${NONE}", version: 1 }) { id } }`],
  ['people', TRAINING_READERS, '{ people { totalCount } }'],
  ['person', TRAINING_READERS, `{ person(id: "${NONE}") { id } }`],
  ['myProfile', ALL, '{ myProfile { id } }'],
  ['keyWorkerDirectory', [CA, CC, TR, KW], '{ keyWorkerDirectory { totalCount } }'],
  ['createPerson', [CA, CC, NA], 'mutation { createPerson(input: { firstName: "", lastName: "", email: "x" }) { id } }'],
  ['updatePerson', [CA, CC, TR, KW, NA], `mutation { updatePerson(input: { id: "${NONE}", version: 1 }) { id } }`],
  ['programmes', TRAINING_READERS, '{ programmes { id } }'],
  ['programme', TRAINING_READERS, `{ programme(id: "${NONE}") { id } }`],
  ['createProgramme', MANAGERS, 'mutation { createProgramme(input: { tier: 2, nameFi: "", modules: [] }) { id } }'],
  ['courses', TRAINING_READERS, '{ courses { totalCount } }'],
  ['course', TRAINING_READERS, `{ course(id: "${NONE}") { id } }`],
  ['incompleteEnrolments', TRAINING_READERS, '{ incompleteEnrolments { personId } }'],
  ['certificates', TRAINING_READERS, '{ certificates { id } }'],
  ['lineage', [CA, CC, TR, KW, NA], `{ lineage(personId: "${NONE}") { name } }`],
  ['createCourse', COURSE_WORKERS, `mutation { createCourse(input: { programmeId: "${NONE}", name: "x", trainerIds: [] }) { id } }`],
  ['addCourseSession', COURSE_WORKERS, `mutation { addCourseSession(input: { courseId: "${NONE}", date: "2026-01-01", startsAt: "10:00", endsAt: "11:00" }) { id } }`],
  ['enrol', COURSE_WORKERS, `mutation { enrol(input: { courseId: "${NONE}", personIds: ["${NONE}"] }) { id } }`],
  ['dropEnrolment', COURSE_WORKERS, `mutation { dropEnrolment(input: { courseId: "${NONE}", personId: "${NONE}", droppedOn: "2026-01-01" }) { id } }`],
  ['recordAttendance', COURSE_WORKERS, `mutation { recordAttendance(input: { sessionId: "${NONE}", personIds: ["${NONE}"] }) { id } }`],
  ['recordTask', COURSE_WORKERS, `mutation { recordTask(input: { courseId: "${NONE}", personId: "${NONE}", moduleId: "${NONE}", submittedOn: "2026-01-01" }) { id } }`],
  ['setAddressingHeadcounts', COURSE_WORKERS, `mutation { setAddressingHeadcounts(input: { courseId: "${NONE}", headcounts: [] }) { id } }`],
  ['myPersonalData', ALL, '{ myPersonalData { personId } }'],
  ['personalDataReport', PEOPLE_MANAGERS, `{ personalDataReport(personId: "${NONE}") { personId } }`],
  ['erasePerson', PEOPLE_MANAGERS, `mutation { erasePerson(input: { personId: "${NONE}", reason: DATA_SUBJECT_REQUEST, legalBasis: NO_LONGER_NECESSARY }) { personId } }`],
  ['erasureLog', PEOPLE_MANAGERS, '{ erasureLog { subject } }'],
  ['retentionSettings', PEOPLE_MANAGERS, '{ retentionSettings { personYears } }'],
  // Invalid on purpose (personYears 0): the matrix must not change the county's settings.
  ['setRetentionSettings', PEOPLE_MANAGERS, 'mutation { setRetentionSettings(input: { personYears: 0, auditLogYears: 5, esfRetentionUntil: "2031-12-31" }) { personYears } }'],
  ['completeCourse', COURSE_WORKERS, `mutation { completeCourse(input: { courseId: "${NONE}", completedOn: "2026-01-01" }) { id } }`],
];

const auth = (role: Role) => ({ role, county: role === NA || role === AN ? undefined : '20' });

/**
 * Every query and mutation, called by every role: allowed roles never get FORBIDDEN (nor a 500), the
 * others always do. Row-level checks (own county, own record) are proven in the feature suites.
 */
describe('role matrix', () => {
  let api: TestApi;
  beforeAll(async () => (api = await TestApi.start()));
  afterAll(() => api.close());

  it.each(MATRIX.flatMap(([name, allowed, query, variables]) => ALL.map((role) => [name, role, allowed.includes(role), query, variables] as const)))(
    '%s as %s: allowed = %s',
    async (_name, role, allowed, query, variables) => {
      const result: GqlResult<unknown> = await api.gql(query, variables ?? {}, auth(role));
      const codes = (result.errors ?? []).map((e) => e.extensions.code);
      expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
      if (allowed) expect(codes).not.toContain('FORBIDDEN');
      else expect(codes).toEqual(['FORBIDDEN']);
    },
  );

  it('covers every operation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    const covered = new Set([...MATRIX.map(([name]) => name), ...NETWORK_OPERATIONS]);
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });
});

/** The network suite (tests/e2e/network.e2e-spec.ts) covers these roles itself. */
const NETWORK_OPERATIONS: string[] = [
  'memberships', 'membership', 'myMembership', 'changeMembershipStatus', 'reviewRounds', 'reviewRound', 'openReviewRound', 'decideReviewItem',
  'closeReviewRound', 'activities', 'logActivity', 'updateActivity', 'deleteActivity', 'networkEvents', 'createNetworkEvent', 'updateNetworkEvent',
];
