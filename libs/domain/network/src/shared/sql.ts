import { EntityManager } from 'typeorm';
import { InputError } from '@lahde/platform/errors';

/** Positional parameters for a hand-written query: `params.add(value)` answers `$n`. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    return `$${this.values.push(value)}`;
  }
}

/** The display name of person alias `p`. */
export const PERSON_NAME = `p.first_name || ' ' || p.last_name`;

/** Tables whose ids a network input may name. */
const REFERENCES = { person: 'people', course: 'courses' } as const;

/** Refuses an id that names no record of the caller's county (row-level security hides other counties). */
export async function assertReference(em: EntityManager, kind: keyof typeof REFERENCES, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const [row] = await em.query(`SELECT 1 FROM ${REFERENCES[kind]} WHERE id = $1`, [id]);
  if (!row) throw new InputError([{ field, message: `is not a ${kind} of your county` }]);
}
