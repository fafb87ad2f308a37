import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { selfPersonId } from '@lahde/domain/people';
import { managesAllCourses } from '../course/course-access';
import { Lineage, LineageLink, LineageReach } from './lineage.models';

const LINK = `c.id AS "courseId", c.name AS "courseName", pr.tier, e.status`;

@Injectable()
export class LineageService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  /** Coordinators read anyone's lineage; trainers and key workers their own. */
  lineage(personId: string): Promise<Lineage> {
    return this.tx.run(async (em) => {
      const principal = this.principals.current;
      if (!managesAllCourses(principal) && (await selfPersonId(em, principal)) !== personId) throw new NotFoundError('Person');
      const [person] = await em.query(
        `SELECT p.first_name || ' ' || p.last_name AS name,
                EXISTS (SELECT 1 FROM certificates ce LEFT JOIN courses c ON c.id = ce.course_id LEFT JOIN programmes pr ON pr.id = c.programme_id
                         WHERE ce.person_id = p.id AND ce.kind = 'TRAINER' AND (ce.source_course_id IS NOT NULL OR pr.tier = 1)) AS "trainedByThl"
           FROM people p WHERE p.id = $1`,
        [personId],
      );
      if (!person) throw new NotFoundError('Person');
      const trainedBy: LineageLink[] = await em.query(
        `SELECT t.id AS "personId", t.first_name || ' ' || t.last_name AS name, ${LINK}
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id
           JOIN course_trainers ct ON ct.course_id = c.id JOIN people t ON t.id = ct.person_id
          WHERE e.person_id = $1 AND e.status <> 'DROPPED' ORDER BY pr.tier, c.name, name`,
        [personId],
      );
      const trained: LineageLink[] = await em.query(
        `SELECT s.id AS "personId", s.first_name || ' ' || s.last_name AS name, ${LINK}
           FROM course_trainers ct JOIN courses c ON c.id = ct.course_id JOIN programmes pr ON pr.id = c.programme_id
           JOIN enrolments e ON e.course_id = c.id AND e.status <> 'DROPPED' JOIN people s ON s.id = e.person_id
          WHERE ct.person_id = $1 ORDER BY pr.tier, c.name, name`,
        [personId],
      );
      const named = new Set([personId, ...trainedBy.map((l) => l.personId), ...trained.map((l) => l.personId)]);
      await audit(em, 'READ_PERSONAL', 'Person', [...named], ['name']);
      return { personId, name: person.name, trainedByThl: person.trainedByThl, trainedBy, trained, reach: await reachOf(em, personId) };
    });
  }
}

/** The chain below a person over completed links; the chain is acyclic because cycles are refused on entry. */
async function reachOf(em: EntityManager, personId: string): Promise<LineageReach> {
  const [row] = await em.query(
    `WITH RECURSIVE down(person_id, depth) AS (
       SELECT $1::uuid, 0
       UNION
       SELECT e.person_id, d.depth + 1 FROM down d
         JOIN course_trainers ct ON ct.person_id = d.person_id
         JOIN enrolments e ON e.course_id = ct.course_id AND e.status = 'COMPLETED'
        WHERE d.depth < 50
     ), reached AS (SELECT person_id, max(depth) AS depth FROM down GROUP BY person_id),
     addressing AS (
       SELECT DISTINCT c.id FROM courses c JOIN programmes pr ON pr.id = c.programme_id AND pr.tier = 3
         JOIN course_trainers ct ON ct.course_id = c.id JOIN reached r ON r.person_id = ct.person_id
     )
     SELECT (SELECT coalesce(max(depth), 0) FROM reached)::int AS depth,
            (SELECT count(*) FROM reached r JOIN certificates ce ON ce.person_id = r.person_id AND ce.kind = 'TRAINER' WHERE r.depth > 0)::int AS trainers,
            (SELECT count(*) FROM reached r JOIN certificates ce ON ce.person_id = r.person_id AND ce.kind = 'KEY_WORKER' WHERE r.depth > 0)::int AS "keyWorkers",
            ((SELECT count(*) FROM enrolments e WHERE e.course_id IN (SELECT id FROM addressing) AND e.status <> 'DROPPED')
             + (SELECT coalesce(sum(participants), 0) FROM course_headcounts h WHERE h.course_id IN (SELECT id FROM addressing)))::int AS "addressingParticipants"`,
    [personId],
  );
  return { depth: row['depth'], trainers: row['trainers'], keyWorkers: row['keyWorkers'], addressingParticipants: row['addressingParticipants'] };
}
