import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { InputError } from '@lahde/platform/errors';
import { applyChanges, assertVersion, findOrFail, saveUnique } from '@lahde/platform/database';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { OrganisationEntity } from './organisation.entity';
import { CreateOrganisationInput, Organisation, OrganisationListArgs, UpdateOrganisationInput } from './organisation.models';

const NAME_TAKEN = { field: 'input.name', message: 'An organisation with this name already exists in your county' };

/** Organisations of the caller's county. Row-level security scopes every statement to that county. */
@Injectable()
export class OrganisationService {
  constructor(private readonly tx: TenantTransaction) {}

  /** One page, sorted by name (case-insensitive), with the total matching the filter. */
  list(args: OrganisationListArgs) {
    return this.tx.run(async (em) => {
      const query = em.createQueryBuilder(OrganisationEntity, 'o');
      if (args.type) query.andWhere('o.type = :type', { type: args.type });
      if (args.municipalityCode) query.andWhere('o.municipalityCode = :municipalityCode', { municipalityCode: args.municipalityCode });
      const totalCount = await query.clone().getCount();
      const after = decodeCursor(args.after, 2);
      if (after) query.andWhere('(lower(o.name), o.id) > (:afterName, :afterId)', { afterName: after[0], afterId: after[1] });
      const rows = await query.orderBy('lower(o.name)').addOrderBy('o.id').limit(args.first + 1).getMany();
      return toConnection(rows, args.first, totalCount, toModel, (o) => [o.name.toLowerCase(), o.id]);
    });
  }

  get(id: string): Promise<Organisation> {
    return this.tx.run(async (em) => toModel(await findOrFail(em, OrganisationEntity, 'Organisation', id)));
  }

  create(input: CreateOrganisationInput): Promise<Organisation> {
    return this.tx.run(async (em) => {
      await assertOwnMunicipality(em, input.municipalityCode);
      const entity = em.create(OrganisationEntity, { type: input.type, name: input.name, municipalityCode: input.municipalityCode ?? null });
      const saved = await saveUnique(em, entity, NAME_TAKEN);
      await audit(em, 'CREATE', 'Organisation', saved.id);
      return toModel(saved);
    });
  }

  update(input: UpdateOrganisationInput): Promise<Organisation> {
    return this.tx.run(async (em) => {
      const entity = await findOrFail(em, OrganisationEntity, 'Organisation', input.id, true);
      assertVersion(entity, input.version, 'Organisation');
      if (input.municipalityCode !== undefined) await assertOwnMunicipality(em, input.municipalityCode);
      const changed = applyChanges(entity, input, ['type', 'name', 'municipalityCode']);
      const saved = await saveUnique(em, entity, NAME_TAKEN);
      await audit(em, 'UPDATE', 'Organisation', saved.id, changed);
      return toModel(saved);
    });
  }
}

/** Records of a county sit in its own municipalities. */
export async function assertOwnMunicipality(em: EntityManager, code: string | null | undefined, field = 'input.municipalityCode'): Promise<void> {
  if (!code) return;
  const [row] = await em.query(
    `SELECT 1 FROM municipalities WHERE code = $1 AND county_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`,
    [code],
  );
  if (!row) throw new InputError([{ field, message: 'is not a municipality of your county' }]);
}

function toModel(e: OrganisationEntity): Organisation {
  return { id: e.id, type: e.type, name: e.name, municipalityCode: e.municipalityCode, version: e.version, createdAt: e.createdAt, updatedAt: e.updatedAt };
}
