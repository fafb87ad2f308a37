import { EntityManager } from 'typeorm';
import { Principal, Role } from '@lahde/platform/auth';
import { ForbiddenError } from '@lahde/platform/errors';
import { selfPersonId } from '@lahde/domain/people';

/** Roles that run the county network: every membership, review, activity and event of the county. */
const MANAGES_NETWORK: ReadonlySet<Role> = new Set([Role.COUNTY_ADMIN, Role.COUNTY_COORDINATOR]);

export function managesNetwork(principal: Principal): boolean {
  return MANAGES_NETWORK.has(principal.role);
}

/** The caller's own person record; trainers and key workers cannot act without one. */
export async function requireSelf(em: EntityManager, principal: Principal): Promise<string> {
  const self = await selfPersonId(em, principal);
  if (!self) throw new ForbiddenError('No person record matches your sign-in');
  return self;
}

/**
 * A SQL condition limiting rows to those the caller may see: all for network managers, otherwise only
 * rows whose `personColumn` is the caller's own person record (none when there is no such record).
 */
export async function ownRowsCondition(em: EntityManager, principal: Principal, personColumn: string): Promise<string> {
  if (managesNetwork(principal)) return 'true';
  const self = await selfPersonId(em, principal);
  // A uuid read from the database, safe to inline.
  return self ? `${personColumn} = '${self}'::uuid` : 'false';
}

/** May the caller act on a record that belongs to `personId`? Network managers on all, others on their own. */
export async function ownsOrManages(em: EntityManager, principal: Principal, personId: string): Promise<boolean> {
  return managesNetwork(principal) || (await selfPersonId(em, principal)) === personId;
}
