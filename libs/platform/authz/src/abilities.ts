import { AbilityBuilder, createMongoAbility, MongoAbility } from '@casl/ability';
import { Principal, Role } from '@lahde/platform/auth';

export type Action = 'manage' | 'create' | 'read' | 'update' | 'delete';
/** Subjects are the kinds of records a role may act on. Row-level security still limits which rows. */
export type Subject =
  | 'County'
  | 'Municipality'
  | 'Me'
  | 'Organisation'
  | 'Unit'
  | 'Person'
  | 'Directory'
  | 'Programme'
  | 'Course'
  | 'Attendance'
  | 'Certificate'
  | 'Lineage'
  | 'Membership'
  | 'Review'
  | 'Activity'
  | 'NetworkEvent'
  | 'AuditLog'
  | 'NationalMetrics'
  | 'CountyMetrics'
  | 'Cascade'
  | 'EsfExport'
  | 'NationalEsfIndicators'
  | 'RegisterImport'
  | 'all';
export type AppAbility = MongoAbility<[Action, Subject]>;

type Grant = (can: AbilityBuilder<AppAbility>['can']) => void;

const everyone: Grant = (can) => {
  can('read', ['Me', 'County', 'Municipality']);
};

const COUNTY_MANAGED: Subject[] = [
  'Organisation', 'Unit', 'Person', 'Directory', 'Programme', 'Course', 'Attendance', 'Certificate', 'Lineage',
  'Membership', 'Review', 'Activity', 'NetworkEvent', 'RegisterImport',
];

/**
 * What each role may do. County roles act only inside their own county: row-level security enforces
 * that. Where a role may act only on some records of a kind (a trainer on the courses they train, a key
 * worker on their own profile and activities), the service checks the record as well.
 */
const GRANTS: Record<Role, Grant> = {
  // THL's own tenant holds only its trainer training and that course's participants.
  [Role.NATIONAL_ADMIN]: (can) => {
    can('read', ['NationalMetrics', 'CountyMetrics', 'Cascade', 'NationalEsfIndicators']);
    can('manage', ['Course', 'Attendance', 'Person']);
    can('read', ['Programme', 'Certificate', 'Lineage']);
  },
  [Role.NATIONAL_ANALYST]: (can) => can('read', ['NationalMetrics', 'CountyMetrics', 'Cascade', 'NationalEsfIndicators']),
  [Role.COUNTY_ADMIN]: (can) => {
    can('manage', COUNTY_MANAGED);
    can('manage', 'EsfExport');
    can('read', ['CountyMetrics', 'Cascade']);
    can('read', 'AuditLog');
  },
  [Role.COUNTY_COORDINATOR]: (can) => {
    can('manage', COUNTY_MANAGED);
    can('manage', 'EsfExport');
    can('read', ['CountyMetrics', 'Cascade']);
    can('read', 'AuditLog');
  },
  [Role.TRAINER]: (can) => {
    can('read', ['Organisation', 'Unit', 'Directory', 'Programme', 'Course', 'Certificate', 'Lineage', 'Person', 'NetworkEvent']);
    can('create', 'Course'); // addressing trainings they hold themselves
    can('update', ['Course', 'Attendance']); // only courses they train: checked by the training service
    can('update', 'Person'); // own profile only: checked by the people service
    can('manage', 'Activity'); // own activities only
  },
  [Role.KEY_WORKER]: (can) => {
    can('read', ['Organisation', 'Unit', 'Directory', 'Programme', 'NetworkEvent', 'Course']);
    can(['create', 'update'], 'Course'); // addressing trainings they hold themselves: checked by the training service
    can('update', 'Attendance');
    can('read', ['Person', 'Certificate', 'Lineage']); // own record only: checked by the services
    can('update', 'Person'); // own profile only
    can('manage', 'Activity'); // own activities only
  },
  [Role.ESF_REPORTER]: (can) => {
    can('read', ['Organisation', 'Unit', 'Person', 'Programme', 'Course', 'Certificate']);
    can('manage', 'EsfExport');
  },
};

export function abilityFor(principal: Principal): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  everyone(can);
  // A county-less ESF reporter (THL's) reads the national indicator summary only, never a county's registry.
  if (principal.role === Role.ESF_REPORTER && !principal.countyCode) can('read', 'NationalEsfIndicators');
  else GRANTS[principal.role](can);
  return build();
}
