import { EntityManager } from 'typeorm';
import { Principal, Role } from '@lahde/platform/auth';
import { NotFoundError } from '@lahde/platform/errors';
import { selfPersonId } from '@lahde/domain/people';

const MANAGES_ALL = new Set([Role.COUNTY_ADMIN, Role.COUNTY_COORDINATOR, Role.NATIONAL_ADMIN]);

export function managesAllCourses(principal: Principal): boolean {
  return MANAGES_ALL.has(principal.role);
}

/**
 * Coordinators manage every course of their county; trainers and key workers only the courses they
 * train. Someone else's course answers NOT_FOUND, like one that does not exist.
 */
export async function assertCanManageCourse(em: EntityManager, principal: Principal, courseId: string): Promise<void> {
  const [course] = await em.query('SELECT 1 FROM courses WHERE id = $1', [courseId]);
  if (!course) throw new NotFoundError('Course');
  if (managesAllCourses(principal)) return;
  const self = await selfPersonId(em, principal);
  const [trains] = self ? await em.query('SELECT 1 FROM course_trainers WHERE course_id = $1 AND person_id = $2', [courseId, self]) : [];
  if (!trains) throw new NotFoundError('Course');
}

/** A SQL condition on course alias `c` for the courses the caller may read. */
export async function courseVisibility(em: EntityManager, principal: Principal): Promise<string> {
  if (managesAllCourses(principal) || principal.role === Role.ESF_REPORTER) return 'true';
  const self = await selfPersonId(em, principal);
  // A uuid read from the database, safe to inline.
  return self ? `EXISTS (SELECT 1 FROM course_trainers ct WHERE ct.course_id = c.id AND ct.person_id = '${self}'::uuid)` : 'false';
}
