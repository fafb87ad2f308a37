import { AbilityBuilder, createMongoAbility, MongoAbility } from '@casl/ability';
import { Principal, Role } from '@lahde/platform/auth';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';
/** Subjects are the kinds of records a role may act on. Row-level security still limits which rows. */
export type Subject = 'County' | 'Municipality' | 'Organisation' | 'Me' | 'all';
export type AppAbility = MongoAbility<[Action, Subject]>;

type Grant = (can: AbilityBuilder<AppAbility>['can']) => void;

const everyone: Grant = (can) => {
  can('read', ['Me', 'County', 'Municipality']);
};

/** What each role may do. County roles act only inside their own county: the database enforces that. */
const GRANTS: Record<Role, Grant> = {
  [Role.NATIONAL_ADMIN]: () => undefined,
  [Role.NATIONAL_ANALYST]: () => undefined,
  [Role.COUNTY_ADMIN]: (can) => can('manage', 'Organisation'),
  [Role.COUNTY_COORDINATOR]: (can) => can('manage', 'Organisation'),
  [Role.TRAINER]: (can) => can('read', 'Organisation'),
  [Role.KEY_WORKER]: (can) => can('read', 'Organisation'),
  [Role.ESF_REPORTER]: (can) => can('read', 'Organisation'),
};

export function abilityFor(principal: Principal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  everyone(can);
  // A county-less ESF reporter (THL's) reads aggregates only, never a county's registry.
  if (!(principal.role === Role.ESF_REPORTER && !principal.tenantId)) GRANTS[principal.role](can);
  return build();
}
