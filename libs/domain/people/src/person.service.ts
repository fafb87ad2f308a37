import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext, Role } from '@lahde/platform/auth';
import { applyChanges, assertVersion, findOrFail, saveUnique } from '@lahde/platform/database';
import { ACTIVE_KEY_WORKER_SQL, Sector } from '@lahde/domain/directory';
import { ForbiddenError, InputError, NotFoundError } from '@lahde/platform/errors';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { PersonEntity } from './person.entity';
import { CreatePersonInput, DirectoryArgs, DirectoryEntry, Person, PersonListArgs, UpdatePersonInput } from './person.models';
import { selfPersonId } from './self';

const EMAIL_TAKEN = { field: 'input.email', message: 'A person with this e-mail address already exists in your county' };
const PROFILE_FIELDS = ['phone', 'jobTitle', 'unitId', 'workAddress', 'gender', 'birthYear', 'educationLevel', 'esfDataEntered', 'directoryOptIn'] as const;
const COORDINATOR_FIELDS = ['firstName', 'lastName', 'email', ...PROFILE_FIELDS] as const;
/** Roles that manage every person of their tenant (THL's admins: the participants of THL's trainer training). */
const MANAGES_PEOPLE = new Set([Role.COUNTY_ADMIN, Role.COUNTY_COORDINATOR, Role.NATIONAL_ADMIN]);
/** Roles that see every person of their county; others see themselves (and trainers their trainees). */
const SEES_ALL = new Set([Role.COUNTY_ADMIN, Role.COUNTY_COORDINATOR, Role.ESF_REPORTER, Role.NATIONAL_ADMIN]);

const SELECT = `
  SELECT p.*, u.name AS unit_name, u.sector AS unit_sector, o.name AS organisation_name, hc.code AS home_county_code
    FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN organisations o ON o.id = u.organisation_id
    LEFT JOIN counties hc ON hc.id = p.home_county_id`;
const MISSING = `(p.unit_id IS NULL OR p.phone IS NULL OR p.job_title IS NULL OR p.gender IS NULL OR p.birth_year IS NULL OR p.education_level IS NULL)`;

type PersonRow = Record<string, unknown> & { id: string; first_name: string; last_name: string };

/** People of the caller's county. Reads of personal data and every write leave an audit record. */
@Injectable()
export class PersonService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
  ) {}

  list(args: PersonListArgs) {
    return this.tx.run(async (em) => {
      const where: string[] = [await this.visibility(em)];
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      if (args.search) where.push(`(p.first_name ILIKE ${param(`%${escapeLike(args.search)}%`)} OR p.last_name ILIKE $${params.length} OR p.email ILIKE $${params.length})`);
      if (args.unitId) where.push(`p.unit_id = ${param(args.unitId)}`);
      if (args.sector) where.push(`u.sector = ${param(args.sector)}`);
      if (args.municipalityCode) where.push(`u.municipality_code = ${param(args.municipalityCode)}`);
      if (args.incomplete) where.push(MISSING);
      const filter = where.join(' AND ');
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE ${filter}`, params);
      const after = decodeCursor(args.after, 3);
      const page = after ? ` AND (lower(p.last_name), lower(p.first_name), p.id) > (${param(after[0])}, ${param(after[1])}, ${param(after[2])}::uuid)` : '';
      const rows: PersonRow[] = await em.query(
        `${SELECT} WHERE ${filter}${page} ORDER BY lower(p.last_name), lower(p.first_name), p.id LIMIT ${param(args.first + 1)}`,
        params,
      );
      await audit(em, 'READ_PERSONAL', 'Person', rows.slice(0, args.first).map((r) => r.id));
      return toConnection(rows, args.first, n, toModel, (r) => [r.last_name.toLowerCase(), r.first_name.toLowerCase(), r.id]);
    });
  }

  get(id: string): Promise<Person> {
    return this.tx.run(async (em) => {
      const [row] = await em.query(`${SELECT} WHERE p.id = $1 AND ${await this.visibility(em)}`, [id]);
      if (!row) throw new NotFoundError('Person');
      await audit(em, 'READ_PERSONAL', 'Person', id);
      return toModel(row);
    });
  }

  /** The caller's own record, found by the e-mail of their sign-in. */
  me(): Promise<Person | null> {
    // National callers have no county, hence no person record in any registry.
    if (!this.principals.current.tenantId) return Promise.resolve(null);
    return this.tx.run(async (em) => {
      const id = await selfPersonId(em, this.principals.current);
      if (!id) return null;
      const [row] = await em.query(`${SELECT} WHERE p.id = $1`, [id]);
      await audit(em, 'READ_PERSONAL', 'Person', id);
      return toModel(row);
    });
  }

  create(input: CreatePersonInput): Promise<Person> {
    return this.tx.run(async (em) => {
      await assertUnit(em, input.unitId);
      const { homeCountyCode, ...fields } = input;
      const homeCountyId = await this.homeCounty(em, homeCountyCode);
      const entity = em.create(PersonEntity, { esfDataEntered: false, directoryOptIn: false, ...fields, email: input.email.toLowerCase(), homeCountyId });
      const saved = await saveUnique(em, entity, EMAIL_TAKEN);
      await audit(em, 'CREATE', 'Person', saved.id);
      return this.reload(em, saved.id);
    });
  }

  /** Coordinators change anyone; trainers and key workers only their own profile, and not their e-mail. */
  update(input: UpdatePersonInput): Promise<Person> {
    return this.tx.run(async (em) => {
      const principal = this.principals.current;
      const coordinator = MANAGES_PEOPLE.has(principal.role);
      if (!coordinator && (await selfPersonId(em, principal)) !== input.id) throw new NotFoundError('Person');
      if (!coordinator && input.email !== undefined) throw new ForbiddenError('Only a coordinator may change an e-mail address');
      const entity = await findOrFail(em, PersonEntity, 'Person', input.id, true);
      assertVersion(entity, input.version, 'Person');
      await assertUnit(em, input.unitId);
      const changed = applyChanges(entity, { ...input, email: input.email?.toLowerCase() }, [...(coordinator ? COORDINATOR_FIELDS : PROFILE_FIELDS)]);
      const saved = await saveUnique(em, entity, EMAIL_TAKEN);
      await audit(em, 'UPDATE', 'Person', saved.id, changed);
      return this.reload(em, saved.id);
    });
  }

  /** Opted-in active key workers: name, unit and sector, nothing else; every county role may read it. */
  directory(args: DirectoryArgs) {
    return this.tx.run(async (em) => {
      const params: unknown[] = [args.sector ?? null];
      const filter = `p.directory_opt_in AND ${ACTIVE_KEY_WORKER_SQL} AND ($1::text IS NULL OR u.sector = $1)`;
      const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM people p LEFT JOIN units u ON u.id = p.unit_id WHERE ${filter}`, params);
      const after = decodeCursor(args.after, 2);
      const rows: Array<{ id: string; name: string; unit_name: string | null; sector: string | null; organisation_name: string | null }> = await em.query(
        `SELECT p.id, p.first_name || ' ' || p.last_name AS name, u.name AS unit_name, u.sector, o.name AS organisation_name
           FROM people p LEFT JOIN units u ON u.id = p.unit_id LEFT JOIN organisations o ON o.id = u.organisation_id
          WHERE ${filter} AND ($2::text IS NULL OR (lower(p.first_name || ' ' || p.last_name), p.id) > ($2, $3::uuid))
          ORDER BY lower(p.first_name || ' ' || p.last_name), p.id LIMIT $4`,
        [...params, after?.[0] ?? null, after?.[1] ?? null, args.first + 1],
      );
      return toConnection(
        rows,
        args.first,
        n,
        (r): DirectoryEntry => ({ personId: r.id, name: r.name, unitName: r.unit_name, sector: r.sector as Sector | null, organisationName: r.organisation_name }),
        (r) => [r.name.toLowerCase(), r.id],
      );
    });
  }

  /** Participants of THL's trainer training name their county; county registries never need it. */
  private async homeCounty(em: EntityManager, code: string | undefined): Promise<string | null> {
    const national = !this.principals.current.countyCode;
    if (!code) {
      if (national) throw new InputError([{ field: 'input.homeCountyCode', message: "is required for participants of THL's trainer training" }]);
      return null;
    }
    if (!national) throw new InputError([{ field: 'input.homeCountyCode', message: "is only for participants of THL's trainer training" }]);
    const [county] = await em.query("SELECT id FROM counties WHERE code = $1 AND kind = 'COUNTY'", [code]);
    if (!county) throw new InputError([{ field: 'input.homeCountyCode', message: 'is not a county code' }]);
    return county.id;
  }

  private async reload(em: EntityManager, id: string): Promise<Person> {
    const [row] = await em.query(`${SELECT} WHERE p.id = $1`, [id]);
    return toModel(row);
  }

  /** A SQL condition on `p` limiting which people the caller may read. */
  private async visibility(em: EntityManager): Promise<string> {
    const principal = this.principals.current;
    if (SEES_ALL.has(principal.role)) return 'true';
    const self = await selfPersonId(em, principal);
    if (!self) return 'false';
    const id = `'${self}'::uuid`; // a uuid read from the database, safe to inline
    if (principal.role === Role.TRAINER) {
      return `(p.id = ${id} OR EXISTS (SELECT 1 FROM enrolments e JOIN course_trainers ct ON ct.course_id = e.course_id WHERE e.person_id = p.id AND ct.person_id = ${id}))`;
    }
    return `p.id = ${id}`;
  }
}

async function assertUnit(em: EntityManager, unitId: string | null | undefined): Promise<void> {
  if (!unitId) return;
  const [row] = await em.query('SELECT 1 FROM units WHERE id = $1', [unitId]);
  if (!row) throw new InputError([{ field: 'input.unitId', message: 'is not a unit of your county' }]);
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toModel(r: Record<string, unknown>): Person {
  const model: Person = {
    id: r['id'] as string,
    firstName: r['first_name'] as string,
    lastName: r['last_name'] as string,
    email: r['email'] as string,
    phone: (r['phone'] as string) ?? null,
    jobTitle: (r['job_title'] as string) ?? null,
    unit: r['unit_id']
      ? { id: r['unit_id'] as string, name: r['unit_name'] as string, sector: r['unit_sector'] as Sector, organisationName: r['organisation_name'] as string }
      : null,
    workAddress: (r['work_address'] as string) ?? null,
    gender: (r['gender'] as Person['gender']) ?? null,
    birthYear: (r['birth_year'] as number) ?? null,
    educationLevel: (r['education_level'] as Person['educationLevel']) ?? null,
    esfDataEntered: Boolean(r['esf_data_entered']),
    directoryOptIn: Boolean(r['directory_opt_in']),
    homeCountyCode: (r['home_county_code'] as string) ?? null,
    missingFields: [],
    version: r['version'] as number,
  };
  model.missingFields = (['unit', 'phone', 'jobTitle', 'gender', 'birthYear', 'educationLevel'] as const).filter((f) => model[f] === null);
  return model;
}
