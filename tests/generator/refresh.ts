import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { refreshCounty } from '@lahde/domain/metrics';

/** Recomputes every county's metrics aggregates, each inside its own tenant transaction (as the worker's job does). */
export async function refreshAllCounties(runtimeUrl: string): Promise<void> {
  const ds = new DataSource({ type: 'postgres', url: runtimeUrl });
  await ds.initialize();
  try {
    const tenants: Array<{ id: string }> = await ds.query("SELECT id FROM counties WHERE kind = 'COUNTY'");
    for (const { id } of tenants) {
      await ds.transaction(async (em) => {
        await em.query("SELECT set_config('app.tenant_id', $1, true)", [id]);
        await refreshCounty(em);
      });
    }
  } finally {
    await ds.destroy();
  }
}

/** Fresh planner statistics after a bulk load, so timings reflect a database in service, not one just filled. */
export async function vacuumAnalyze(superuserUrl: string): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE');
  } finally {
    await client.end();
  }
}
