import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { selfPersonId } from '@lahde/domain/people';
import { AccessPurpose, purposeOf } from './access-purpose';
import { statePurpose } from './anonymise';
import { AccessLogEntry, PersonalDataReport, ReportEsf, ReportLineage, ReportMembership, ReportProfile } from './privacy.models';

/** At most this many access-log entries, newest first, go into one report. */
export const ACCESS_LOG_LIMIT = 1000;
export const DOWNLOAD_PATH = '/privacy/personal-data';

/**
 * Right of access (GDPR Art. 15): a person's own data and who accessed it, for what. A trainer or key
 * worker asks for their own (matched by the e-mail of their sign-in); whoever manages the county's
 * people produces it for anyone of their county (a request received by mail). The request is audited
 * first, so the report shows it too.
 */
@Injectable()
export class AccessReportService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  mine(): Promise<PersonalDataReport> {
    if (!this.principals.current.tenantId) return Promise.reject(new NotFoundError('Person'));
    return this.tx.run(async (em) => {
      const id = await selfPersonId(em, this.principals.current);
      if (!id) throw new NotFoundError('Person');
      return this.report(em, id, this.principals.current.id, DOWNLOAD_PATH);
    });
  }

  forPerson(personId: string): Promise<PersonalDataReport> {
    return this.tx.run((em) => this.report(em, personId, null, `${DOWNLOAD_PATH}/${personId}`));
  }

  private async report(em: EntityManager, personId: string, selfActor: string | null, downloadPath: string): Promise<PersonalDataReport> {
    const profile = await profileOf(em, personId);
    if (!profile) throw new NotFoundError('Person');
    await statePurpose(em, AccessPurpose.DATA_SUBJECT_REQUEST);
    await audit(em, 'READ_PERSONAL', 'Person', personId, ['accessReport']);
    const lineage = await lineageOf(em, personId);
    const [{ code }] = await em.query("SELECT code FROM counties WHERE id = NULLIF(current_setting('app.tenant_id', true), '')::uuid");
    return {
      generatedAt: new Date(),
      personId,
      countyCode: code,
      profile,
      memberships: await membershipsOf(em, personId),
      enrolments: await em.query(
        `SELECT c.name AS "courseName", pr.tier, e.status, e.enrolled_at AS "enrolledAt", e.completed_on::text AS "completedOn", e.dropped_on::text AS "droppedOn",
                coalesce((SELECT array_agg(s.session_date::text ORDER BY s.session_date) FROM attendance a JOIN course_sessions s ON s.id = a.session_id
                           WHERE a.enrolment_id = e.id), '{}') AS attended,
                coalesce((SELECT json_agg(json_build_object('theme', m.theme_en, 'submittedOn', t.submitted_on::text, 'acceptedOn', t.accepted_on::text) ORDER BY m.position)
                            FROM task_submissions t JOIN programme_modules m ON m.id = t.module_id WHERE t.enrolment_id = e.id), '[]') AS tasks
           FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id
          WHERE e.person_id = $1 ORDER BY e.enrolled_at, c.name`,
        [personId],
      ),
      certificates: await em.query(
        `SELECT ce.kind, ce.issued_on::text AS "issuedOn", c.name AS "courseName", (ce.source_course_id IS NOT NULL OR pr.tier = 1) AS "byThl"
           FROM certificates ce LEFT JOIN courses c ON c.id = ce.course_id LEFT JOIN programmes pr ON pr.id = c.programme_id
          WHERE ce.person_id = $1 ORDER BY ce.issued_on`,
        [personId],
      ),
      activities: await em.query(
        `SELECT a.kind, a.occurred_on::text AS "occurredOn", a.count, a.note, c.name AS "courseName"
           FROM activities a LEFT JOIN courses c ON c.id = a.course_id WHERE a.person_id = $1 ORDER BY a.occurred_on, a.created_at`,
        [personId],
      ),
      lineage,
      esf: await esfOf(em, personId, profile),
      accessLog: await accessLogOf(em, personId, selfActor),
      downloadPath,
    };
  }
}

async function profileOf(em: EntityManager, personId: string): Promise<ReportProfile | null> {
  const [row] = await em.query(
    `SELECT p.first_name AS "firstName", p.last_name AS "lastName", p.email, p.phone, p.job_title AS "jobTitle", p.work_address AS "workAddress",
            u.name AS "unitName", o.name AS "organisationName", u.sector, p.gender, p.birth_year AS "birthYear", p.education_level AS "educationLevel",
            p.esf_data_entered AS "esfDataEntered", p.directory_opt_in AS "directoryOptIn", p.created_at AS "createdAt", p.updated_at AS "updatedAt",
            p.erased_at AS "erasedAt"
       FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN organisations o ON o.id = u.organisation_id WHERE p.id = $1`,
    [personId],
  );
  return row ?? null;
}

async function membershipsOf(em: EntityManager, personId: string): Promise<ReportMembership[]> {
  return em.query(
    `SELECT m.status, m.since::text AS since,
            coalesce((SELECT json_agg(json_build_object('status', ev.status, 'effectiveOn', ev.effective_on::text, 'reason', ev.reason, 'recordedAt', ev.recorded_at) ORDER BY ev.id)
                        FROM membership_events ev WHERE ev.membership_id = m.id), '[]') AS history,
            coalesce((SELECT json_agg(json_build_object('year', r.year, 'outcome', i.outcome, 'note', i.note) ORDER BY r.year)
                        FROM review_items i JOIN review_rounds r ON r.id = i.round_id WHERE i.membership_id = m.id), '[]') AS reviews
       FROM memberships m WHERE m.person_id = $1`,
    [personId],
  ).then((rows: Array<ReportMembership & { history: Array<{ recordedAt: string | Date }> }>) =>
    rows.map((m) => ({ ...m, history: m.history.map((h) => ({ ...h, recordedAt: new Date(h.recordedAt) })) })) as ReportMembership[],
  );
}

/** Trainers of the courses the person took are named (the person met them); participants of their own courses are only counted. */
async function lineageOf(em: EntityManager, personId: string): Promise<ReportLineage> {
  const trainedBy: Array<{ courseName: string; tier: number; trainers: string[]; trainerIds: string[] }> = await em.query(
    `SELECT c.name AS "courseName", pr.tier,
            coalesce(array_agg(t.first_name || ' ' || t.last_name ORDER BY t.last_name, t.first_name) FILTER (WHERE t.id IS NOT NULL), '{}') AS trainers,
            coalesce(array_agg(t.id) FILTER (WHERE t.id IS NOT NULL), '{}') AS "trainerIds"
       FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id
       LEFT JOIN course_trainers ct ON ct.course_id = c.id LEFT JOIN people t ON t.id = ct.person_id
      WHERE e.person_id = $1 AND e.status <> 'DROPPED' GROUP BY c.id, c.name, pr.tier ORDER BY pr.tier, c.name`,
    [personId],
  );
  const trained = await em.query(
    `SELECT c.name AS "courseName", pr.tier, '{}'::text[] AS trainers,
            (SELECT count(*) FROM enrolments e WHERE e.course_id = c.id AND e.status <> 'DROPPED')::int AS participants
       FROM course_trainers ct JOIN courses c ON c.id = ct.course_id JOIN programmes pr ON pr.id = c.programme_id
      WHERE ct.person_id = $1 ORDER BY pr.tier, c.name`,
    [personId],
  );
  const named = [...new Set(trainedBy.flatMap((l) => l.trainerIds))];
  if (named.length > 0) await audit(em, 'READ_PERSONAL', 'Person', named, ['name']);
  return { trainedBy: trainedBy.map(({ trainerIds: _ids, ...link }) => ({ ...link, participants: 0 })), trained };
}

/** The fields of the ESF+ participant export, for the tier-1 and tier-2 courses the person took. */
async function esfOf(em: EntityManager, personId: string, profile: ReportProfile): Promise<ReportEsf> {
  const courses = await em.query(
    `SELECT c.name AS "courseName", pr.tier, s.first_session::text AS "firstSession", s.last_session::text AS "lastSession", e.status, e.completed_on::text AS "completedOn"
       FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
       JOIN (SELECT course_id, min(session_date) AS first_session, max(session_date) AS last_session FROM course_sessions GROUP BY course_id) s ON s.course_id = c.id
      WHERE e.person_id = $1 ORDER BY s.first_session`,
    [personId],
  );
  const entryYear = courses.length > 0 ? Number(courses[0].firstSession.slice(0, 4)) : null;
  const age = entryYear !== null && profile.birthYear !== null ? entryYear - profile.birthYear : null;
  return {
    participant: courses.length > 0,
    employmentStatus: 'EMPLOYED',
    gender: profile.gender,
    birthYear: profile.birthYear,
    ageBandAtEntry: age === null ? null : age < 30 ? '18-29' : age < 55 ? '30-54' : '55+',
    educationLevel: profile.educationLevel,
    esfDataEntered: profile.esfDataEntered,
    courses,
  };
}

/**
 * Audit entries about the person: their record, membership, activities and certificates (any action),
 * reads of the rosters of courses they took or trained, and ESF participant exports whose period
 * covers one of their tier-1 or tier-2 courses (the file listed them).
 */
async function accessLogOf(em: EntityManager, personId: string, selfActor: string | null): Promise<AccessLogEntry[]> {
  const rows: Array<{ at: Date; actor: string; actorRole: string | null; action: string; entity: string; fields: string[]; purpose: string | null }> = await em.query(
    `WITH mine(entity, id, reads_only) AS (
       SELECT 'Person', $1::uuid, false
       UNION ALL SELECT 'Membership', id, false FROM memberships WHERE person_id = $1
       UNION ALL SELECT 'Activity', id, false FROM activities WHERE person_id = $1
       UNION ALL SELECT 'Certificate', id, false FROM certificates WHERE person_id = $1
       UNION SELECT 'Course', course_id, true FROM enrolments WHERE person_id = $1
       UNION SELECT 'Course', course_id, true FROM course_trainers WHERE person_id = $1
       UNION ALL SELECT 'EsfExport', x.id, false FROM esf_exports x
        WHERE x.kind = 'PARTICIPANTS' AND EXISTS (
          SELECT 1 FROM enrolments e JOIN courses c ON c.id = e.course_id JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
           WHERE e.person_id = $1 AND (SELECT min(session_date) FROM course_sessions WHERE course_id = c.id) BETWEEN x.period_from AND x.period_to)
     )
     SELECT a.at, a.actor, a.actor_role AS "actorRole", a.action, a.entity, a.fields, a.purpose
       FROM audit_log a JOIN mine m ON m.entity = a.entity AND m.id = a.entity_id
      WHERE NOT m.reads_only OR a.action = 'READ_PERSONAL'
      ORDER BY a.at DESC, a.id DESC LIMIT $2`,
    [personId, ACCESS_LOG_LIMIT],
  );
  return rows.map((r) => {
    const { purpose, recorded } = purposeOf(r, selfActor);
    return { at: r.at, actor: r.actor, actorRole: r.actorRole, action: r.action, entity: r.entity, fields: r.fields, purpose, purposeRecorded: recorded };
  });
}
