import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { IsLocalDate } from '@lahde/platform/errors';
import { Omittable } from '../shared/omittable';

@ObjectType({ description: "A gathering of your county's key worker network, e.g. the monthly open Friday session." })
export class NetworkEvent {
  @Field(() => ID) id: string;
  @Field({ description: 'YYYY-MM-DD' }) heldOn: string;
  @Field() theme: string;
  @Field(() => Int, { description: 'How many attended (a count, no names).' }) attendanceCount: number;
  @Field(() => Int) version: number;
}

@InputType()
export class CreateNetworkEventInput {
  @Field({ description: 'YYYY-MM-DD' }) @IsLocalDate() heldOn: string;
  @Field() @IsString() @Length(1, 200) theme: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(10000) attendanceCount: number = 0;
}

@InputType()
export class UpdateNetworkEventInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field({ nullable: true }) @Omittable() @IsLocalDate() heldOn?: string;
  @Field({ nullable: true }) @Omittable() @IsString() @Length(1, 200) theme?: string;
  @Field(() => Int, { nullable: true }) @Omittable() @IsInt() @Min(0) @Max(10000) attendanceCount?: number;
}

@ArgsType()
export class NetworkEventListArgs {
  @Field({ nullable: true, description: 'On or after, YYYY-MM-DD.' }) @IsOptional() @IsLocalDate() from?: string;
  @Field({ nullable: true, description: 'On or before, YYYY-MM-DD.' }) @IsOptional() @IsLocalDate() to?: string;
}
