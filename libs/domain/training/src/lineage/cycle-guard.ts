import { EntityManager } from 'typeorm';
import { InputError } from '@lahde/platform/errors';

/**
 * "Who trained whom" must stay a tree-like chain: a person cannot train themselves, nor someone who
 * (directly or further down) trained them. Planned enrolments count as links already, so a cycle is
 * refused when it is first written, not when the course ends.
 */
export async function assertNoCycle(em: EntityManager, trainerIds: string[], participantIds: string[], field: string): Promise<void> {
  const self = trainerIds.find((id) => participantIds.includes(id));
  if (self) throw new InputError([{ field, message: 'a trainer of the course cannot also be its participant' }]);
  if (trainerIds.length === 0 || participantIds.length === 0) return;
  const [cycle] = await em.query(
    `WITH RECURSIVE downstream(person_id) AS (
       SELECT unnest($1::uuid[])
       UNION
       SELECT e.person_id FROM downstream d
         JOIN course_trainers ct ON ct.person_id = d.person_id
         JOIN enrolments e ON e.course_id = ct.course_id AND e.status <> 'DROPPED'
     )
     SELECT 1 FROM downstream WHERE person_id = ANY($2::uuid[]) LIMIT 1`,
    [participantIds, trainerIds],
  );
  if (cycle) throw new InputError([{ field, message: 'would make a trainer the trainee of someone they trained (a cycle in the training chain)' }]);
}
