import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { registerLabelledEnum, Sector } from '@lahde/domain/directory';
import { MembershipStatus } from '@lahde/domain/network';
import { EducationLevel, Gender } from '@lahde/domain/people';
import { IsLocalDate } from '@lahde/platform/errors';
import { AccessPurpose } from './access-purpose';

/** Why a person was erased (the erasure log's `reason`). */
export enum ErasureReason {
  DATA_SUBJECT_REQUEST = 'DATA_SUBJECT_REQUEST',
  CONTROLLER_DECISION = 'CONTROLLER_DECISION',
  RETENTION = 'RETENTION',
}
registerLabelledEnum(ErasureReason, 'ErasureReason', {
  DATA_SUBJECT_REQUEST: { fi: 'Rekisteröidyn pyyntö', sv: 'Den registrerades begäran', en: "The person's request" },
  CONTROLLER_DECISION: { fi: 'Rekisterinpitäjän päätös', sv: 'Den personuppgiftsansvariges beslut', en: "The controller's decision" },
  RETENTION: { fi: 'Säilytysaika päättyi', sv: 'Lagringstiden gick ut', en: 'Retention period ended' },
});

/** The ground of an erasure: GDPR Art. 17(1) (a)-(e), or storage limitation (Art. 5(1)(e)) for retention. */
export enum ErasureGround {
  NO_LONGER_NECESSARY = 'NO_LONGER_NECESSARY',
  CONSENT_WITHDRAWN = 'CONSENT_WITHDRAWN',
  OBJECTION = 'OBJECTION',
  UNLAWFUL_PROCESSING = 'UNLAWFUL_PROCESSING',
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  RETENTION_PERIOD_ENDED = 'RETENTION_PERIOD_ENDED',
}
registerLabelledEnum(ErasureGround, 'ErasureGround', {
  NO_LONGER_NECESSARY: { fi: 'Tietoja ei enää tarvita (17 art. 1 a)', sv: 'Uppgifterna behövs inte längre (art. 17.1 a)', en: 'No longer necessary (Art. 17(1)(a))' },
  CONSENT_WITHDRAWN: { fi: 'Suostumus peruttu (17 art. 1 b)', sv: 'Samtycket återkallat (art. 17.1 b)', en: 'Consent withdrawn (Art. 17(1)(b))' },
  OBJECTION: { fi: 'Vastustusoikeus (17 art. 1 c)', sv: 'Invändning (art. 17.1 c)', en: 'Objection (Art. 17(1)(c))' },
  UNLAWFUL_PROCESSING: { fi: 'Lainvastainen käsittely (17 art. 1 d)', sv: 'Olaglig behandling (art. 17.1 d)', en: 'Unlawful processing (Art. 17(1)(d))' },
  LEGAL_OBLIGATION: { fi: 'Lakisääteinen velvoite (17 art. 1 e)', sv: 'Rättslig förpliktelse (art. 17.1 e)', en: 'Legal obligation (Art. 17(1)(e))' },
  RETENTION_PERIOD_ENDED: { fi: 'Säilytysaika päättyi (5 art. 1 e)', sv: 'Lagringstiden gick ut (art. 5.1 e)', en: 'Retention period ended (Art. 5(1)(e))' },
});

@ObjectType({ description: 'One access to (or change of) the person’s data, from the audit log.' })
export class AccessLogEntry {
  @Field() at: Date;
  @Field({ description: 'Who: the sign-in (issuer#subject) of the caller, or "system" for background jobs.' }) actor: string;
  @Field(() => String, { nullable: true, description: 'The role the caller had; null for entries written before roles were recorded.' }) actorRole: string | null;
  @Field({ description: 'CREATE, UPDATE, DELETE, READ_PERSONAL or EXPORT.' }) action: string;
  @Field({ description: 'What was touched: Person, Membership, Activity, Certificate, Course (its roster) or EsfExport (a participant file that included the person).' })
  entity: string;
  @Field(() => [String]) fields: string[];
  @Field(() => AccessPurpose) purpose: AccessPurpose;
  @Field({ description: 'True when the operation stated its purpose; false when it is derived from the action and the role.' }) purposeRecorded: boolean;
}

@ObjectType()
export class ReportProfile {
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => String, { nullable: true }) workAddress: string | null;
  @Field(() => String, { nullable: true }) unitName: string | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
  @Field(() => Sector, { nullable: true }) sector: Sector | null;
  @Field(() => Gender, { nullable: true }) gender: Gender | null;
  @Field(() => Int, { nullable: true }) birthYear: number | null;
  @Field(() => EducationLevel, { nullable: true }) educationLevel: EducationLevel | null;
  @Field() esfDataEntered: boolean;
  @Field() directoryOptIn: boolean;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Date, { nullable: true }) erasedAt: Date | null;
}

@ObjectType()
export class ReportMembershipEvent {
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field() effectiveOn: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() recordedAt: Date;
}

@ObjectType()
export class ReportReview {
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true }) outcome: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType()
export class ReportMembership {
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field() since: string;
  @Field(() => [ReportMembershipEvent]) history: ReportMembershipEvent[];
  @Field(() => [ReportReview]) reviews: ReportReview[];
}

@ObjectType()
export class ReportTask {
  @Field() theme: string;
  @Field() submittedOn: string;
  @Field(() => String, { nullable: true }) acceptedOn: string | null;
}

@ObjectType()
export class ReportEnrolment {
  @Field() courseName: string;
  @Field(() => Int) tier: number;
  @Field() status: string;
  @Field() enrolledAt: Date;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field(() => String, { nullable: true }) droppedOn: string | null;
  @Field(() => [String], { description: 'Dates of the sessions attended.' }) attended: string[];
  @Field(() => [ReportTask]) tasks: ReportTask[];
}

@ObjectType()
export class ReportCertificate {
  @Field() kind: string;
  @Field() issuedOn: string;
  @Field(() => String, { nullable: true }) courseName: string | null;
  @Field({ description: "Certified by THL's trainer training." }) byThl: boolean;
}

@ObjectType()
export class ReportActivity {
  @Field() kind: string;
  @Field() occurredOn: string;
  @Field(() => Int) count: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true }) courseName: string | null;
}

@ObjectType({ description: 'Courses the person took, with their trainers; courses the person trained, with the number of participants (not their names).' })
export class ReportLineageLink {
  @Field() courseName: string;
  @Field(() => Int) tier: number;
  @Field(() => [String], { description: 'Trainers of a course the person took; empty for courses they trained.' }) trainers: string[];
  @Field(() => Int, { description: 'Participants of a course the person trained; 0 for courses they took.' }) participants: number;
}

@ObjectType()
export class ReportLineage {
  @Field(() => [ReportLineageLink]) trainedBy: ReportLineageLink[];
  @Field(() => [ReportLineageLink]) trained: ReportLineageLink[];
}

@ObjectType()
export class ReportEsfCourse {
  @Field() courseName: string;
  @Field(() => Int) tier: number;
  @Field() firstSession: string;
  @Field() lastSession: string;
  @Field() status: string;
  @Field(() => String, { nullable: true }) completedOn: string | null;
}

@ObjectType({ description: 'What ESF+ reporting holds about the person: the fields of the participant export.' })
export class ReportEsf {
  @Field({ description: 'Took part in a tier-1 or tier-2 course, i.e. is an ESF+ participant.' }) participant: boolean;
  @Field({ description: 'Always EMPLOYED: participants are professionals.' }) employmentStatus: string;
  @Field(() => Gender, { nullable: true }) gender: Gender | null;
  @Field(() => Int, { nullable: true }) birthYear: number | null;
  @Field(() => String, { nullable: true, description: 'Age band at entry (first session of the first such course): 18-29, 30-54 or 55+.' }) ageBandAtEntry: string | null;
  @Field(() => EducationLevel, { nullable: true }) educationLevel: EducationLevel | null;
  @Field() esfDataEntered: boolean;
  @Field(() => [ReportEsfCourse]) courses: ReportEsfCourse[];
}

@ObjectType({ description: 'Right of access (GDPR Art. 15): everything Lähde holds about one person, and who accessed it for what.' })
export class PersonalDataReport {
  @Field() generatedAt: Date;
  @Field(() => ID) personId: string;
  @Field() countyCode: string;
  @Field(() => ReportProfile) profile: ReportProfile;
  @Field(() => [ReportMembership]) memberships: ReportMembership[];
  @Field(() => [ReportEnrolment]) enrolments: ReportEnrolment[];
  @Field(() => [ReportCertificate]) certificates: ReportCertificate[];
  @Field(() => [ReportActivity]) activities: ReportActivity[];
  @Field(() => ReportLineage) lineage: ReportLineage;
  @Field(() => ReportEsf) esf: ReportEsf;
  @Field(() => [AccessLogEntry], { description: 'Newest first.' }) accessLog: AccessLogEntry[];
  @Field({ description: 'GET this path with the same bearer token for the report as a JSON file.' }) downloadPath: string;
}

@InputType()
export class ErasePersonInput {
  @Field(() => ID) @IsUUID() personId: string;
  @Field(() => ErasureReason, { description: 'DATA_SUBJECT_REQUEST or CONTROLLER_DECISION (RETENTION is the scheduled job’s).' })
  @IsIn([ErasureReason.DATA_SUBJECT_REQUEST, ErasureReason.CONTROLLER_DECISION], { message: 'reason must be DATA_SUBJECT_REQUEST or CONTROLLER_DECISION' })
  reason: ErasureReason;
  @Field(() => ErasureGround)
  @IsIn(Object.values(ErasureGround).filter((g) => g !== ErasureGround.RETENTION_PERIOD_ENDED), { message: 'legalBasis must be one of Art. 17(1) (a)-(e)' })
  legalBasis: ErasureGround;
  @Field(() => String, { nullable: true, description: 'Diary number of the request (letters, digits, / . _ -), never a name.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9/._-]{1,40}$/, { message: 'caseReference may contain letters, digits and / . _ - only (at most 40)' })
  caseReference?: string | null;
}

@ObjectType({ description: 'One erasure: what was removed and what was kept, and why. Holds no personal data.' })
export class ErasureRecord {
  @Field() at: Date;
  @Field({ description: 'The signed-in caller, or "system" for the retention job.' }) actor: string;
  @Field({ description: 'PERSON (an erasure), ESF_DATA (ESF fields removed at the end of the audit period) or AUDIT_LOG (old audit entries deleted).' })
  subject: string;
  @Field(() => ID, { nullable: true, description: 'The anonymised record that remains (its id is the pseudonym).' }) personId: string | null;
  @Field(() => ErasureReason) reason: ErasureReason;
  @Field(() => ErasureGround) legalBasis: ErasureGround;
  @Field(() => String, { nullable: true }) caseReference: string | null;
  @Field(() => [String]) removed: string[];
  @Field(() => [String]) kept: string[];
  @Field(() => Int, { description: 'Records affected: 1 for a person, the number of entries for an audit-log purge.' }) entries: number;
}

@ArgsType()
export class ErasureLogArgs {
  @Field(() => Int, { defaultValue: 100 }) @IsInt() @Min(1) @Max(1000) last: number = 100;
}

export const RETENTION_LIMITS = {
  personYears: { min: 1, max: 10 },
  auditLogYears: { min: 2, max: 10 },
  esfRetentionUntil: { min: '2027-12-31', max: '2040-12-31' },
} as const;

@ObjectType({ description: "A county's retention periods; defaults apply until a coordinator sets them." })
export class RetentionSettings {
  @Field(() => Int, { description: 'Years after a person left the network (or, never a member, after their last training record) before they are anonymised.' })
  personYears: number;
  @Field(() => Int, { description: 'Years audit entries are kept before they are deleted (at least 2).' }) auditLogYears: number;
  @Field({ description: 'ESF+ participation data are kept until this date (end of the programme audit period), then removed.' }) esfRetentionUntil: string;
  @Field({ description: 'True while the county uses the defaults (3 years, 5 years, 2031-12-31).' }) isDefault: boolean;
  @Field(() => Date, { nullable: true }) updatedAt: Date | null;
}

@InputType()
export class SetRetentionSettingsInput {
  @Field(() => Int) @IsInt() @Min(RETENTION_LIMITS.personYears.min) @Max(RETENTION_LIMITS.personYears.max) personYears: number;
  @Field(() => Int) @IsInt() @Min(RETENTION_LIMITS.auditLogYears.min) @Max(RETENTION_LIMITS.auditLogYears.max) auditLogYears: number;
  @Field({ description: `A date from ${RETENTION_LIMITS.esfRetentionUntil.min} to ${RETENTION_LIMITS.esfRetentionUntil.max}.` })
  @IsLocalDate()
  esfRetentionUntil: string;
}
