import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateByTenant } from './tenant-isolation';

const SECTORS = [
  'SOCIAL_AND_HEALTH_CARE', 'EARLY_CHILDHOOD_EDUCATION', 'STUDENT_WELFARE', 'OCCUPATIONAL_HEALTH', 'BASIC_EDUCATION',
  'YOUTH_SERVICES', 'EMPLOYMENT_SERVICES', 'THIRD_SECTOR', 'PARISH', 'OTHER',
];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/** Child rows name their parent together with the tenant, so a row can never point into another county. */
const audit = 'created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now(), version int NOT NULL DEFAULT 1';

/**
 * The county network and the training cascade: units, people, curricula (programmes and modules),
 * courses with sessions, trainers, enrolments, attendance and tasks, certificates, memberships with
 * history, yearly reviews, activities, network events, and the append-only audit log.
 */
export class Network1764000000002 implements MigrationInterface {
  name = 'Network1764000000002';

  async up(q: QueryRunner): Promise<void> {
    const tables: Array<[string, string, string?]> = [];
    const create = async (table: string, ddl: string, grants?: string) => {
      await q.query(`CREATE TABLE ${table} (${ddl})`);
      tables.push([table, ddl, grants]);
    };
    await q.query('ALTER TABLE organisations ADD CONSTRAINT organisations_tenant_id_key UNIQUE (tenant_id, id)');

    await create('audit_log', `
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES counties(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL DEFAULT coalesce(NULLIF(current_setting('app.actor_id', true), ''), 'system'),
      action text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'READ_PERSONAL', 'EXPORT')),
      entity text NOT NULL,
      entity_id uuid,
      fields text[] NOT NULL DEFAULT '{}'`, 'SELECT, INSERT');
    await q.query('CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity, entity_id, at)');

    await create('units', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      organisation_id uuid NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      sector text NOT NULL CHECK (sector IN (${list(SECTORS)})),
      municipality_code text REFERENCES municipalities(code),
      ${audit},
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations(tenant_id, id)`);
    await q.query('CREATE UNIQUE INDEX units_name_key ON units (tenant_id, organisation_id, lower(name))');

    await create('people', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      first_name text NOT NULL CHECK (char_length(first_name) BETWEEN 1 AND 100),
      last_name text NOT NULL CHECK (char_length(last_name) BETWEEN 1 AND 100),
      email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
      phone text CHECK (char_length(phone) <= 40),
      job_title text CHECK (char_length(job_title) <= 200),
      unit_id uuid,
      work_address text CHECK (char_length(work_address) <= 300),
      gender text CHECK (gender IN ('WOMAN', 'MAN', 'NON_BINARY')),
      birth_year int CHECK (birth_year BETWEEN 1930 AND 2015),
      education_level text CHECK (education_level IN ('ISCED_0_2', 'ISCED_3_4', 'ISCED_5_8')),
      esf_data_entered boolean NOT NULL DEFAULT false,
      directory_opt_in boolean NOT NULL DEFAULT false,
      -- For participants of THL's trainer training (kept in THL's tenant): the county they come from.
      home_county_id uuid REFERENCES counties(id),
      ${audit},
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)`);
    await q.query('CREATE UNIQUE INDEX people_email_key ON people (tenant_id, lower(email))');
    await q.query('CREATE INDEX people_unit_idx ON people (tenant_id, unit_id)');
    await q.query('CREATE INDEX people_name_idx ON people (tenant_id, lower(last_name), lower(first_name), id)');

    await create('programmes', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      tier int NOT NULL CHECK (tier BETWEEN 1 AND 3),
      name_fi text NOT NULL, name_sv text NOT NULL, name_en text NOT NULL,
      min_sessions int CHECK (min_sessions >= 1),
      is_national_default boolean NOT NULL DEFAULT false,
      ${audit},
      UNIQUE (tenant_id, id)`);
    await create('programme_modules', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      programme_id uuid NOT NULL,
      position int NOT NULL CHECK (position >= 1),
      kind text NOT NULL CHECK (kind IN ('SESSION', 'PRE_TASK', 'INTERMEDIATE_TASK', 'FINAL_TASK')),
      theme_fi text NOT NULL, theme_sv text NOT NULL, theme_en text NOT NULL,
      hours numeric(4,1) CHECK (hours > 0 AND hours <= 24),
      required boolean NOT NULL DEFAULT true,
      UNIQUE (tenant_id, id),
      UNIQUE (programme_id, position),
      FOREIGN KEY (tenant_id, programme_id) REFERENCES programmes(tenant_id, id) ON DELETE CASCADE`);

    await create('courses', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      programme_id uuid NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
      place text CHECK (char_length(place) <= 200),
      organisation_id uuid,
      unit_id uuid,
      status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED', 'RUNNING', 'COMPLETED', 'CANCELLED')),
      ${audit},
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, programme_id) REFERENCES programmes(tenant_id, id),
      FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisations(tenant_id, id),
      FOREIGN KEY (tenant_id, unit_id) REFERENCES units(tenant_id, id)`);
    await create('course_trainers', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      course_id uuid NOT NULL,
      person_id uuid NOT NULL,
      PRIMARY KEY (course_id, person_id),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id)`);
    await q.query('CREATE INDEX course_trainers_person_idx ON course_trainers (tenant_id, person_id)');
    await create('course_sessions', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      course_id uuid NOT NULL,
      module_id uuid,
      session_date date NOT NULL,
      starts_at time NOT NULL,
      ends_at time NOT NULL CHECK (ends_at > starts_at),
      place text CHECK (char_length(place) <= 200),
      theme text CHECK (char_length(theme) <= 200),
      is_makeup boolean NOT NULL DEFAULT false,
      UNIQUE (tenant_id, id),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, module_id) REFERENCES programme_modules(tenant_id, id)`);
    await q.query('CREATE INDEX course_sessions_course_idx ON course_sessions (tenant_id, course_id, session_date)');
    await create('session_trainers', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      session_id uuid NOT NULL,
      person_id uuid NOT NULL,
      PRIMARY KEY (session_id, person_id),
      FOREIGN KEY (tenant_id, session_id) REFERENCES course_sessions(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id)`);
    await create('enrolments', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      course_id uuid NOT NULL,
      person_id uuid NOT NULL,
      status text NOT NULL DEFAULT 'ENROLLED' CHECK (status IN ('ENROLLED', 'COMPLETED', 'DROPPED')),
      enrolled_at timestamptz NOT NULL DEFAULT now(),
      completed_on date,
      dropped_on date,
      UNIQUE (tenant_id, id),
      UNIQUE (course_id, person_id),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id)`);
    await q.query('CREATE INDEX enrolments_person_idx ON enrolments (tenant_id, person_id)');
    await create('attendance', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      session_id uuid NOT NULL,
      enrolment_id uuid NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (session_id, enrolment_id),
      FOREIGN KEY (tenant_id, session_id) REFERENCES course_sessions(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, enrolment_id) REFERENCES enrolments(tenant_id, id) ON DELETE CASCADE`);
    await create('task_submissions', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      enrolment_id uuid NOT NULL,
      module_id uuid NOT NULL,
      submitted_on date NOT NULL,
      accepted_on date,
      PRIMARY KEY (enrolment_id, module_id),
      FOREIGN KEY (tenant_id, enrolment_id) REFERENCES enrolments(tenant_id, id) ON DELETE CASCADE,
      FOREIGN KEY (tenant_id, module_id) REFERENCES programme_modules(tenant_id, id)`);
    await create('course_headcounts', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      course_id uuid NOT NULL,
      sector text NOT NULL CHECK (sector IN (${list(SECTORS)})),
      participants int NOT NULL CHECK (participants BETWEEN 1 AND 100000),
      PRIMARY KEY (course_id, sector),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id) ON DELETE CASCADE`);

    await create('certificates', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      person_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('TRAINER', 'KEY_WORKER')),
      course_id uuid,
      -- A trainer certified by THL's course: that course, in THL's tenant (invisible to the county).
      source_course_id uuid REFERENCES courses(id),
      issued_on date NOT NULL,
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, person_id, kind),
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id)`);

    await create('memberships', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      person_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'LEFT_ROLE', 'LEFT_ORGANISATION')),
      since date NOT NULL,
      ${audit},
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, person_id),
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id)`);
    await create('membership_events', `
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES counties(id),
      membership_id uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('ACTIVE', 'ON_LEAVE', 'LEFT_ROLE', 'LEFT_ORGANISATION')),
      effective_on date NOT NULL,
      reason text CHECK (char_length(reason) <= 500),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text NOT NULL DEFAULT coalesce(NULLIF(current_setting('app.actor_id', true), ''), 'system'),
      FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships(tenant_id, id)`, 'SELECT, INSERT');
    await create('review_rounds', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      year int NOT NULL CHECK (year BETWEEN 2020 AND 2100),
      opened_on date NOT NULL,
      closed_on date,
      UNIQUE (tenant_id, id),
      UNIQUE (tenant_id, year)`);
    await create('review_items', `
      tenant_id uuid NOT NULL REFERENCES counties(id),
      round_id uuid NOT NULL,
      membership_id uuid NOT NULL,
      outcome text CHECK (outcome IN ('CONFIRMED', 'CHANGED', 'GONE')),
      note text CHECK (char_length(note) <= 500),
      decided_at timestamptz,
      PRIMARY KEY (round_id, membership_id),
      FOREIGN KEY (tenant_id, round_id) REFERENCES review_rounds(tenant_id, id),
      FOREIGN KEY (tenant_id, membership_id) REFERENCES memberships(tenant_id, id)`);

    await create('activities', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      person_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('CONSULTATION', 'PAIR_WORK', 'INFO_SESSION', 'ADDRESSING_TRAINING')),
      occurred_on date NOT NULL,
      count int NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 1000),
      course_id uuid,
      note text CHECK (char_length(note) <= 500),
      ${audit},
      FOREIGN KEY (tenant_id, person_id) REFERENCES people(tenant_id, id),
      FOREIGN KEY (tenant_id, course_id) REFERENCES courses(tenant_id, id)`);
    await q.query('CREATE INDEX activities_person_idx ON activities (tenant_id, person_id, occurred_on)');
    await create('network_events', `
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES counties(id),
      held_on date NOT NULL,
      theme text NOT NULL CHECK (char_length(theme) BETWEEN 1 AND 200),
      attendance_count int NOT NULL CHECK (attendance_count BETWEEN 0 AND 10000),
      ${audit}`);

    // Seeded for all counties at once, before FORCE ROW LEVEL SECURITY applies to the owner as well.
    await this.seedNationalProgrammes(q);
    for (const [table, , grants] of tables) await isolateByTenant(q, table, grants);
  }

  /**
   * Each county gets its own copy of the national default curricula (THL's tenant the trainer training
   * only), which it may then adapt: curricula
   * are data. Key worker training: four 4 h days, a 2 h closing session, a pre-task, three intermediate
   * tasks and a final task; complete when the four days are attended and the final task is accepted.
   */
  private async seedNationalProgrammes(q: QueryRunner): Promise<void> {
    const programmes: Array<{ tier: number; names: [string, string, string]; modules: Array<[string, string, string, string, number | null, boolean]> }> = [
      {
        tier: 1,
        names: ['Avainhenkilöiden kouluttajakoulutus', 'Utbildning för utbildare av nyckelpersoner', 'Training of key worker trainers'],
        modules: [
          ['SESSION', 'Avainhenkilömalli ja kouluttajan rooli', 'Nyckelpersonsmodellen och utbildarens roll', 'The key worker model and the trainer role', 4, true],
          ['SESSION', 'Koulutuksen sisällöt ja menetelmät', 'Utbildningens innehåll och metoder', 'Training content and methods', 4, true],
          ['FINAL_TASK', 'Lopputehtävä', 'Slutuppgift', 'Final task', null, true],
        ],
      },
      {
        tier: 2,
        names: ['Avainhenkilökoulutus', 'Nyckelpersonsutbildning', 'Key worker training'],
        modules: [
          ['PRE_TASK', 'Ennakkotehtävä', 'Förhandsuppgift', 'Pre-task', null, false],
          ['SESSION', 'Kokemusasiantuntijuus I', 'Erfarenhetsexpertis I', 'Lived experience I', 4, true],
          ['INTERMEDIATE_TASK', 'Välitehtävä 1', 'Mellanuppgift 1', 'Intermediate task 1', null, false],
          ['SESSION', 'Lähisuhdeväkivaltatyön työkalut', 'Verktyg för arbetet mot våld i nära relationer', 'Tools of domestic-violence work', 4, true],
          ['INTERMEDIATE_TASK', 'Välitehtävä 2', 'Mellanuppgift 2', 'Intermediate task 2', null, false],
          ['SESSION', 'Kokemusasiantuntijuus II', 'Erfarenhetsexpertis II', 'Lived experience II', 4, true],
          ['INTERMEDIATE_TASK', 'Välitehtävä 3', 'Mellanuppgift 3', 'Intermediate task 3', null, false],
          ['SESSION', 'Väkivallan tekijän kanssa työskentely', 'Arbete med den som utövar våld', 'Working with the perpetrator', 4, true],
          ['FINAL_TASK', 'Lopputehtävä', 'Slutuppgift', 'Final task', null, true],
          ['SESSION', 'Päätöstilaisuus', 'Avslutning', 'Closing session', 2, false],
        ],
      },
      {
        tier: 3,
        names: ['Puheeksiottamisen koulutus', 'Utbildning i att ta upp våld', 'Addressing training'],
        modules: [['SESSION', 'Väkivallan puheeksiotto', 'Att ta upp våld', 'Raising violence as a topic', 3, true]],
      },
    ];
    for (const p of programmes) {
      const inserted: Array<{ id: string; tenant_id: string }> = await q.query(
        `INSERT INTO programmes (tenant_id, tier, name_fi, name_sv, name_en, is_national_default)
         SELECT id, $1, $2, $3, $4, true FROM counties WHERE kind = 'COUNTY' OR $1 = 1 RETURNING id, tenant_id`,
        [p.tier, ...p.names],
      );
      for (const [index, [kind, fi, sv, en, hours, required]] of p.modules.entries()) {
        await q.query(
          `INSERT INTO programme_modules (tenant_id, programme_id, position, kind, theme_fi, theme_sv, theme_en, hours, required)
           SELECT t.tenant_id, t.id, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::uuid[], $2::uuid[]) AS t(id, tenant_id)`,
          [inserted.map((r) => r.id), inserted.map((r) => r.tenant_id), index + 1, kind, fi, sv, en, hours, required],
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE network_events, activities, review_items, review_rounds, membership_events, memberships, certificates,
      course_headcounts, task_submissions, attendance, enrolments, session_trainers, course_sessions, course_trainers, courses,
      programme_modules, programmes, people, units, audit_log`);
    await q.query('ALTER TABLE organisations DROP CONSTRAINT organisations_tenant_id_key');
  }
}
