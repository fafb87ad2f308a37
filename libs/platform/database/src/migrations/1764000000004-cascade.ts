import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateAggregate } from './tenant-isolation';

/**
 * The training cascade as aggregate nodes: trainers and key workers under a pseudonymous key (a hash of
 * the person and county ids, not reversible without the registry), with counts and no names. Counties
 * show names by matching the key against their own registry; THL sees only keys and counts.
 */
export class Cascade1764000000004 implements MigrationInterface {
  name = 'Cascade1764000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE metrics.cascade_nodes (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        node_key text NOT NULL,
        parent_key text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('TRAINER', 'KEY_WORKER')),
        certified_by_thl boolean NOT NULL,
        active boolean NOT NULL,
        broken boolean NOT NULL,
        key_workers int NOT NULL,
        active_key_workers int NOT NULL,
        addressing_participants int NOT NULL,
        PRIMARY KEY (tenant_id, parent_key, node_key)
      )`);
    await q.query(`
      CREATE TABLE metrics.coverage_history (
        tenant_id uuid NOT NULL REFERENCES counties(id),
        day date NOT NULL,
        active_key_workers int NOT NULL,
        active_trainers int NOT NULL,
        units_covered int NOT NULL,
        municipalities_covered int NOT NULL,
        PRIMARY KEY (tenant_id, day)
      )`);
    for (const table of ['cascade_nodes', 'coverage_history']) await isolateAggregate(q, `metrics.${table}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE metrics.cascade_nodes, metrics.coverage_history');
  }
}
