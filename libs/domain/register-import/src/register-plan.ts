import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { EntityManager } from 'typeorm';
import { helsinkiToday, isLocalDate, unprintableStrings } from '@lahde/platform/errors';
import { CreatePersonInput } from '@lahde/domain/people';
import { ColumnMap, columnName, RegisterField } from './register-columns';
import { RegisterSheet } from './register-file';

export interface RegisterProblem {
  /** Row number in the file (the header is row 1); null for the file as a whole. */
  row: number | null;
  column: string | null;
  message: string;
}

/** The profile fields an import writes, as the people table names them. */
export const PROFILE_COLUMNS = { firstName: 'first_name', lastName: 'last_name', phone: 'phone', jobTitle: 'job_title', unitId: 'unit_id' } as const;
type ProfileField = keyof typeof PROFILE_COLUMNS;
type Profile = Partial<Record<ProfileField, string>>;

export interface PlannedPerson {
  row: number;
  email: string;
  profile: Profile;
  /** The existing person with this e-mail, if any, and the fields the file changes. */
  existing: { id: string; version: number } | null;
  changes: ProfileField[];
  /** Certify as a key worker on this date (the person has no key worker certificate yet). */
  certifyOn: string | null;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  certified: number;
}

export interface RegisterPlan {
  problems: RegisterProblem[];
  people: PlannedPerson[];
  summary: ImportSummary;
}

/** Validation messages of CreatePersonInput are phrased by property; the file speaks of its own columns. */
const FIELD_OF_PROPERTY: Record<string, RegisterField> = {
  firstName: RegisterField.FIRST_NAME,
  lastName: RegisterField.LAST_NAME,
  email: RegisterField.EMAIL,
  phone: RegisterField.PHONE,
  jobTitle: RegisterField.JOB_TITLE,
};

/**
 * Checks every row against the rules of a person record and the county's registry, and works out what
 * committing would do: create, update (only the fields the file fills and changes; an empty cell never
 * erases) or leave unchanged, matched by e-mail within the county. Reads only; returns every problem.
 */
export async function planImport(em: EntityManager, sheet: RegisterSheet, columns: ColumnMap): Promise<RegisterPlan> {
  const problems: RegisterProblem[] = [];
  const column = (field: RegisterField) => columnName(sheet.headers, columns, field);
  const cell = (cells: string[], field: RegisterField) => (columns[field] === undefined ? '' : (cells[columns[field]!] ?? '').normalize('NFC').trim());
  const registry = await loadRegistry(em);
  const today = helsinkiToday();
  const seen = new Map<string, number>();
  const people: PlannedPerson[] = [];

  for (const { row, cells } of sheet.rows) {
    const problem = (field: RegisterField | null, message: string) => problems.push({ row, column: field && column(field), message });
    for (const field of Object.values(RegisterField)) {
      if (unprintableStrings(cell(cells, field), field).length) problem(field, 'must not contain control characters or broken Unicode');
    }
    const { firstName, lastName } = names(cell(cells, RegisterField.NAME), cell(cells, RegisterField.FIRST_NAME), cell(cells, RegisterField.LAST_NAME));
    const email = cell(cells, RegisterField.EMAIL).toLowerCase();
    const input = { firstName, lastName, email, phone: cell(cells, RegisterField.PHONE) || undefined, jobTitle: cell(cells, RegisterField.JOB_TITLE) || undefined };
    for (const error of await validate(plainToInstance(CreatePersonInput, input))) {
      const field = FIELD_OF_PROPERTY[error.property] ?? null;
      const message = Object.values(error.constraints ?? {})[0] ?? 'is not valid';
      problem(field === RegisterField.FIRST_NAME || field === RegisterField.LAST_NAME ? (columns.NAME !== undefined ? RegisterField.NAME : field) : field, message);
    }
    if (email && seen.has(email)) problem(RegisterField.EMAIL, `the same e-mail address as row ${seen.get(email)}`);
    else if (email) seen.set(email, row);

    const unitId = resolveUnit(registry, cell(cells, RegisterField.ORGANISATION), cell(cells, RegisterField.UNIT), problem);
    const certifiedOn = certificationDate(cell(cells, RegisterField.CERTIFIED_ON), today);
    if (certifiedOn === undefined) problem(RegisterField.CERTIFIED_ON, 'must be a date (31.12.2024 or 2024-12-31) or a year, not in the future');

    const profile: Profile = { firstName, lastName, phone: input.phone, jobTitle: input.jobTitle, unitId: unitId ?? undefined };
    const existing = registry.people.get(email);
    const changes = existing ? (Object.keys(PROFILE_COLUMNS) as ProfileField[]).filter((f) => profile[f] !== undefined && profile[f] !== existing[f]) : [];
    people.push({
      row,
      email,
      profile,
      existing: existing ? { id: existing.id, version: existing.version } : null,
      changes,
      certifyOn: certifiedOn && !existing?.certified ? certifiedOn : null,
    });
  }
  if (sheet.rows.length === 0) problems.push({ row: null, column: null, message: 'The file has no data rows' });
  return {
    problems,
    people,
    summary: {
      created: people.filter((p) => !p.existing).length,
      updated: people.filter((p) => p.existing && p.changes.length).length,
      unchanged: people.filter((p) => p.existing && !p.changes.length && !p.certifyOn).length,
      certified: people.filter((p) => p.certifyOn).length,
    },
  };
}

/** "Sukunimi, Etunimi" or "Etunimi Sukunimi" (the last word is the surname), unless the file has both columns. */
function names(full: string, first: string, last: string): { firstName: string; lastName: string } {
  if (first || last) return { firstName: first, lastName: last };
  const comma = full.indexOf(',');
  if (comma >= 0) return { firstName: full.slice(comma + 1).trim(), lastName: full.slice(0, comma).trim() };
  const space = full.lastIndexOf(' ');
  return space < 0 ? { firstName: full, lastName: '' } : { firstName: full.slice(0, space).trim(), lastName: full.slice(space + 1) };
}

/** YYYY-MM-DD, D.M.YYYY or a year (taken as 31 December, or today in the current year); undefined when unreadable. */
function certificationDate(text: string, today: string): string | null | undefined {
  if (!text) return null;
  let date: string | undefined;
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (finnish) date = `${finnish[3]}-${finnish[2].padStart(2, '0')}-${finnish[1].padStart(2, '0')}`;
  else if (/^\d{4}$/.test(text)) date = `${text}-12-31` > today && text === today.slice(0, 4) ? today : `${text}-12-31`;
  else date = text;
  return isLocalDate(date) && date <= today && date >= '2000-01-01' ? date : undefined;
}

interface Registry {
  organisations: Map<string, string>;
  units: Array<{ id: string; organisationId: string; name: string }>;
  people: Map<string, Profile & { id: string; version: number; certified: boolean }>;
}

async function loadRegistry(em: EntityManager): Promise<Registry> {
  const organisations: Array<{ id: string; name: string }> = await em.query('SELECT id, lower(name) AS name FROM organisations');
  const units: Array<{ id: string; organisationId: string; name: string }> = await em.query(
    'SELECT id, organisation_id AS "organisationId", lower(name) AS name FROM units',
  );
  const people: Array<Profile & { id: string; email: string; version: number; certified: boolean }> = await em.query(
    `SELECT p.id, lower(p.email) AS email, p.first_name AS "firstName", p.last_name AS "lastName", p.phone, p.job_title AS "jobTitle",
            p.unit_id AS "unitId", p.version,
            EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id AND c.kind = 'KEY_WORKER') AS certified
       FROM people p`,
  );
  return {
    organisations: new Map(organisations.map((o) => [o.name, o.id])),
    units,
    people: new Map(people.map((p) => [p.email, { ...p, phone: p.phone ?? undefined, jobTitle: p.jobTitle ?? undefined, unitId: p.unitId ?? undefined }])),
  };
}

/** The unit named in the row, within the named organisation (or the only unit of that name in the county). */
function resolveUnit(registry: Registry, organisation: string, unit: string, problem: (field: RegisterField, message: string) => void): string | null {
  const organisationId = organisation ? registry.organisations.get(organisation.toLowerCase()) : undefined;
  if (organisation && !organisationId) {
    problem(RegisterField.ORGANISATION, `no organisation "${organisation}" in the county: create it first or correct the name`);
    return null;
  }
  if (!unit) return null;
  const matches = registry.units.filter((u) => u.name === unit.toLowerCase() && (!organisationId || u.organisationId === organisationId));
  if (matches.length === 1) return matches[0].id;
  problem(
    RegisterField.UNIT,
    matches.length ? `several units are called "${unit}": fill in the organisation column` : `no unit "${unit}"${organisation ? ` in ${organisation}` : ''}: create it first or correct the name`,
  );
  return null;
}
