/** The API's course operations and the shapes this area reads from them (see apps/api/schema.graphql). */

export type ModuleKind = 'SESSION' | 'PRE_TASK' | 'INTERMEDIATE_TASK' | 'FINAL_TASK';
export type EnrolmentStatus = 'ENROLLED' | 'COMPLETED' | 'DROPPED';

export interface ProgrammeModule {
  id: string;
  position: number;
  kind: ModuleKind;
  hours: number | null;
  required: boolean;
  themeFi: string;
  themeSv: string;
  themeEn: string;
}

export interface Programme {
  id: string;
  tier: number;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  minSessions: number | null;
  totalHours: number;
  modules: ProgrammeModule[];
}

export interface PersonRef {
  personId: string;
  name: string;
}

export interface CourseSession {
  id: string;
  date: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  theme: string | null;
  moduleId: string | null;
  isMakeup: boolean;
  attendeeCount: number;
  /** People marked present. */
  attendeeIds: string[];
  trainers: PersonRef[];
}

export interface Enrolment {
  id: string;
  personId: string;
  name: string;
  status: EnrolmentStatus;
  completedOn: string | null;
  attendedSessions: number;
  acceptedTaskModuleIds: string[];
  missing: string[];
}

export interface Course {
  id: string;
  name: string;
  place: string | null;
  status: string;
  tier: number;
  programmeId: string;
  startsOn: string | null;
  endsOn: string | null;
  participantCount: number;
  version: number;
  trainers: PersonRef[];
  sessions: CourseSession[];
  enrolments: Enrolment[];
}

export interface CourseSummary {
  id: string;
  name: string;
  tier: number;
  status: string;
  startsOn: string | null;
  enrolled: number;
  completed: number;
}

const MODULE_FIELDS = 'id position kind hours required themeFi themeSv themeEn';
export const PROGRAMME_FIELDS = `id tier nameFi nameSv nameEn minSessions totalHours modules { ${MODULE_FIELDS} }`;

const COURSE_FIELDS = `id name place status tier programmeId startsOn endsOn participantCount version
  trainers { personId name }
  sessions { id date startsAt endsAt place theme moduleId isMakeup attendeeCount attendeeIds trainers { personId name } }
  enrolments { id personId name status completedOn attendedSessions acceptedTaskModuleIds missing }`;

export const COURSES_QUERY = `query Courses($first: Int!, $after: String, $status: CourseStatus, $tier: Int, $from: String, $to: String) {
  courses(first: $first, after: $after, status: $status, tier: $tier, from: $from, to: $to) {
    totalCount nodes { id name tier status startsOn enrolled completed } pageInfo { hasNextPage endCursor }
  }
}`;

export const INCOMPLETE_QUERY = '{ incompleteEnrolments { courseId courseName personId name missing } }';

export const PROGRAMMES_QUERY = `query Programmes($tier: Int) { programmes(tier: $tier) { ${PROGRAMME_FIELDS} } }`;

/** Every course mutation answers the whole course, so the page replaces its copy with the answer. */
export const COURSE_QUERY = `query Course($id: ID!) { course(id: $id) { ${COURSE_FIELDS} } }`;
export const PROGRAMME_QUERY = `query Programme($id: ID!) { programme(id: $id) { ${PROGRAMME_FIELDS} } }`;

export const CREATE_COURSE = `mutation CreateCourse($input: CreateCourseInput!) { createCourse(input: $input) { ${COURSE_FIELDS} } }`;
export const ADD_SESSION = `mutation AddSession($input: AddSessionInput!) { addCourseSession(input: $input) { ${COURSE_FIELDS} } }`;
export const ENROL = `mutation Enrol($input: EnrolInput!) { enrol(input: $input) { ${COURSE_FIELDS} } }`;
export const DROP = `mutation Drop($input: DropInput!) { dropEnrolment(input: $input) { ${COURSE_FIELDS} } }`;
export const RECORD_ATTENDANCE = `mutation Attendance($input: AttendanceInput!) { recordAttendance(input: $input) { ${COURSE_FIELDS} } }`;
export const RECORD_TASK = `mutation Task($input: TaskInput!) { recordTask(input: $input) { ${COURSE_FIELDS} } }`;
export const COMPLETE_COURSE = `mutation Complete($input: CompleteCourseInput!) { completeCourse(input: $input) { ${COURSE_FIELDS} } }`;

export const PEOPLE_SEARCH = `query PeopleSearch($search: String) {
  people(search: $search, first: 50) { totalCount nodes { id firstName lastName email unit { name organisationName } } }
}`;
export const CERTIFIED_TRAINERS = '{ certificates(kind: TRAINER) { personId name } }';
export const MY_PROFILE = '{ myProfile { id firstName lastName } }';
export const ORGANISATIONS_QUERY = '{ organisations(first: 200) { nodes { id name } } }';
export const UNITS_QUERY = 'query Units($organisationId: ID) { units(first: 200, organisationId: $organisationId) { nodes { id name } } }';
