import type { EntityManager } from 'typeorm';

/**
 * Transaction-scoped advisory locks, named `scope:key`: one holder at a time across processes (API,
 * workers), released at commit or rollback, and with the connection if its process dies.
 */
export function advisoryKeySql(scope: string, keySql: string): string {
  return `hashtextextended('${scope}:' || ${keySql}, 0)`;
}

/** Waits for the lock of `scope` and `key`, and holds it until the transaction ends. */
export async function holdLock(em: EntityManager, scope: string, key: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(${advisoryKeySql(scope, '$1')})`, [key]);
}

/** Takes the lock if nobody holds it; false when someone does. */
export async function tryHoldLock(em: EntityManager, scope: string, key: string): Promise<boolean> {
  const [{ held }] = await em.query(`SELECT pg_try_advisory_xact_lock(${advisoryKeySql(scope, '$1')}) AS held`, [key]);
  return held;
}

/** Waits for the lock of `scope` for the transaction's own tenant. */
export async function holdTenantLock(em: EntityManager, scope: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(${advisoryKeySql(scope, "current_setting('app.tenant_id')")})`);
}
