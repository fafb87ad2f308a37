import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/** Applies pending migrations as the owner role, each in its own transaction. Returns their names. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource({ type: 'postgres', url: ownerUrl, migrations: MIGRATIONS, migrationsTransactionMode: 'each' });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations();
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
