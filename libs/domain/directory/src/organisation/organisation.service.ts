import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConflictError, InputError, NotFoundError } from '@lahde/platform/errors';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '@lahde/platform/database';
import { decodeCursor, toConnection } from '@lahde/platform/pagination';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { OrganisationEntity } from './organisation.entity';
import { CreateOrganisationInput, Organisation, OrganisationListArgs, UpdateOrganisationInput } from './organisation.models';

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
    return this.tx.run(async (em) => toModel(await this.find(em, id)));
  }

  create(input: CreateOrganisationInput): Promise<Organisation> {
    return this.tx.run(async (em) => {
      await this.checkMunicipality(em, input.municipalityCode);
      const entity = em.create(OrganisationEntity, { type: input.type, name: input.name, municipalityCode: input.municipalityCode ?? null });
      return toModel(await this.save(em, entity));
    });
  }

  update(input: UpdateOrganisationInput): Promise<Organisation> {
    return this.tx.run(async (em) => {
      const entity = await this.find(em, input.id, true);
      if (entity.version !== input.version) {
        throw new ConflictError(`Organisation was changed by someone else (now version ${entity.version}); reload and try again`, 'input.version');
      }
      if (input.municipalityCode !== undefined) await this.checkMunicipality(em, input.municipalityCode);
      if (input.type !== undefined) entity.type = input.type;
      if (input.name !== undefined) entity.name = input.name;
      if (input.municipalityCode !== undefined) entity.municipalityCode = input.municipalityCode;
      return toModel(await this.save(em, entity));
    });
  }

  private async find(em: EntityManager, id: string, forUpdate = false): Promise<OrganisationEntity> {
    const entity = await em.findOne(OrganisationEntity, { where: { id }, lock: forUpdate ? { mode: 'pessimistic_write' } : undefined });
    if (!entity) throw new NotFoundError('Organisation');
    return entity;
  }

  /** A county's organisations sit in its own municipalities. */
  private async checkMunicipality(em: EntityManager, code: string | null | undefined): Promise<void> {
    if (!code) return;
    const [row] = await em.query(
      `SELECT 1 FROM municipalities WHERE code = $1 AND county_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`,
      [code],
    );
    if (!row) throw new InputError([{ field: 'input.municipalityCode', message: 'is not a municipality of your county' }]);
  }

  private async save(em: EntityManager, entity: OrganisationEntity): Promise<OrganisationEntity> {
    try {
      return await em.save(entity);
    } catch (error) {
      if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ConflictError('An organisation with this name already exists in your county', 'input.name');
      throw error;
    }
  }
}

function toModel(e: OrganisationEntity): Organisation {
  return { id: e.id, type: e.type, name: e.name, municipalityCode: e.municipalityCode, version: e.version, createdAt: e.createdAt, updatedAt: e.updatedAt };
}
