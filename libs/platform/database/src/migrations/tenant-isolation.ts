import type { QueryRunner } from 'typeorm';
import { NATIONAL_GROUP, RUNTIME_GROUP } from '../roles';

/** The tenant of the current transaction, or NULL when none was set: NULL matches no row. */
export const CURRENT_TENANT = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

/**
 * Puts a county-owned table under row-level security (ENABLE + FORCE, one policy for reads and writes)
 * and grants the runtime role plain DML on it (or only `grants`, e.g. append-only for the audit log). `tenant_id` defaults to the transaction's tenant, so
 * application code never supplies it and cannot forge it.
 */
export async function isolateByTenant(queryRunner: QueryRunner, table: string, grants = 'SELECT, INSERT, UPDATE, DELETE'): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN tenant_id SET DEFAULT ${CURRENT_TENANT}`);
  await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(
    `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
  );
  await queryRunner.query(`GRANT ${grants} ON ${table} TO ${RUNTIME_GROUP}`);
}

/**
 * An aggregate table of the `metrics` schema: each county writes and reads only its own rows (the
 * refresh runs in its tenant context); the national role reads every county's rows and nothing else.
 */
export async function isolateAggregate(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await queryRunner.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await queryRunner.query(`CREATE POLICY county_rows ON ${table} TO ${RUNTIME_GROUP} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`);
  await queryRunner.query(`CREATE POLICY national_read ON ${table} FOR SELECT TO ${NATIONAL_GROUP} USING (true)`);
  await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_GROUP}`);
  await queryRunner.query(`GRANT SELECT ON ${table} TO ${NATIONAL_GROUP}`);
}
