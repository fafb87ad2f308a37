import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { ConflictError, InputError, NotFoundError } from '@lahde/platform/errors';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@lahde/platform/database';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { selfPersonId } from '@lahde/domain/people';
import { assertNoCycle } from '../lineage/cycle-guard';
import { loadProgrammes } from '../programme/programme.service';
import { assertCanManageCourse, courseVisibility, managesAllCourses } from './course-access';
import { enrolmentProgress, loadCourse } from './course-reader';
import {
  AddSessionInput, AttendanceInput, Course, CourseListArgs, CourseSummary, CreateCourseInput, DropInput, EnrolInput, IncompleteEnrolment,
  SetHeadcountsInput, TaskInput,
} from './course.models';

/** Courses of the caller's county and everything recorded on them, each change in one transaction. */
@Injectable()
export class CourseService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  list(args: CourseListArgs) {
    return this.tx.run(async (em) => {
      const visible = await courseVisibility(em, this.principals.current);
      const params = [args.tier ?? null, args.status ?? null, args.from ?? null, args.to ?? null];
      const filter = `${visible} AND ($1::int IS NULL OR p.tier = $1) AND ($2::text IS NULL OR c.status = $2)
        AND ($3::date IS NULL OR EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.session_date >= $3))
        AND ($4::date IS NULL OR EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id AND s.session_date <= $4))`;
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM courses c JOIN programmes p ON p.id = c.programme_id WHERE ${filter}`, params);
      const after = decodeCursor(args.after, 2);
      const rows: Array<CourseSummary & { sort: string }> = await em.query(
        `SELECT * FROM (
           SELECT c.id, p.tier, c.name, c.status,
                  (SELECT min(session_date)::text FROM course_sessions s WHERE s.course_id = c.id) AS "startsOn",
                  (SELECT count(*)::int FROM enrolments e WHERE e.course_id = c.id AND e.status <> 'DROPPED') AS enrolled,
                  (SELECT count(*)::int FROM enrolments e WHERE e.course_id = c.id AND e.status = 'COMPLETED') AS completed,
                  coalesce((SELECT min(session_date)::text FROM course_sessions s WHERE s.course_id = c.id), '9999-12-31') AS sort
             FROM courses c JOIN programmes p ON p.id = c.programme_id WHERE ${filter}) x
          WHERE ($5::text IS NULL OR (x.sort, x.id) > ($5, $6::uuid))
          ORDER BY x.sort, x.id LIMIT $7`,
        [...params, after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
      );
      return toConnection(rows, args.first, n, ({ sort: _sort, ...course }) => course, (r) => [r.sort, r.id]);
    });
  }

  get(id: string): Promise<Course> {
    return this.tx.run(async (em) => {
      const [visible] = await em.query(`SELECT 1 FROM courses c WHERE c.id = $1 AND ${await courseVisibility(em, this.principals.current)}`, [id]);
      if (!visible) throw new NotFoundError('Course');
      const course = await loadCourse(em, id);
      await audit(em, 'READ_PERSONAL', 'Course', id);
      return course;
    });
  }

  /** Coordinators create any course; trainers and key workers only addressing trainings (tier 3) that they hold themselves. */
  create(input: CreateCourseInput): Promise<Course> {
    return this.tx.run(async (em) => {
      const principal = this.principals.current;
      const [programme] = await loadProgrammes(em, { id: input.programmeId });
      if (!programme) throw new InputError([{ field: 'input.programmeId', message: 'is not a programme of your county' }]);
      if (!managesAllCourses(principal)) {
        const self = await selfPersonId(em, principal);
        if (programme.tier !== 3) throw new InputError([{ field: 'input.programmeId', message: 'you may record addressing trainings (tier 3) only' }]);
        if (!self || !input.trainerIds.includes(self)) throw new InputError([{ field: 'input.trainerIds', message: 'must include yourself' }]);
      }
      if (programme.tier !== 1 && input.trainerIds.length === 0) throw new InputError([{ field: 'input.trainerIds', message: 'needs at least one trainer' }]);
      await assertPeople(em, input.trainerIds, 'input.trainerIds');
      await assertOptionalRow(em, 'organisations', input.organisationId, 'input.organisationId', 'an organisation of your county');
      await assertOptionalRow(em, 'units', input.unitId, 'input.unitId', 'a unit of your county');
      const [{ id }] = await em.query(
        'INSERT INTO courses (programme_id, name, place, organisation_id, unit_id) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [input.programmeId, input.name, input.place ?? null, input.organisationId ?? null, input.unitId ?? null],
      );
      await em.query('INSERT INTO course_trainers (course_id, person_id) SELECT $1, unnest($2::uuid[])', [id, input.trainerIds]);
      await audit(em, 'CREATE', 'Course', id);
      return loadCourse(em, id);
    });
  }

  addSession(input: AddSessionInput): Promise<Course> {
    return this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      if (input.endsAt <= input.startsAt) throw new InputError([{ field: 'input.endsAt', message: 'must be after startsAt' }]);
      if (input.moduleId) {
        const [module] = await em.query(
          `SELECT m.kind FROM programme_modules m JOIN courses c ON c.programme_id = m.programme_id WHERE c.id = $1 AND m.id = $2`,
          [input.courseId, input.moduleId],
        );
        if (module?.kind !== 'SESSION') throw new InputError([{ field: 'input.moduleId', message: "is not a session module of the course's programme" }]);
      }
      await assertPeople(em, input.trainerIds, 'input.trainerIds');
      const [{ id }] = await em.query(
        `INSERT INTO course_sessions (course_id, module_id, session_date, starts_at, ends_at, place, theme, is_makeup)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [input.courseId, input.moduleId ?? null, input.date, input.startsAt, input.endsAt, input.place ?? null, input.theme ?? null, input.isMakeup],
      );
      await em.query(
        `INSERT INTO session_trainers (session_id, person_id)
         SELECT $1, person_id FROM (SELECT unnest($2::uuid[]) AS person_id WHERE cardinality($2::uuid[]) > 0
                                    UNION ALL SELECT person_id FROM course_trainers WHERE course_id = $3 AND cardinality($2::uuid[]) = 0) t`,
        [id, input.trainerIds, input.courseId],
      );
      await em.query("UPDATE courses SET status = 'RUNNING', updated_at = now(), version = version + 1 WHERE id = $1 AND status = 'PLANNED'", [input.courseId]);
      await audit(em, 'UPDATE', 'Course', input.courseId, ['sessions']);
      return loadCourse(em, input.courseId);
    });
  }

  /** All or nothing: one person already enrolled refuses the whole list. */
  enrol(input: EnrolInput): Promise<Course> {
    return this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      await assertPeople(em, input.personIds, 'input.personIds');
      const trainers: Array<{ person_id: string }> = await em.query('SELECT person_id FROM course_trainers WHERE course_id = $1', [input.courseId]);
      await assertNoCycle(em, trainers.map((t) => t.person_id), input.personIds, 'input.personIds');
      try {
        await em.query('INSERT INTO enrolments (course_id, person_id) SELECT $1, unnest($2::uuid[])', [input.courseId, input.personIds]);
      } catch (error) {
        if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ConflictError('Someone on the list is already enrolled in this course', 'input.personIds');
        throw error;
      }
      await audit(em, 'UPDATE', 'Course', input.courseId, ['enrolments']);
      return loadCourse(em, input.courseId);
    });
  }

  drop(input: DropInput): Promise<Course> {
    return this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      const updated = await em.query(
        "UPDATE enrolments SET status = 'DROPPED', dropped_on = $3 WHERE course_id = $1 AND person_id = $2 AND status = 'ENROLLED' RETURNING id",
        [input.courseId, input.personId, input.droppedOn],
      );
      if (updated[0].length === 0) throw new InputError([{ field: 'input.personId', message: 'has no open enrolment in this course' }]);
      await audit(em, 'UPDATE', 'Course', input.courseId, ['enrolments']);
      return loadCourse(em, input.courseId);
    });
  }

  recordAttendance(input: AttendanceInput): Promise<Course> {
    return this.tx.run(async (em) => {
      const [session] = await em.query('SELECT course_id FROM course_sessions WHERE id = $1', [input.sessionId]);
      if (!session) throw new NotFoundError('Session');
      await assertCanManageCourse(em, this.principals.current, session.course_id);
      const enrolments: Array<{ id: string; person_id: string }> = await em.query(
        "SELECT id, person_id FROM enrolments WHERE course_id = $1 AND person_id = ANY($2::uuid[]) AND status <> 'DROPPED'",
        [session.course_id, input.personIds],
      );
      if (enrolments.length !== input.personIds.length) throw new InputError([{ field: 'input.personIds', message: 'includes someone not enrolled in this course' }]);
      const ids = enrolments.map((e) => e.id);
      if (input.present) {
        await em.query('INSERT INTO attendance (session_id, enrolment_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [input.sessionId, ids]);
      } else {
        await em.query('DELETE FROM attendance WHERE session_id = $1 AND enrolment_id = ANY($2::uuid[])', [input.sessionId, ids]);
      }
      await audit(em, 'UPDATE', 'Course', session.course_id, ['attendance']);
      return loadCourse(em, session.course_id);
    });
  }

  recordTask(input: TaskInput): Promise<Course> {
    return this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      const [enrolment] = await em.query("SELECT id FROM enrolments WHERE course_id = $1 AND person_id = $2 AND status <> 'DROPPED'", [input.courseId, input.personId]);
      if (!enrolment) throw new InputError([{ field: 'input.personId', message: 'is not enrolled in this course' }]);
      const [module] = await em.query(
        'SELECT m.kind FROM programme_modules m JOIN courses c ON c.programme_id = m.programme_id WHERE c.id = $1 AND m.id = $2',
        [input.courseId, input.moduleId],
      );
      if (!module || module.kind === 'SESSION') throw new InputError([{ field: 'input.moduleId', message: "is not a task of the course's programme" }]);
      if (input.acceptedOn && input.acceptedOn < input.submittedOn) throw new InputError([{ field: 'input.acceptedOn', message: 'cannot be before submittedOn' }]);
      await em.query(
        `INSERT INTO task_submissions (enrolment_id, module_id, submitted_on, accepted_on) VALUES ($1, $2, $3, $4)
         ON CONFLICT (enrolment_id, module_id) DO UPDATE SET submitted_on = excluded.submitted_on, accepted_on = excluded.accepted_on`,
        [enrolment.id, input.moduleId, input.submittedOn, input.acceptedOn ?? null],
      );
      await audit(em, 'UPDATE', 'Course', input.courseId, ['tasks']);
      return loadCourse(em, input.courseId);
    });
  }

  setHeadcounts(input: SetHeadcountsInput): Promise<Course> {
    return this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      const [{ tier }] = await em.query('SELECT p.tier FROM courses c JOIN programmes p ON p.id = c.programme_id WHERE c.id = $1', [input.courseId]);
      if (tier !== 3) throw new InputError([{ field: 'input.courseId', message: 'anonymous headcounts are for addressing trainings (tier 3) only' }]);
      const sectors = input.headcounts.map((h) => h.sector);
      if (new Set(sectors).size !== sectors.length) throw new InputError([{ field: 'input.headcounts', message: 'lists a sector twice' }]);
      await em.query('DELETE FROM course_headcounts WHERE course_id = $1', [input.courseId]);
      await em.query(
        'INSERT INTO course_headcounts (course_id, sector, participants) SELECT $1, unnest($2::text[]), unnest($3::int[])',
        [input.courseId, sectors, input.headcounts.map((h) => h.participants)],
      );
      await audit(em, 'UPDATE', 'Course', input.courseId, ['headcounts']);
      return loadCourse(em, input.courseId);
    });
  }

  /** Enrolments that do not yet meet their completion rule, in courses that have begun. */
  incomplete(): Promise<IncompleteEnrolment[]> {
    return this.tx.run(async (em) => {
      const courses: Array<{ id: string; name: string; programme_id: string }> = await em.query(
        `SELECT c.id, c.name, c.programme_id FROM courses c
          WHERE c.status <> 'CANCELLED' AND ${await courseVisibility(em, this.principals.current)}
            AND EXISTS (SELECT 1 FROM enrolments e WHERE e.course_id = c.id AND e.status = 'ENROLLED')
            AND EXISTS (SELECT 1 FROM course_sessions s WHERE s.course_id = c.id)
          ORDER BY c.name`,
      );
      const result: IncompleteEnrolment[] = [];
      for (const c of courses) {
        for (const e of await enrolmentProgress(em, c.id, c.programme_id)) {
          if (e.missing.length) result.push({ courseId: c.id, courseName: c.name, personId: e.personId, name: e.name, missing: e.missing });
        }
      }
      return result;
    });
  }
}

/** Every id names a person of the caller's county (RLS hides the others, so they count as unknown). */
export async function assertPeople(em: EntityManager, ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const [{ n }] = await em.query('SELECT count(*)::int AS n FROM people WHERE id = ANY($1::uuid[])', [ids]);
  if (n !== ids.length) throw new InputError([{ field, message: 'includes someone who is not a person of your county' }]);
}

async function assertOptionalRow(em: EntityManager, table: 'organisations' | 'units', id: string | undefined, field: string, what: string): Promise<void> {
  if (!id) return;
  const [row] = await em.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (!row) throw new InputError([{ field, message: `is not ${what}` }]);
}
