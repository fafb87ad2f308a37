import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { ConflictError, NotFoundError } from '@lahde/platform/errors';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from './postgres-errors';

/** Loads a row of the current tenant (locked for update when asked), or NOT_FOUND: also when it is another county's. */
export async function findOrFail<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  label: string,
  id: string,
  forUpdate = false,
): Promise<T> {
  const entity = await em.findOne(target, { where: { id } as never, lock: forUpdate ? { mode: 'pessimistic_write' } : undefined });
  if (!entity) throw new NotFoundError(label);
  return entity;
}

/** Optimistic concurrency: the client sends the version it read; a newer one means someone else changed it. */
export function assertVersion(entity: { version: number }, version: number, label: string): void {
  if (entity.version !== version) {
    throw new ConflictError(`${label} was changed by someone else (now version ${entity.version}); reload and try again`, 'input.version');
  }
}

/** Saves, turning a unique violation into a CONFLICT on the named field. */
export async function saveUnique<T extends ObjectLiteral>(em: EntityManager, entity: T, conflict: { field: string; message: string }): Promise<T> {
  try {
    return await em.save(entity);
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) throw new ConflictError(conflict.message, conflict.field);
    throw error;
  }
}

/** Copies the fields the client sent (present, even if null) onto the entity. */
export function applyChanges<T extends object>(entity: T, input: Partial<T>, fields: Array<keyof T>): string[] {
  const changed: string[] = [];
  for (const field of fields) {
    if (input[field] !== undefined && input[field] !== entity[field]) {
      entity[field] = input[field] as T[keyof T];
      changed.push(String(field));
    }
  }
  return changed;
}
