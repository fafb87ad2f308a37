import { Client } from 'pg';
// The benchmarks' synthetic national data set doubles as demo data: deterministic, every county filled.
import { generateNationalData } from '../../../tests/generator/national-data';
import { refreshAllCounties } from '../../../tests/generator/refresh';

/**
 * `npm start -- --demo`: fills an empty local database with the synthetic national data set (scale S:
 * 44 trainers, 440 key workers, 4,400 addressing participants over the 22 counties) so that the web app
 * has something to show. Never in production, and never over existing data.
 */
export async function loadDemoData(runtimeUrl: string): Promise<string> {
  if (process.env['NODE_ENV'] === 'production') throw new Error('Demo data is refused when NODE_ENV=production');
  if (await hasPeople(runtimeUrl)) return 'Demo data skipped: the database already has people in it';
  const started = Date.now();
  await generateNationalData(runtimeUrl, 'S');
  await refreshAllCounties(runtimeUrl);
  return `Demo data loaded in ${((Date.now() - started) / 1000).toFixed(1)} s (people's e-mails: h<n>@c<county>.lahde.test, e.g. h10@c10.lahde.test)`;
}

/** Row-level security hides every county's rows unless its tenant is set: look into each. */
async function hasPeople(runtimeUrl: string): Promise<boolean> {
  const db = new Client({ connectionString: runtimeUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM counties');
    for (const { id } of rows) {
      await db.query('BEGIN');
      await db.query("SELECT set_config('app.tenant_id', $1, true)", [id]);
      const found = (await db.query('SELECT 1 FROM people LIMIT 1')).rowCount;
      await db.query('COMMIT');
      if (found) return true;
    }
    return false;
  } finally {
    await db.end();
  }
}
