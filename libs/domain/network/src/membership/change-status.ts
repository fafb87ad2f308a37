import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { check, refuseProblems, withinAYear } from '../shared/input-checks';
import { appendMembershipEvent } from './membership-history';
import { MembershipStatus } from './membership-status';
import { MembershipEntity } from './membership.entity';

export interface StatusChange {
  status: MembershipStatus;
  effectiveOn: string;
  reason: string | null;
}

/** Which input fields a refused change names: the review's input calls the status `newStatus`. */
export interface StatusChangeFields {
  status: string;
  effectiveOn: string;
}

const DEFAULT_FIELDS: StatusChangeFields = { status: 'input.status', effectiveOn: 'input.effectiveOn' };

/**
 * The one code path that changes a membership's status (directly, or through the yearly review): it
 * refuses no-op changes, dates before the current status began and dates more than a year ahead,
 * updates the membership (its version increases) and appends the change to its history.
 */
export async function changeMembershipStatus(em: EntityManager, membership: MembershipEntity, change: StatusChange, fields = DEFAULT_FIELDS): Promise<void> {
  refuseProblems(
    check(change.status === membership.status, fields.status, `the membership is already ${membership.status}`),
    check(change.effectiveOn < membership.since, fields.effectiveOn, `must not be before the current status began (${membership.since})`),
    withinAYear(change.effectiveOn, fields.effectiveOn),
  );

  membership.status = change.status;
  membership.since = change.effectiveOn;
  await em.save(membership);
  await appendMembershipEvent(em, membership.id, change);
  await audit(em, 'UPDATE', 'Membership', membership.id, ['status', 'since']);
}
