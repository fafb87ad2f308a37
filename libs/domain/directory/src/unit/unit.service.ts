import { Injectable } from '@nestjs/common';
import { audit } from '@lahde/platform/audit';
import { applyChanges, assertVersion, findOrFail, saveUnique } from '@lahde/platform/database';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { assertOwnMunicipality } from '../organisation/organisation.service';
import { UnitEntity } from './unit.entity';
import { CreateUnitInput, Unit, UnitListArgs, UpdateUnitInput } from './unit.models';

const NAME_TAKEN = { field: 'input.name', message: 'This organisation already has a unit with this name' };

/**
 * A person (alias `p`) certified as `kind` who is still active: a network member whose status is ACTIVE,
 * or not yet a member at all.
 */
export function activeCertifiedSql(kind: 'KEY_WORKER' | 'TRAINER'): string {
  return `EXISTS (SELECT 1 FROM certificates c WHERE c.person_id = p.id AND c.kind = '${kind}')
    AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.person_id = p.id AND m.status <> 'ACTIVE')`;
}

/** An active key worker, the measure of coverage. */
export const ACTIVE_KEY_WORKER_SQL = activeCertifiedSql('KEY_WORKER');

@Injectable()
export class UnitService {
  constructor(private readonly tx: TenantTransaction) {}

  list(args: UnitListArgs) {
    return this.tx.run(async (em) => {
      const query = em.createQueryBuilder(UnitEntity, 'u');
      if (args.organisationId) query.andWhere('u.organisationId = :organisationId', { organisationId: args.organisationId });
      if (args.sector) query.andWhere('u.sector = :sector', { sector: args.sector });
      if (args.municipalityCode) query.andWhere('u.municipalityCode = :municipalityCode', { municipalityCode: args.municipalityCode });
      if (args.withoutActiveKeyWorker) query.andWhere(`NOT EXISTS (SELECT 1 FROM people p WHERE p.unit_id = u.id AND ${ACTIVE_KEY_WORKER_SQL})`);
      const totalCount = await query.clone().getCount();
      const after = decodeCursor(args.after, 2);
      if (after) query.andWhere('(lower(u.name), u.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
      const rows = await query.orderBy('lower(u.name)').addOrderBy('u.id').limit(args.first + 1).getMany();
      return toConnection(rows, args.first, totalCount, toModel, (u) => [u.name.toLowerCase(), u.id]);
    });
  }

  /** Municipalities of the county where no unit has an active key worker: where the network has gaps. */
  municipalitiesWithoutActiveKeyWorker(): Promise<Array<{ code: string; nameFi: string }>> {
    return this.tx.run((em) =>
      em.query(
        `SELECT m.code, m.name_fi AS "nameFi" FROM municipalities m
          WHERE m.county_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
            AND NOT EXISTS (SELECT 1 FROM units u JOIN people p ON p.unit_id = u.id WHERE u.municipality_code = m.code AND ${ACTIVE_KEY_WORKER_SQL})
          ORDER BY m.name_fi, m.code`,
      ),
    );
  }

  get(id: string): Promise<Unit> {
    return this.tx.run(async (em) => toModel(await findOrFail(em, UnitEntity, 'Unit', id)));
  }

  create(input: CreateUnitInput): Promise<Unit> {
    return this.tx.run(async (em) => {
      await findOrFail(em, OrganisationEntity, 'Organisation', input.organisationId);
      await assertOwnMunicipality(em, input.municipalityCode);
      const entity = em.create(UnitEntity, { organisationId: input.organisationId, name: input.name, sector: input.sector, municipalityCode: input.municipalityCode ?? null });
      const saved = await saveUnique(em, entity, NAME_TAKEN);
      await audit(em, 'CREATE', 'Unit', saved.id);
      return toModel(saved);
    });
  }

  update(input: UpdateUnitInput): Promise<Unit> {
    return this.tx.run(async (em) => {
      const entity = await findOrFail(em, UnitEntity, 'Unit', input.id, true);
      assertVersion(entity, input.version, 'Unit');
      if (input.municipalityCode !== undefined) await assertOwnMunicipality(em, input.municipalityCode);
      const changed = applyChanges(entity, input, ['name', 'sector', 'municipalityCode']);
      const saved = await saveUnique(em, entity, NAME_TAKEN);
      await audit(em, 'UPDATE', 'Unit', saved.id, changed);
      return toModel(saved);
    });
  }
}

function toModel(e: UnitEntity): Unit {
  return { id: e.id, organisationId: e.organisationId, name: e.name, sector: e.sector, municipalityCode: e.municipalityCode, version: e.version };
}
