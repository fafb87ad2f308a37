import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Sector } from '@lahde/domain/directory';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { IsLocalDate } from '@lahde/platform/errors';
import { MembershipStatus } from './membership-status';

@ObjectType({ description: 'One change of a membership status: kept forever, never edited.' })
export class MembershipEvent {
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field({ description: 'The date the status took effect, YYYY-MM-DD.' }) effectiveOn: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() recordedAt: Date;
  @Field({ description: 'Who recorded it (issuer#subject of their sign-in), or "system".' }) recordedBy: string;
}

@ObjectType({ description: "A key worker's membership of the county network, with its history." })
export class Membership {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field() personName: string;
  @Field(() => ID, { nullable: true }) unitId: string | null;
  @Field(() => String, { nullable: true }) unitName: string | null;
  @Field(() => Sector, { nullable: true }) sector: Sector | null;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field({ description: 'The date the current status took effect, YYYY-MM-DD.' }) since: string;
  @Field(() => Int, { description: 'Send it back with a status change to detect concurrent edits.' }) version: number;
  @Field(() => [MembershipEvent], { description: 'Every status the membership has had, newest first.' }) history: MembershipEvent[];
}

export const MembershipConnection = ConnectionType(Membership, 'MembershipConnection');

@ArgsType()
export class MembershipListArgs extends PageArgs {
  @Field(() => MembershipStatus, { nullable: true }) @IsOptional() @IsEnum(MembershipStatus) status?: MembershipStatus;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field(() => Sector, { nullable: true }) @IsOptional() @IsEnum(Sector) sector?: Sector;
  @Field(() => ID, { nullable: true, description: "One person's membership (a person has at most one)." }) @IsOptional() @IsUUID() personId?: string;
}

@InputType()
export class ChangeMembershipStatusInput {
  @Field(() => ID) @IsUUID() membershipId: string;
  @Field(() => Int, { description: 'The version you last read; refused with CONFLICT if someone changed the membership since.' })
  @IsInt()
  @Min(1)
  version: number;
  @Field(() => MembershipStatus) @IsEnum(MembershipStatus) status: MembershipStatus;
  @Field({ description: 'YYYY-MM-DD; not before the current status began, at most a year ahead.' }) @IsLocalDate() effectiveOn: string;
  @Field(() => String, { nullable: true, description: 'Why, in a few words; never client data. At most 500 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
