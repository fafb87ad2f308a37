import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { registerLabelledEnum, Sector } from '@lahde/domain/directory';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { IsLocalDate, IsLocalTime } from '@lahde/platform/errors';

export enum CourseStatus {
  PLANNED = 'PLANNED',
  RUNNING = 'RUNNING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerLabelledEnum(CourseStatus, 'CourseStatus', {
  PLANNED: { fi: 'Suunniteltu', sv: 'Planerad', en: 'Planned' },
  RUNNING: { fi: 'Käynnissä', sv: 'Pågående', en: 'Running' },
  COMPLETED: { fi: 'Päättynyt', sv: 'Avslutad', en: 'Completed' },
  CANCELLED: { fi: 'Peruttu', sv: 'Inställd', en: 'Cancelled' },
});

export enum EnrolmentStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED = 'DROPPED',
}
registerEnumType(EnrolmentStatus, { name: 'EnrolmentStatus' });

export enum CertificateKind {
  TRAINER = 'TRAINER',
  KEY_WORKER = 'KEY_WORKER',
}
registerLabelledEnum(CertificateKind, 'CertificateKind', {
  TRAINER: { fi: 'Kouluttaja', sv: 'Utbildare', en: 'Certified trainer' },
  KEY_WORKER: { fi: 'Avainhenkilö', sv: 'Nyckelperson', en: 'Certified key worker' },
});

@ObjectType()
export class PersonRef {
  @Field(() => ID) personId: string;
  @Field() name: string;
}

@ObjectType()
export class CourseSession {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'The curriculum module this session covers (a make-up session covers the same module again).' })
  moduleId: string | null;
  @Field({ description: 'Local date (Europe/Helsinki), YYYY-MM-DD.' }) date: string;
  @Field({ description: 'Local time HH:MM.' }) startsAt: string;
  @Field() endsAt: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => String, { nullable: true }) theme: string | null;
  @Field() isMakeup: boolean;
  @Field(() => [PersonRef], { description: 'Trainers present at this session.' }) trainers: PersonRef[];
  @Field(() => Int) attendeeCount: number;
  @Field(() => [ID], { description: 'People marked present at this session (their person ids).' }) attendeeIds: string[];
}

@ObjectType()
export class Enrolment {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => EnrolmentStatus) status: EnrolmentStatus;
  @Field(() => String, { nullable: true }) completedOn: string | null;
  @Field(() => Int) attendedSessions: number;
  @Field(() => [ID], { description: 'Modules of the tasks accepted so far.' }) acceptedTaskModuleIds: string[];
  @Field(() => [String], { description: 'What the completion rule still needs: a missed day can be made up, a task accepted.' }) missing: string[];
}

@ObjectType()
export class Headcount {
  @Field(() => Sector) sector: Sector;
  @Field(() => Int) participants: number;
}

@ObjectType({ description: 'A run of a programme: trainers, sessions, enrolments, attendance and tasks.' })
export class Course {
  @Field(() => ID) id: string;
  @Field(() => ID) programmeId: string;
  @Field(() => Int) tier: number;
  @Field() name: string;
  @Field(() => String, { nullable: true }) place: string | null;
  @Field(() => ID, { nullable: true }) organisationId: string | null;
  @Field(() => ID, { nullable: true }) unitId: string | null;
  @Field(() => CourseStatus) status: CourseStatus;
  @Field(() => String, { nullable: true, description: 'Date of the first session.' }) startsOn: string | null;
  @Field(() => String, { nullable: true, description: 'Date of the last session.' }) endsOn: string | null;
  @Field(() => [PersonRef]) trainers: PersonRef[];
  @Field(() => [CourseSession]) sessions: CourseSession[];
  @Field(() => [Enrolment]) enrolments: Enrolment[];
  @Field(() => [Headcount], { description: 'Anonymous participants by sector (addressing trainings).' }) headcounts: Headcount[];
  @Field(() => Int, { description: 'Named participants (not dropped) plus anonymous headcounts.' }) participantCount: number;
  @Field(() => Int) version: number;
}

@ObjectType()
export class CourseSummary {
  @Field(() => ID) id: string;
  @Field(() => Int) tier: number;
  @Field() name: string;
  @Field(() => CourseStatus) status: CourseStatus;
  @Field(() => String, { nullable: true }) startsOn: string | null;
  @Field(() => Int) enrolled: number;
  @Field(() => Int) completed: number;
}
export const CourseConnection = ConnectionType(CourseSummary, 'CourseConnection');

@ObjectType()
export class Certificate {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => CertificateKind) kind: CertificateKind;
  @Field(() => ID, { nullable: true, description: 'The course that earned it: its trainers are who trained this person.' }) courseId: string | null;
  @Field({ description: "Earned in THL's trainer training (the course itself is THL's and not visible here)." }) certifiedByThl: boolean;
  @Field() issuedOn: string;
}

@ObjectType({ description: 'An enrolment that does not yet meet the completion rule.' })
export class IncompleteEnrolment {
  @Field(() => ID) courseId: string;
  @Field() courseName: string;
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => [String]) missing: string[];
}

const ids = () => [ArrayUnique(), ArrayMaxSize(500), IsUUID('all', { each: true })];
const apply = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType()
export class CreateCourseInput {
  @Field(() => ID) @IsUUID() programmeId: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field(() => [ID], { description: "People who train the course (co-trainers welcome); empty only for THL's trainer training (tier 1)." })
  @apply(ids())
  trainerIds: string[];
}

@InputType()
export class AddSessionInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() moduleId?: string;
  @Field() @IsLocalDate() date: string;
  @Field() @IsLocalTime() startsAt: string;
  @Field() @IsLocalTime() endsAt: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) place?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) theme?: string;
  @Field({ defaultValue: false }) @IsBoolean() isMakeup: boolean = false;
  @Field(() => [ID], { defaultValue: [], description: 'Trainers present; default: the course trainers.' }) @apply(ids()) trainerIds: string[] = [];
}

@InputType()
export class EnrolInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field(() => [ID]) @apply(ids()) @ArrayMinSize(1) personIds: string[];
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) @IsUUID() sessionId: string;
  @Field(() => [ID], { description: 'Enrolled people present at the session.' }) @apply(ids()) @ArrayMinSize(1) personIds: string[];
  @Field({ defaultValue: true, description: 'false removes the attendance marks.' }) @IsBoolean() present: boolean = true;
}

@InputType()
export class TaskInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field(() => ID) @IsUUID() personId: string;
  @Field(() => ID) @IsUUID() moduleId: string;
  @Field() @IsLocalDate() submittedOn: string;
  @Field({ nullable: true, description: 'Set when a trainer accepts the task.' }) @IsOptional() @IsLocalDate() acceptedOn?: string;
}

@InputType()
export class DropInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field(() => ID) @IsUUID() personId: string;
  @Field() @IsLocalDate() droppedOn: string;
}

@InputType()
export class CompleteCourseInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field({ description: 'The date of record for certificates.' }) @IsLocalDate() completedOn: string;
}

@InputType()
export class HeadcountInput {
  @Field(() => Sector) @IsEnum(Sector) sector: Sector;
  @Field(() => Int) @IsInt() @Min(1) @Max(100000) participants: number;
}

@InputType()
export class SetHeadcountsInput {
  @Field(() => ID) @IsUUID() courseId: string;
  @Field(() => [HeadcountInput]) @ValidateNested({ each: true }) @Type(() => HeadcountInput) @ArrayMaxSize(10) headcounts: HeadcountInput[];
}

@ArgsType()
export class CourseListArgs extends PageArgs {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(3) tier?: number;
  @Field(() => CourseStatus, { nullable: true }) @IsOptional() @IsEnum(CourseStatus) status?: CourseStatus;
  @Field({ nullable: true, description: 'Courses with a session on or after this date.' }) @IsOptional() @IsLocalDate() from?: string;
  @Field({ nullable: true, description: 'Courses with a session on or before this date.' }) @IsOptional() @IsLocalDate() to?: string;
}
