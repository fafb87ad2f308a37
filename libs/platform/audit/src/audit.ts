import { EntityManager } from 'typeorm';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'READ_PERSONAL' | 'EXPORT';

/**
 * Writes one audit record in the caller's own transaction, so the record and the change it describes
 * commit or roll back together. The database fills tenant, actor (from `app.actor_id`) and time; the
 * runtime role may only insert and read audit rows, never change or delete them.
 */
export async function audit(em: EntityManager, action: AuditAction, entity: string, ids: string | string[], fields: string[] = []): Promise<void> {
  const list = Array.isArray(ids) ? ids : [ids];
  if (list.length === 0) return;
  await em.query('INSERT INTO audit_log (action, entity, entity_id, fields) SELECT $1, $2, unnest($3::uuid[]), $4', [action, entity, list, fields]);
}
