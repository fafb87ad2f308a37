import { AccessPurpose, purposeOf } from './access-purpose';

const entry = (actorRole: string | null, action = 'READ_PERSONAL', purpose: string | null = null, actor = 'idp#someone') => ({ actor, actorRole, action, purpose });

describe('purposeOf', () => {
  it('keeps a purpose the operation recorded', () => {
    expect(purposeOf(entry('COUNTY_COORDINATOR', 'DELETE', 'ERASURE'), null)).toEqual({ purpose: AccessPurpose.ERASURE, recorded: true });
  });

  it('derives the purpose from the role when none was recorded', () => {
    expect(purposeOf(entry('COUNTY_COORDINATOR'), null).purpose).toBe(AccessPurpose.NETWORK_ADMINISTRATION);
    expect(purposeOf(entry('COUNTY_ADMIN', 'UPDATE'), null).purpose).toBe(AccessPurpose.NETWORK_ADMINISTRATION);
    expect(purposeOf(entry('TRAINER'), null).purpose).toBe(AccessPurpose.TRAINING_DELIVERY);
    expect(purposeOf(entry('KEY_WORKER'), null).purpose).toBe(AccessPurpose.SELF_SERVICE);
    expect(purposeOf(entry('ESF_REPORTER'), null).purpose).toBe(AccessPurpose.ESF_REPORTING);
    expect(purposeOf(entry('NATIONAL_ADMIN'), null).purpose).toBe(AccessPurpose.THL_TRAINER_TRAINING);
    expect(purposeOf(entry('TRAINER'), null).recorded).toBe(false);
  });

  it('reads an export as ESF reporting, a job as automated, the requester as self-service, and an unknown role as registry use', () => {
    expect(purposeOf(entry('COUNTY_COORDINATOR', 'EXPORT'), null).purpose).toBe(AccessPurpose.ESF_REPORTING);
    expect(purposeOf(entry(null, 'READ_PERSONAL', null, 'system'), null).purpose).toBe(AccessPurpose.AUTOMATED_PROCESSING);
    expect(purposeOf(entry('TRAINER', 'UPDATE', null, 'idp#me'), 'idp#me').purpose).toBe(AccessPurpose.SELF_SERVICE);
    expect(purposeOf(entry(null), null).purpose).toBe(AccessPurpose.REGISTRY_USE);
  });

  it('ignores a recorded purpose it does not know', () => {
    expect(purposeOf(entry('TRAINER', 'READ_PERSONAL', 'SOMETHING_ELSE'), null)).toEqual({ purpose: AccessPurpose.TRAINING_DELIVERY, recorded: false });
  });
});
