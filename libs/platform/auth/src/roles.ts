export enum Role {
  NATIONAL_ADMIN = 'NATIONAL_ADMIN',
  NATIONAL_ANALYST = 'NATIONAL_ANALYST',
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  COUNTY_COORDINATOR = 'COUNTY_COORDINATOR',
  TRAINER = 'TRAINER',
  KEY_WORKER = 'KEY_WORKER',
  ESF_REPORTER = 'ESF_REPORTER',
}

/** Roles that act inside one county and must carry its code. */
export const COUNTY_ROLES: ReadonlySet<Role> = new Set([Role.COUNTY_ADMIN, Role.COUNTY_COORDINATOR, Role.TRAINER, Role.KEY_WORKER]);
/** THL's roles: national aggregates only, never bound to a county. */
export const NATIONAL_ROLES: ReadonlySet<Role> = new Set([Role.NATIONAL_ADMIN, Role.NATIONAL_ANALYST]);
/** ESF reporters work either for one county (with a county claim) or for THL (without). */

/** Why a role and a county (or none) do not go together; null when they do. */
export function countyMismatch(role: Role, hasCounty: boolean): string | null {
  if (COUNTY_ROLES.has(role) && !hasCounty) return 'county role without a county';
  if (NATIONAL_ROLES.has(role) && hasCounty) return 'national role bound to a county';
  return null;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}
