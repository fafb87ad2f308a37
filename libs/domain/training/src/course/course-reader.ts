import { EntityManager } from 'typeorm';
import { NotFoundError } from '@lahde/platform/errors';
import { evaluateCompletion } from '../programme/completion';
import { loadProgrammes } from '../programme/programme.service';
import { Course, CourseSession, Enrolment, EnrolmentStatus, Headcount, PersonRef } from './course.models';

const NAME = `p.first_name || ' ' || p.last_name`;

/** Progress of each enrolment of a course against its programme's completion rule. */
export async function enrolmentProgress(em: EntityManager, courseId: string, programmeId: string): Promise<Enrolment[]> {
  const [programme] = await loadProgrammes(em, { id: programmeId });
  const rows: Array<{ id: string; person_id: string; name: string; status: EnrolmentStatus; completed_on: string | null; modules: string[] | null; sessions: number; tasks: string[] | null }> =
    await em.query(
      `SELECT e.id, e.person_id, ${NAME} AS name, e.status, e.completed_on::text,
              (SELECT array_agg(DISTINCT s.module_id) FROM attendance a JOIN course_sessions s ON s.id = a.session_id WHERE a.enrolment_id = e.id AND s.module_id IS NOT NULL) AS modules,
              (SELECT count(*)::int FROM attendance a WHERE a.enrolment_id = e.id) AS sessions,
              (SELECT array_agg(t.module_id) FROM task_submissions t WHERE t.enrolment_id = e.id AND t.accepted_on IS NOT NULL) AS tasks
         FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.course_id = $1 ORDER BY lower(p.last_name), lower(p.first_name), e.id`,
      [courseId],
    );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    name: r.name,
    status: r.status,
    completedOn: r.completed_on,
    attendedSessions: r.sessions,
    acceptedTaskModuleIds: r.tasks ?? [],
    missing:
      r.status === EnrolmentStatus.ENROLLED
        ? evaluateCompletion(programme.modules, programme.minSessions, { attendedModules: new Set(r.modules ?? []), acceptedTasks: new Set(r.tasks ?? []) }).missing
        : [],
  }));
}

export async function loadCourse(em: EntityManager, id: string): Promise<Course> {
  const [c] = await em.query(
    `SELECT c.*, p.tier, (SELECT min(session_date)::text FROM course_sessions WHERE course_id = c.id) AS starts_on,
            (SELECT max(session_date)::text FROM course_sessions WHERE course_id = c.id) AS ends_on
       FROM courses c JOIN programmes p ON p.id = c.programme_id WHERE c.id = $1`,
    [id],
  );
  if (!c) throw new NotFoundError('Course');
  const trainers: PersonRef[] = await em.query(
    `SELECT p.id AS "personId", ${NAME} AS name FROM course_trainers ct JOIN people p ON p.id = ct.person_id WHERE ct.course_id = $1 ORDER BY name`,
    [id],
  );
  const sessions: CourseSession[] = await em.query(
    `SELECT s.id, s.module_id AS "moduleId", s.session_date::text AS date, to_char(s.starts_at, 'HH24:MI') AS "startsAt",
            to_char(s.ends_at, 'HH24:MI') AS "endsAt", s.place, s.theme, s.is_makeup AS "isMakeup",
            coalesce((SELECT json_agg(json_build_object('personId', p.id, 'name', ${NAME}) ORDER BY p.last_name)
                        FROM session_trainers st JOIN people p ON p.id = st.person_id WHERE st.session_id = s.id), '[]') AS trainers,
            (SELECT count(*)::int FROM attendance a WHERE a.session_id = s.id) AS "attendeeCount",
            (SELECT coalesce(array_agg(e.person_id ORDER BY e.person_id), '{}') FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id
              WHERE a.session_id = s.id) AS "attendeeIds"
       FROM course_sessions s WHERE s.course_id = $1 ORDER BY s.session_date, s.starts_at`,
    [id],
  );
  const headcounts: Headcount[] = await em.query('SELECT sector, participants FROM course_headcounts WHERE course_id = $1 ORDER BY sector', [id]);
  const enrolments = await enrolmentProgress(em, id, c.programme_id);
  const named = enrolments.filter((e) => e.status !== EnrolmentStatus.DROPPED).length;
  return {
    id: c.id,
    programmeId: c.programme_id,
    tier: c.tier,
    name: c.name,
    place: c.place,
    organisationId: c.organisation_id,
    unitId: c.unit_id,
    status: c.status,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    trainers,
    sessions,
    enrolments,
    headcounts,
    participantCount: named + headcounts.reduce((sum, h) => sum + h.participants, 0),
    version: c.version,
  };
}
