import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { IsLocalDate } from '@lahde/platform/errors';
import { Omittable } from '../shared/omittable';
import { ActivityKind } from './activity-kind';

const NOTE = 'At most 500 characters. Never client data: no names, no identifying details.';

@ObjectType({ description: 'A logged key worker activity: what, when and how many times. No client data.' })
export class Activity {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => ActivityKind) kind: ActivityKind;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn: string;
  @Field(() => Int) count: number;
  @Field(() => ID, { nullable: true, description: 'The addressing training (course) this was, if any.' }) courseId: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int) version: number;
}

export const ActivityConnection = ConnectionType(Activity, 'ActivityConnection');

@InputType({ isAbstract: true })
class ActivityFields {
  @Field(() => ID, { nullable: true, description: 'Optional: the addressing training (course) this activity was.' })
  @IsOptional()
  @IsUUID()
  courseId?: string | null;
  @Field(() => String, { nullable: true, description: NOTE }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}

@InputType()
export class LogActivityInput extends ActivityFields {
  @Field(() => ActivityKind) @IsEnum(ActivityKind) kind: ActivityKind;
  @Field({ description: 'YYYY-MM-DD, not in the future.' }) @IsLocalDate() occurredOn: string;
  @Field(() => Int, { defaultValue: 1, description: 'How many, 1 to 1000 (e.g. consultations that day).' }) @IsInt() @Min(1) @Max(1000) count: number = 1;
  @Field(() => ID, { nullable: true, description: 'Coordinators only: whose activity it is. Key workers and trainers always log their own.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

@InputType()
export class UpdateActivityInput extends ActivityFields {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field(() => ActivityKind, { nullable: true }) @Omittable() @IsEnum(ActivityKind) kind?: ActivityKind;
  @Field({ nullable: true }) @Omittable() @IsLocalDate() occurredOn?: string;
  @Field(() => Int, { nullable: true }) @Omittable() @IsInt() @Min(1) @Max(1000) count?: number;
}

@InputType()
export class DeleteActivityInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
}

@ArgsType()
export class ActivityListArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Coordinators: one person. Key workers and trainers only ever see their own.' })
  @IsOptional()
  @IsUUID()
  personId?: string;
  @Field(() => ActivityKind, { nullable: true }) @IsOptional() @IsEnum(ActivityKind) kind?: ActivityKind;
  @Field({ nullable: true, description: 'On or after, YYYY-MM-DD.' }) @IsOptional() @IsLocalDate() from?: string;
  @Field({ nullable: true, description: 'On or before, YYYY-MM-DD.' }) @IsOptional() @IsLocalDate() to?: string;
}
