import { Client } from 'pg';

/** The three sizes of the synthetic national data set (totals over the 22 counties, split by population). */
export const SCALES = {
  S: { trainers: 44, keyWorkers: 440, participants: 4_400 },
  M: { trainers: 300, keyWorkers: 2_500, participants: 100_000 },
  L: { trainers: 3_000, keyWorkers: 25_000, participants: 1_000_000 },
} as const;
export type Scale = keyof typeof SCALES;

export interface GeneratedCounty {
  code: string;
  trainers: number;
  keyWorkers: number;
  participants: number;
}

const SECTORS = ['SOCIAL_AND_HEALTH_CARE', 'EARLY_CHILDHOOD_EDUCATION', 'STUDENT_WELFARE', 'OCCUPATIONAL_HEALTH', 'BASIC_EDUCATION', 'YOUTH_SERVICES', 'EMPLOYMENT_SERVICES', 'THIRD_SECTOR', 'PARISH', 'OTHER'];
const PARTICIPANTS_PER_ADDRESSING = 10;
const KEY_WORKERS_PER_COURSE = 20;

/**
 * Builds a national data set through the real schema: as the runtime role, one county at a time inside
 * that county's tenant context (row-level security applies to every insert), set-based SQL for speed.
 * Deterministic: every choice is arithmetic on row numbers and the seed, never random.
 */
export async function generateNationalData(runtimeUrl: string, scale: Scale, seed = 1, log: (line: string) => void = () => undefined): Promise<GeneratedCounty[]> {
  const db = new Client({ connectionString: runtimeUrl });
  await db.connect();
  try {
    await db.query("SET statement_timeout = '30min'");
    const counties: Array<{ id: string; code: string; population: number; municipalities: string[] }> = (
      await db.query(
        `SELECT c.id, c.code, p.population, array_agg(m.code ORDER BY m.code) AS municipalities
           FROM counties c JOIN county_populations p ON p.county_id = c.id AND p.year = 2024 JOIN municipalities m ON m.county_id = c.id
          WHERE c.kind = 'COUNTY' GROUP BY c.id, c.code, p.population ORDER BY c.code`,
      )
    ).rows;
    const total = counties.reduce((sum, c) => sum + c.population, 0);
    const result: GeneratedCounty[] = [];
    for (const county of counties) {
      const share = county.population / total;
      const size = {
        code: county.code,
        trainers: Math.max(3, Math.round(SCALES[scale].trainers * share)),
        keyWorkers: Math.max(KEY_WORKERS_PER_COURSE, Math.round(SCALES[scale].keyWorkers * share)),
        participants: Math.max(PARTICIPANTS_PER_ADDRESSING, Math.round(SCALES[scale].participants * share)),
      };
      const started = Date.now();
      await db.query('BEGIN');
      await db.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.actor_id', 'generator', true)", [county.id]);
      await generateCounty(db, county.code, county.municipalities, size, seed);
      await db.query('COMMIT');
      log(`county ${county.code}: ${size.trainers} trainers, ${size.keyWorkers} key workers, ${size.participants} participants in ${Date.now() - started} ms`);
      result.push(size);
    }
    return result;
  } finally {
    await db.end();
  }
}

async function generateCounty(db: Client, code: string, municipalities: string[], size: GeneratedCounty, seed: number): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const { trainers: T, keyWorkers: K, participants: P } = size;
  const units = Math.max(3, Math.ceil(K / 4));

  await q(
    `INSERT INTO organisations (type, name, municipality_code)
     SELECT CASE WHEN i = 1 THEN 'COUNTY' WHEN i % 4 = 0 THEN 'NGO' WHEN i % 4 = 1 THEN 'PARISH' ELSE 'MUNICIPALITY' END,
            'Organisaatio ' || $1 || '-' || i, ($2::text[])[1 + (i * 7 + $3) % cardinality($2::text[])]
       FROM generate_series(1, $4::int) AS i`,
    [code, municipalities, seed, Math.max(2, Math.ceil(units / 10))],
  );
  await q(
    `INSERT INTO units (organisation_id, name, sector, municipality_code)
     SELECT o.id, 'Yksikkö ' || i, ($2::text[])[1 + (i * 3 + $3) % 10], ($4::text[])[1 + (i * 11 + $3) % cardinality($4::text[])]
       FROM generate_series(1, $1::int) AS i
       JOIN LATERAL (SELECT id FROM organisations ORDER BY name OFFSET (i % (SELECT count(*) FROM organisations)) LIMIT 1) o ON true`,
    [units, SECTORS, seed, municipalities],
  );
  await q('CREATE TEMP TABLE gen_units ON COMMIT DROP AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM units');
  // People: 1..T trainers, T+1..T+K key workers, then addressing-training participants.
  await q(
    `INSERT INTO people (first_name, last_name, email, unit_id, gender, birth_year, education_level, directory_opt_in)
     SELECT 'Henkilö', lpad(i::text, 7, '0'), 'h' || i || '@c' || $1 || '.lahde.test',
            (SELECT id FROM gen_units WHERE n = 1 + (i * 13 + $2) % $3),
            (ARRAY['WOMAN', 'MAN', 'WOMAN', 'NON_BINARY', 'WOMAN'])[1 + (i + $2) % 5], 1960 + (i * 37 + $2) % 42,
            (ARRAY['ISCED_5_8', 'ISCED_3_4', 'ISCED_5_8'])[1 + i % 3], i % 3 = 0
       FROM generate_series(1, $4::int) AS i`,
    [code, seed, units, T + K + P],
  );
  await q(`CREATE TEMP TABLE gen_people ON COMMIT DROP AS SELECT substring(email FROM 2 FOR position('@' IN email) - 2)::int AS i, id FROM people`);
  await q('CREATE INDEX ON gen_people (i)');
  const programme = async (tier: number) =>
    (await q('SELECT p.id, array_agg(m.id ORDER BY m.position) FILTER (WHERE m.kind = $2) AS sessions FROM programmes p JOIN programme_modules m ON m.programme_id = p.id WHERE p.tier = $1 AND p.is_national_default GROUP BY p.id', [tier, 'SESSION'])).rows[0];
  const [tier1, tier2, tier3] = [await programme(1), await programme(2), await programme(3)];

  // Tier 1: one trainer training, every trainer certified in it; one in twenty has since left.
  const thl = (await q("INSERT INTO courses (programme_id, name, status) VALUES ($1, 'Kouluttajakoulutus', 'COMPLETED') RETURNING id", [tier1.id])).rows[0].id;
  await q("INSERT INTO course_sessions (course_id, module_id, session_date, starts_at, ends_at) VALUES ($1, $2, '2024-09-02', '09:00', '13:00')", [thl, tier1.sessions[0]]);
  await q(
    `INSERT INTO enrolments (course_id, person_id, status, completed_on) SELECT $1, id, 'COMPLETED', '2024-10-01' FROM gen_people WHERE i <= $2`,
    [thl, T],
  );
  await q(`INSERT INTO certificates (person_id, kind, course_id, issued_on) SELECT id, 'TRAINER', $1, '2024-10-01' FROM gen_people WHERE i <= $2`, [thl, T]);

  // Tier 2: courses of twenty, three co-trainers each; per twenty one drops, one is still missing a day.
  const courses2 = Math.ceil(K / KEY_WORKERS_PER_COURSE);
  await q(
    `INSERT INTO courses (programme_id, name, status) SELECT $1, 'Avainhenkilökoulutus ' || j, 'COMPLETED' FROM generate_series(1, $2::int) AS j`,
    [tier2.id, courses2],
  );
  await q(`CREATE TEMP TABLE gen_courses ON COMMIT DROP AS SELECT substring(name FROM 22)::int AS j, id FROM courses WHERE name LIKE 'Avainhenkilökoulutus %'`);
  await q(
    `INSERT INTO course_trainers (course_id, person_id)
     SELECT DISTINCT c.id, t.id FROM gen_courses c CROSS JOIN generate_series(0, 2) AS k JOIN gen_people t ON t.i = 1 + (c.j * 7 + k * 5 + $2) % $1`,
    [T, seed],
  );
  await q(
    `INSERT INTO course_sessions (course_id, module_id, session_date, starts_at, ends_at)
     SELECT c.id, ($1::uuid[])[s], date '2025-01-06' + ((c.j * 7 + $2) % 600) + (ARRAY[0, 14, 28, 35, 56])[s], '12:00', CASE WHEN s = 5 THEN time '14:00' ELSE time '16:00' END
       FROM gen_courses c CROSS JOIN generate_series(1, 5) AS s`,
    [tier2.sessions, seed],
  );
  await q(
    `INSERT INTO enrolments (course_id, person_id, status, completed_on, dropped_on)
     SELECT c.id, p.id,
            CASE WHEN k % 20 = 0 THEN 'DROPPED' WHEN k % 20 = 1 THEN 'ENROLLED' ELSE 'COMPLETED' END,
            CASE WHEN k % 20 > 1 THEN date '2025-01-06' + ((c.j * 7 + $3) % 600) + 56 + k % 30 END,
            CASE WHEN k % 20 = 0 THEN date '2025-01-06' + ((c.j * 7 + $3) % 600) + 14 END
       FROM generate_series(1, $1::int) AS k
       JOIN gen_people p ON p.i = $2 + k
       JOIN gen_courses c ON c.j = 1 + (k - 1) / ${KEY_WORKERS_PER_COURSE}`,
    [K, T, seed],
  );
  await q(
    `INSERT INTO attendance (session_id, enrolment_id)
     SELECT s.id, e.id FROM enrolments e JOIN course_sessions s ON s.course_id = e.course_id
      WHERE e.status <> 'DROPPED' AND e.course_id IN (SELECT id FROM gen_courses) AND s.session_date < (SELECT min(session_date) + 56 FROM course_sessions WHERE course_id = e.course_id)`,
  );
  await q(
    `INSERT INTO certificates (person_id, kind, course_id, issued_on)
     SELECT person_id, 'KEY_WORKER', course_id, completed_on FROM enrolments WHERE status = 'COMPLETED' AND course_id IN (SELECT id FROM gen_courses)`,
  );
  // Memberships: trainers and key workers; a few on leave or gone (which breaks some trainers' links).
  await q(
    `INSERT INTO memberships (person_id, status, since)
     SELECT c.person_id,
            CASE WHEN g.i % 20 = 2 THEN 'LEFT_ROLE' WHEN g.i % 20 = 3 THEN 'ON_LEAVE' WHEN g.i % 37 = 5 THEN 'LEFT_ORGANISATION' ELSE 'ACTIVE' END,
            c.issued_on
       FROM certificates c JOIN gen_people g ON g.id = c.person_id`,
  );
  await q(`INSERT INTO membership_events (membership_id, status, effective_on, reason) SELECT id, status, since, 'Generated' FROM memberships`);

  // Tier 3: key workers hold addressing trainings of ten named colleagues; every fifth also has a headcount.
  const courses3 = Math.ceil(P / PARTICIPANTS_PER_ADDRESSING);
  await q(
    `INSERT INTO courses (programme_id, name, status) SELECT $1, 'Puheeksiotto ' || m, 'COMPLETED' FROM generate_series(1, $2::int) AS m`,
    [tier3.id, courses3],
  );
  await q(`CREATE TEMP TABLE gen_addressing ON COMMIT DROP AS SELECT substring(name FROM 14)::int AS m, id FROM courses WHERE name LIKE 'Puheeksiotto %'`);
  await q('CREATE INDEX ON gen_addressing (m)');
  await q(
    `INSERT INTO course_trainers (course_id, person_id) SELECT a.id, p.id FROM gen_addressing a JOIN gen_people p ON p.i = $1 + 1 + (a.m * 7 + $3) % $2`,
    [T, K, seed],
  );
  await q(
    `INSERT INTO course_sessions (course_id, module_id, session_date, starts_at, ends_at)
     SELECT id, $1, date '2025-06-02' + (m * 3 + $2) % 500, '09:00', '12:00' FROM gen_addressing`,
    [tier3.sessions[0], seed],
  );
  await q(
    `INSERT INTO enrolments (course_id, person_id, status, completed_on)
     SELECT a.id, p.id, 'COMPLETED', date '2025-06-02' + (a.m * 3 + $3) % 500
       FROM generate_series(1, $1::int) AS x JOIN gen_people p ON p.i = $2 + x JOIN gen_addressing a ON a.m = 1 + (x - 1) / ${PARTICIPANTS_PER_ADDRESSING}`,
    [P, T + K, seed],
  );
  await q(`INSERT INTO course_headcounts (course_id, sector, participants) SELECT id, 'SOCIAL_AND_HEALTH_CARE', 10 FROM gen_addressing WHERE m % 5 = 0`);

  // Activities: four a year per key worker.
  await q(
    `INSERT INTO activities (person_id, kind, occurred_on, count)
     SELECT p.id, (ARRAY['CONSULTATION', 'PAIR_WORK', 'INFO_SESSION', 'ADDRESSING_TRAINING'])[1 + (p.i + n) % 4], date '2025-03-01' + (p.i * 5 + n * 90) % 600, 1 + (p.i + n) % 5
       FROM gen_people p CROSS JOIN generate_series(1, 4) AS n WHERE p.i > $1 AND p.i <= $1 + $2`,
    [T, K],
  );
}
