import { EntityManager } from 'typeorm';

export const PARTICIPANT_HEADERS = [
  'Koulutus', 'Taso', 'Alkupäivä', 'Loppupäivä', 'Etunimi', 'Sukunimi', 'Sähköposti', 'Suoritus', 'Suorituspäivä',
  'Sukupuoli', 'Syntymävuosi', 'Ikäryhmä', 'Koulutustaso', 'Työmarkkina-asema', 'Tiedot syötetty EURA-järjestelmään',
];

const TIER = { 1: 'Kouluttajakoulutus', 2: 'Avainhenkilökoulutus' } as Record<number, string>;
const STATUS = { COMPLETED: 'Suoritettu', DROPPED: 'Keskeytetty', ENROLLED: 'Kesken' } as Record<string, string>;
const GENDER = { WOMAN: 'Nainen', MAN: 'Mies', NON_BINARY: 'Muu' } as Record<string, string>;
const EDUCATION = { ISCED_0_2: 'ISCED 0–2', ISCED_3_4: 'ISCED 3–4', ISCED_5_8: 'ISCED 5–8' } as Record<string, string>;

interface Row {
  course: string;
  tier: number;
  first_session: string;
  last_session: string;
  first_name: string;
  last_name: string;
  email: string;
  status: string;
  completed_on: string | null;
  gender: string | null;
  birth_year: number | null;
  education_level: string | null;
  esf_data_entered: boolean;
}

/**
 * Opens a cursor over the period's ESF participants: everyone enrolled in a trainer (tier 1) or key
 * worker (tier 2) course whose first session is in the period, in a fixed order (so the same data give
 * the same file). Course trainers are not enrolled, so trainers paid by the project are never
 * participants. The query runs once; rows are then fetched in batches, so memory stays bounded.
 * Must run inside a transaction, which the cursor lives in.
 */
export async function openParticipants(em: EntityManager, from: string, to: string): Promise<void> {
  await em.query(
    `DECLARE esf_participants NO SCROLL CURSOR FOR
     SELECT c.name AS course, pr.tier, s.first_session::text, s.last_session::text,
            p.first_name, p.last_name, p.email, e.status, e.completed_on::text, p.gender, p.birth_year, p.education_level, p.esf_data_entered
       FROM enrolments e
       JOIN courses c ON c.id = e.course_id
       JOIN programmes pr ON pr.id = c.programme_id AND pr.tier IN (1, 2)
       JOIN (SELECT course_id, min(session_date) AS first_session, max(session_date) AS last_session FROM course_sessions GROUP BY course_id) s ON s.course_id = c.id
       JOIN people p ON p.id = e.person_id
      WHERE s.first_session BETWEEN '${isoDate(from)}' AND '${isoDate(to)}'
      ORDER BY s.first_session, c.id, e.id`,
  );
}

/** The next batch of participant rows as cells; an empty batch means the end. */
export async function participantBatch(em: EntityManager, limit: number): Promise<string[][]> {
  const rows: Row[] = await em.query(`FETCH ${Math.trunc(limit)} FROM esf_participants`);
  return rows.map(toCells);
}

/** DECLARE takes no parameters: dates are validated and inlined. */
function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`not a date: ${value}`);
  return value;
}

function toCells(r: Row): string[] {
  const age = r.birth_year ? Number(r.first_session.slice(0, 4)) - r.birth_year : null;
  return [
    r.course,
    TIER[r.tier],
    r.first_session,
    r.last_session,
    r.first_name,
    r.last_name,
    r.email,
    STATUS[r.status],
    r.completed_on ?? '',
    r.gender ? GENDER[r.gender] : '',
    r.birth_year ? String(r.birth_year) : '',
    age === null ? '' : age < 30 ? '18–29' : age < 55 ? '30–54' : '55+',
    r.education_level ? EDUCATION[r.education_level] : '',
    'Työllinen',
    r.esf_data_entered ? 'Kyllä' : 'Ei',
  ];
}
