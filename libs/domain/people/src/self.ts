import { EntityManager } from 'typeorm';
import { Principal } from '@lahde/platform/auth';

/**
 * The caller's own person record in their county: the one whose e-mail equals the token's `email`
 * claim. Trainers and key workers act on their own records through it; null when there is none.
 */
export async function selfPersonId(em: EntityManager, principal: Principal): Promise<string | null> {
  if (!principal.email) return null;
  const [row] = await em.query('SELECT id FROM people WHERE lower(email) = $1', [principal.email]);
  return row?.id ?? null;
}
