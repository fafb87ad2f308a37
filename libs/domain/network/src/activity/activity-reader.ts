import { EntityManager } from 'typeorm';
import { PERSON_NAME } from '../shared/sql';
import { Activity } from './activity.models';

/** Activities (alias `a`, with their person `p`) matching `tail`: a WHERE clause with ORDER BY / LIMIT. */
export function queryActivities(em: EntityManager, tail: string, params: unknown[]): Promise<Activity[]> {
  return em.query(
    `SELECT a.id, a.person_id AS "personId", ${PERSON_NAME} AS "personName", a.kind, a.occurred_on::text AS "occurredOn", a.count,
            a.course_id AS "courseId", a.note, a.version
       FROM activities a JOIN people p ON p.id = a.person_id ${tail}`,
    params,
  );
}

export async function loadActivity(em: EntityManager, id: string): Promise<Activity> {
  const [activity] = await queryActivities(em, 'WHERE a.id = $1', [id]);
  return activity;
}
