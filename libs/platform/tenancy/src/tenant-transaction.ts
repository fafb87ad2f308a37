import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { NATIONAL_GROUP, PG_UNSTORABLE_TEXT, pgErrorCode } from '@lahde/platform/database';
import { AppError, ErrorCode } from '@lahde/platform/errors';
import { TenantContext } from './tenant-context';

/**
 * The only door to county-owned tables. Each unit of work is one transaction whose first statement
 * scopes it to the tenant with a transaction-local `set_config`, so a pooled connection never carries
 * a tenant into the next request, and row-level security filters every statement inside.
 */
@Injectable()
export class TenantTransaction {
  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TenantContext,
  ) {}

  /** Runs `work` for the tenant of the current request or job; throws when there is none. */
  async run<T>(work: (manager: EntityManager) => Promise<T>, isolation: IsolationLevel = 'READ COMMITTED'): Promise<T> {
    const tenantId = this.context.requireTenantId();
    this.context.noteTouched(tenantId);
    return refuseUnstorableText(() =>
      this.dataSource.transaction(isolation, async (manager) => {
        await manager.query("SELECT set_config('app.tenant_id', $1, true), set_config('app.actor_id', $2, true), set_config('app.actor_role', $3, true)", [
          tenantId,
          this.context.actorId ?? '',
          this.context.actorRole ?? '',
        ]);
        return work(manager);
      }),
    );
  }

  /**
   * THL's national views: the transaction switches to the national role, which can read the aggregate
   * `metrics` schema and the reference data and nothing else; the database refuses any county table.
   */
  runNational<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return refuseUnstorableText(() =>
      this.dataSource.transaction(async (manager) => {
        await manager.query(`SET LOCAL ROLE ${NATIONAL_GROUP}`);
        return work(manager);
      }),
    );
  }

  /**
   * Runs `work` once for each county (and THL's tenant too with `includeNational`), inside that tenant's
   * context as the `system` actor: jobs that sweep every county never read across tenants. Returns how
   * many tenants it ran for.
   */
  async forEachTenant(work: (tenantId: string) => Promise<void>, options: { includeNational?: boolean } = {}): Promise<number> {
    const tenants: Array<{ id: string }> = await this.runShared((em) =>
      em.query("SELECT id FROM counties WHERE kind = 'COUNTY' OR $1 ORDER BY code", [options.includeNational ?? false]),
    );
    for (const { id } of tenants) await this.context.runAs(id, 'system', () => work(id));
    return tenants.length;
  }

  /** Shared reference data (counties, municipalities): no tenant is set, so county tables show no rows. */
  runShared<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return refuseUnstorableText(() => this.dataSource.transaction('READ COMMITTED', work));
  }
}

/**
 * A NUL byte passes GraphQL and class-validator but not PostgreSQL: the transaction has rolled back, and
 * the caller gets BAD_USER_INPUT instead of an internal error. (Field-level refusal belongs in input
 * validation; this is the net under every unit of work, jobs and imports included.)
 */
async function refuseUnstorableText<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (PG_UNSTORABLE_TEXT.includes(pgErrorCode(error) ?? '')) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Text must not contain NUL (U+0000) characters');
    throw error;
  }
}
