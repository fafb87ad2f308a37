export * from './privacy.module';
export { RetentionService } from './retention.service';
export type { RetentionOutcome } from './retention.service';
export { RETENTION_ALL_JOB, RETENTION_JOB } from './retention.processor';
export { AccessPurpose, purposeOf } from './access-purpose';
