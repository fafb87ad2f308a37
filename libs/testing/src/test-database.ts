import { Client } from 'pg';

/** A plain connection as the runtime role (the API's own role), for asserting what the database allows. */
export async function runtimeClient(): Promise<Client> {
  const client = new Client({ connectionString: requiredEnv('DATABASE_URL') });
  await client.connect();
  return client;
}

/** A connection as the owner (migrations role); for arranging fixtures only, never for asserting isolation. */
export async function ownerClient(): Promise<Client> {
  const client = new Client({ connectionString: requiredEnv('DATABASE_OWNER_URL') });
  await client.connect();
  return client;
}

export async function countyId(client: Client, code: string): Promise<string> {
  const { rows } = await client.query('SELECT id FROM counties WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`no county ${code}`);
  return rows[0].id;
}

/** Runs `work` in a transaction scoped to `tenantId`, the way the application does. Rolls back. */
export async function inTenant<T>(client: Client, tenantId: string | null, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    if (tenantId) await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    return await work();
  } finally {
    await client.query('ROLLBACK');
  }
}

/** Runs `work` in a transaction scoped to `tenantId` and commits it: arranging a county's rows as the application would. */
export async function inTenantCommitted<T>(client: Client, tenantId: string, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through jest.config.ts, whose global setup provides it`);
  return value;
}
