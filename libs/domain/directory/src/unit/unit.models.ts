import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { Omittable } from '@lahde/platform/database';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { Sector } from './sector';

const MUNICIPALITY = { message: 'municipalityCode must be a three-digit municipality number' };

@ObjectType({ description: 'A unit (service) inside an organisation, e.g. a family centre, a school or a shelter.' })
export class Unit {
  @Field(() => ID) id: string;
  @Field(() => ID) organisationId: string;
  @Field() name: string;
  @Field(() => Sector) sector: Sector;
  @Field(() => String, { nullable: true }) municipalityCode: string | null;
  @Field(() => Int) version: number;
}

export const UnitConnection = ConnectionType(Unit, 'UnitConnection');

@ObjectType({ description: 'A municipality without an active key worker in any unit.' })
export class MunicipalityGap {
  @Field() code: string;
  @Field() nameFi: string;
}

@InputType()
export class CreateUnitInput {
  @Field(() => ID) @IsUUID() organisationId: string;
  @Field() @IsString() @Length(1, 200) name: string;
  @Field(() => Sector) @IsEnum(Sector) sector: Sector;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{3}$/, MUNICIPALITY) municipalityCode?: string | null;
}

@InputType()
export class UpdateUnitInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field({ nullable: true }) @Omittable() @IsString() @Length(1, 200) name?: string;
  @Field(() => Sector, { nullable: true }) @Omittable() @IsEnum(Sector) sector?: Sector;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{3}$/, MUNICIPALITY) municipalityCode?: string | null;
}

@ArgsType()
export class UnitListArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() organisationId?: string;
  @Field(() => Sector, { nullable: true }) @IsOptional() @IsEnum(Sector) sector?: Sector;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{3}$/, MUNICIPALITY) municipalityCode?: string;
  @Field({ nullable: true, description: 'Only units where no active key worker works.' }) @IsOptional() withoutActiveKeyWorker?: boolean;
}
