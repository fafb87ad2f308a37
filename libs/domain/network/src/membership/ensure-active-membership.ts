import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { appendMembershipEvent } from './membership-history';
import { MembershipStatus } from './membership-status';

/**
 * Makes a newly certified key worker an ACTIVE member of the network from `since` (YYYY-MM-DD), with the
 * first event of their history. Idempotent: a person who already has a membership, in any status, is
 * left as they are. Runs in the caller's tenant transaction.
 */
export async function ensureActiveMembership(em: EntityManager, personId: string, since: string): Promise<void> {
  const [created]: Array<{ id: string }> = await em.query(
    'INSERT INTO memberships (person_id, status, since) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, person_id) DO NOTHING RETURNING id',
    [personId, MembershipStatus.ACTIVE, since],
  );
  if (!created) return;
  await appendMembershipEvent(em, created.id, { status: MembershipStatus.ACTIVE, effectiveOn: since, reason: 'Certified as a key worker' });
  await audit(em, 'CREATE', 'Membership', created.id);
}
