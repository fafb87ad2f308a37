import { registerLabelledEnum } from '@lahde/domain/directory';
import { check, Check } from '../shared/input-checks';
import { LEFT_STATUSES, MembershipStatus, REVIEWED_STATUSES } from '../membership/membership-status';

/** What the yearly review found out about a member. */
export enum ReviewOutcome {
  CONFIRMED = 'CONFIRMED',
  CHANGED = 'CHANGED',
  GONE = 'GONE',
}

registerLabelledEnum(ReviewOutcome, 'ReviewOutcome', {
  CONFIRMED: { fi: 'Vahvistettu ennallaan', sv: 'Bekräftad oförändrad', en: 'Confirmed as is' },
  CHANGED: { fi: 'Tilanne muuttunut', sv: 'Läget har ändrats', en: 'Status changed' },
  GONE: { fi: 'Poistunut verkostosta', sv: 'Har lämnat nätverket', en: 'Left the network' },
});

/** The new statuses each outcome allows: none to confirm, back to work or on leave to change, a leaving to go. */
const NEW_STATUSES: Record<ReviewOutcome, readonly MembershipStatus[]> = {
  CONFIRMED: [],
  CHANGED: REVIEWED_STATUSES,
  GONE: LEFT_STATUSES,
};

/** Checks that `newStatus` (and its date) fit the outcome of a review decision. */
export function outcomeChecks(outcome: ReviewOutcome, newStatus: MembershipStatus | null | undefined, effectiveOn: string | null | undefined): Check[] {
  const allowed = NEW_STATUSES[outcome];
  if (allowed.length === 0) {
    return [
      check(Boolean(newStatus), 'input.newStatus', `must be empty when the outcome is ${outcome}`),
      check(Boolean(effectiveOn), 'input.effectiveOn', `must be empty when the outcome is ${outcome}`),
    ];
  }
  if (!newStatus) return [check(true, 'input.newStatus', `is required when the outcome is ${outcome}`)];
  return [check(!allowed.includes(newStatus), 'input.newStatus', `must be ${allowed.join(' or ')} when the outcome is ${outcome}`)];
}
