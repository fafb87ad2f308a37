import { Principal, Role } from '@lahde/platform/auth';
import { abilityFor, Action, Subject } from './abilities';

const principal = (role: Role, county: string | null): Principal => ({
  id: `test#${role}`,
  subject: role,
  issuer: 'test',
  name: null,
  email: null,
  role,
  countyCode: county,
  tenantId: county ? `tenant-${county}` : null,
});

/** The role matrix for the foundation's subjects; row-level security adds "own county only" beneath it. */
const MATRIX: Array<[Role, string | null, Action, Subject, boolean]> = [
  [Role.NATIONAL_ADMIN, null, 'read', 'County', true],
  [Role.NATIONAL_ADMIN, null, 'read', 'Organisation', false],
  [Role.NATIONAL_ADMIN, null, 'create', 'Organisation', false],
  [Role.NATIONAL_ANALYST, null, 'read', 'Municipality', true],
  [Role.NATIONAL_ANALYST, null, 'read', 'Organisation', false],
  [Role.COUNTY_ADMIN, '10', 'create', 'Organisation', true],
  [Role.COUNTY_ADMIN, '10', 'update', 'Organisation', true],
  [Role.COUNTY_COORDINATOR, '10', 'create', 'Organisation', true],
  [Role.COUNTY_COORDINATOR, '10', 'read', 'Me', true],
  [Role.TRAINER, '10', 'read', 'Organisation', true],
  [Role.TRAINER, '10', 'create', 'Organisation', false],
  [Role.KEY_WORKER, '10', 'read', 'Organisation', true],
  [Role.KEY_WORKER, '10', 'update', 'Organisation', false],
  [Role.ESF_REPORTER, '10', 'read', 'Organisation', true],
  [Role.ESF_REPORTER, '10', 'create', 'Organisation', false],
  [Role.ESF_REPORTER, null, 'read', 'Organisation', false],
  [Role.ESF_REPORTER, null, 'read', 'County', true],
  [Role.ESF_REPORTER, null, 'read', 'NationalEsfIndicators', true],
  [Role.ESF_REPORTER, null, 'read', 'EsfExport', false],
  [Role.ESF_REPORTER, '10', 'read', 'NationalEsfIndicators', false],
  [Role.NATIONAL_ANALYST, null, 'read', 'NationalEsfIndicators', true],
  [Role.COUNTY_COORDINATOR, '10', 'read', 'NationalEsfIndicators', false],
];

describe('abilityFor', () => {
  it.each(MATRIX)('%s (county %s) may %s %s: %s', (role, county, action, subject, allowed) => {
    expect(abilityFor(principal(role, county)).can(action, subject)).toBe(allowed);
  });

  it('lets every role read itself and the shared reference data', () => {
    for (const role of Object.values(Role)) {
      const ability = abilityFor(principal(role, role.startsWith('NATIONAL') ? null : '10'));
      expect(['Me', 'County', 'Municipality'].every((s) => ability.can('read', s as Subject))).toBe(true);
    }
  });
});
