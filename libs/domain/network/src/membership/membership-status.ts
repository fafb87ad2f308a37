import { registerLabelledEnum } from '@lahde/domain/directory';

/** Where a key worker stands in the county network. */
export enum MembershipStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
  LEFT_ROLE = 'LEFT_ROLE',
  LEFT_ORGANISATION = 'LEFT_ORGANISATION',
}

registerLabelledEnum(MembershipStatus, 'MembershipStatus', {
  ACTIVE: { fi: 'Aktiivinen', sv: 'Aktiv', en: 'Active' },
  ON_LEAVE: { fi: 'Poissa (esim. vapaalla)', sv: 'Frånvarande (t.ex. ledig)', en: 'On leave' },
  LEFT_ROLE: { fi: 'Luopunut avainhenkilön roolista', sv: 'Lämnat rollen som nyckelperson', en: 'Left the key worker role' },
  LEFT_ORGANISATION: { fi: 'Lähtenyt organisaatiosta', sv: 'Lämnat organisationen', en: 'Left the organisation' },
});

/** Members the yearly review asks about: those still counted in the network. */
export const REVIEWED_STATUSES: readonly MembershipStatus[] = [MembershipStatus.ACTIVE, MembershipStatus.ON_LEAVE];
/** Statuses that end membership in practice. */
export const LEFT_STATUSES: readonly MembershipStatus[] = [MembershipStatus.LEFT_ROLE, MembershipStatus.LEFT_ORGANISATION];
