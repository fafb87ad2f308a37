export * from './network.module';
export { ensureActiveMembership } from './membership/ensure-active-membership';
export { MembershipStatus } from './membership/membership-status';
