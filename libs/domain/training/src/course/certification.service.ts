import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { InputError } from '@lahde/platform/errors';
import { TenantContext, TenantTransaction } from '@lahde/platform/tenancy';
import { ensureActiveMembership } from '@lahde/domain/network';
import { selfPersonId } from '@lahde/domain/people';
import { assertCanManageCourse, courseVisibility } from './course-access';
import { enrolmentProgress, loadCourse } from './course-reader';
import { Certificate, CertificateKind, CompleteCourseInput, Course } from './course.models';

interface TrainerHandoff {
  homeCountyId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  sourceCourseId: string;
  issuedOn: string;
}

/** Graduates of a THL trainer course, with what their county registry needs of them. */
function trainerHandoffs(em: EntityManager, courseId: string, issuedOn: string): Promise<TrainerHandoff[]> {
  return em.query(
    `SELECT p.home_county_id AS "homeCountyId", p.first_name AS "firstName", p.last_name AS "lastName", p.email, p.phone,
            p.job_title AS "jobTitle", e.course_id AS "sourceCourseId", $2::text AS "issuedOn"
       FROM enrolments e JOIN people p ON p.id = e.person_id
      WHERE e.course_id = $1 AND e.status = 'COMPLETED' AND p.home_county_id IS NOT NULL`,
    [courseId, issuedOn],
  );
}

/** What completing a course of each tier makes a person. Addressing trainings certify nobody. */
const CERTIFIES: Record<number, CertificateKind | undefined> = { 1: CertificateKind.TRAINER, 2: CertificateKind.KEY_WORKER };

@Injectable()
export class CertificationService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly tenant: TenantContext,
    private readonly principals: PrincipalContext,
  ) {}

  /**
   * Applies the completion rule to every open enrolment: those who meet it complete and, for tiers 1
   * and 2, are certified (a key worker also joins the network as an active member). Those who do not
   * stay enrolled with what they miss, so a made-up day or a late task can complete them by running
   * this again. The course is marked completed.
   */
  async completeCourse(input: CompleteCourseInput): Promise<Course> {
    const { course, handoffs } = await this.tx.run(async (em) => {
      await assertCanManageCourse(em, this.principals.current, input.courseId);
      const [row] = await em.query(
        `SELECT c.programme_id, c.status, p.tier, (SELECT min(session_date)::text FROM course_sessions WHERE course_id = c.id) AS first_session
           FROM courses c JOIN programmes p ON p.id = c.programme_id WHERE c.id = $1 FOR UPDATE OF c`,
        [input.courseId],
      );
      if (row.status === 'CANCELLED') throw new InputError([{ field: 'input.courseId', message: 'the course was cancelled' }]);
      if (!row.first_session || input.completedOn < row.first_session) {
        throw new InputError([{ field: 'input.completedOn', message: 'must be on or after the first session' }]);
      }
      const completers = (await enrolmentProgress(em, input.courseId, row.programme_id)).filter((e) => e.status === 'ENROLLED' && e.missing.length === 0);
      const personIds = completers.map((e) => e.personId);
      await em.query(
        "UPDATE enrolments SET status = 'COMPLETED', completed_on = $3 WHERE course_id = $1 AND person_id = ANY($2::uuid[])",
        [input.courseId, personIds, input.completedOn],
      );
      const kind = CERTIFIES[row.tier];
      if (kind) {
        const issued: Array<{ id: string }> = await em.query(
          `INSERT INTO certificates (person_id, kind, course_id, issued_on) SELECT unnest($1::uuid[]), $2, $3, $4
           ON CONFLICT (tenant_id, person_id, kind) DO NOTHING RETURNING id`,
          [personIds, kind, input.courseId, input.completedOn],
        );
        await audit(em, 'CREATE', 'Certificate', issued.map((c) => c.id));
        // Trainers and key workers alike are members of their county's network from certification on
        // (THL's graduates join theirs in the hand-over below).
        if (this.principals.current.countyCode) for (const id of personIds) await ensureActiveMembership(em, id, input.completedOn);
      }
      await em.query("UPDATE courses SET status = 'COMPLETED', updated_at = now(), version = version + 1 WHERE id = $1", [input.courseId]);
      await audit(em, 'UPDATE', 'Course', input.courseId, ['status', 'enrolments']);
      const national = !this.principals.current.countyCode && kind === CertificateKind.TRAINER;
      return { course: await loadCourse(em, input.courseId), handoffs: national ? await trainerHandoffs(em, input.courseId, input.completedOn) : [] };
    });
    await this.handOver(handoffs);
    return course;
  }

  /**
   * THL's trainer training ends in the trainers' own counties: each graduate appears in their county's
   * registry (matched by e-mail, created if new) as a certified trainer linked to THL's course, so the
   * chain THL → trainer → key worker is unbroken. Each county is written in its own tenant context and
   * transaction, after THL's own transaction committed; every step is idempotent, so completing the
   * course again repairs a hand-over that failed halfway.
   */
  private async handOver(handoffs: TrainerHandoff[]): Promise<void> {
    const actor = this.principals.current.id;
    for (const h of handoffs) {
      await this.tenant.runAs(h.homeCountyId, actor, () =>
        this.tx.run(async (em) => {
          await em.query(
            `INSERT INTO people (first_name, last_name, email, phone, job_title) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (tenant_id, lower(email)) DO NOTHING`,
            [h.firstName, h.lastName, h.email, h.phone, h.jobTitle],
          );
          const [person] = await em.query('SELECT id FROM people WHERE lower(email) = lower($1)', [h.email]);
          const issued: Array<{ id: string }> = await em.query(
            `INSERT INTO certificates (person_id, kind, source_course_id, issued_on) VALUES ($1, 'TRAINER', $2, $3)
             ON CONFLICT (tenant_id, person_id, kind) DO NOTHING RETURNING id`,
            [person.id, h.sourceCourseId, h.issuedOn],
          );
          await audit(em, 'CREATE', 'Certificate', issued.map((c) => c.id));
          await ensureActiveMembership(em, person.id, h.issuedOn);
        }),
      );
    }
  }

  certificates(kind: CertificateKind | null, personId: string | null): Promise<Certificate[]> {
    return this.tx.run(async (em) => {
      const visible = (await courseVisibility(em, this.principals.current)) === 'true' ? 'true' : await this.ownOnly(em);
      const certificates: Certificate[] = await em.query(
        `SELECT c.id, c.person_id AS "personId", p.first_name || ' ' || p.last_name AS name, c.kind, c.course_id AS "courseId",
                c.source_course_id IS NOT NULL AS "certifiedByThl", c.issued_on::text AS "issuedOn"
           FROM certificates c JOIN people p ON p.id = c.person_id
          WHERE ${visible} AND ($1::text IS NULL OR c.kind = $1) AND ($2::uuid IS NULL OR c.person_id = $2)
          ORDER BY c.issued_on, name`,
        [kind, personId],
      );
      await audit(em, 'READ_PERSONAL', 'Person', [...new Set(certificates.map((c) => c.personId))], ['name']);
      return certificates;
    });
  }

  /** Trainers and key workers see their own certificates and those of people they trained. */
  private async ownOnly(em: EntityManager): Promise<string> {
    const self = await selfPersonId(em, this.principals.current);
    if (!self) return 'false';
    return `(c.person_id = '${self}'::uuid OR EXISTS (SELECT 1 FROM course_trainers ct WHERE ct.course_id = c.course_id AND ct.person_id = '${self}'::uuid))`;
  }
}
