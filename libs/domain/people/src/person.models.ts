import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { isEmail, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { Omittable } from '@lahde/platform/database';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { registerLabelledEnum, Sector } from '@lahde/domain/directory';

export enum Gender {
  WOMAN = 'WOMAN',
  MAN = 'MAN',
  NON_BINARY = 'NON_BINARY',
}
registerLabelledEnum(Gender, 'Gender', {
  WOMAN: { fi: 'Nainen', sv: 'Kvinna', en: 'Woman' },
  MAN: { fi: 'Mies', sv: 'Man', en: 'Man' },
  NON_BINARY: { fi: 'Muu / ei-binäärinen', sv: 'Annat / icke-binär', en: 'Non-binary' },
});

/** ISCED bands as the ESF+ indicators EECO09-EECO11 count them. */
export enum EducationLevel {
  ISCED_0_2 = 'ISCED_0_2',
  ISCED_3_4 = 'ISCED_3_4',
  ISCED_5_8 = 'ISCED_5_8',
}
registerLabelledEnum(EducationLevel, 'EducationLevel', {
  ISCED_0_2: { fi: 'Perusaste (ISCED 0-2)', sv: 'Grundnivå (ISCED 0-2)', en: 'Lower secondary or less (ISCED 0-2)' },
  ISCED_3_4: { fi: 'Toinen aste (ISCED 3-4)', sv: 'Andra stadiet (ISCED 3-4)', en: 'Upper secondary (ISCED 3-4)' },
  ISCED_5_8: { fi: 'Korkea-aste (ISCED 5-8)', sv: 'Högre nivå (ISCED 5-8)', en: 'Tertiary (ISCED 5-8)' },
});

/** class-validator's IsEmail throws (URIError) on a lone UTF-16 surrogate instead of answering "no": that must be a 400, not a 500. */
function IsEmailAddress(): PropertyDecorator {
  const wellFormedEmail = (value: unknown) => {
    try {
      return typeof value === 'string' && isEmail(value);
    } catch {
      return false;
    }
  };
  return ValidateBy({ name: 'isEmailAddress', validator: { validate: wellFormedEmail, defaultMessage: () => 'email must be an e-mail address' } });
}

@ObjectType({ description: 'The unit a person works in, with its sector.' })
export class PersonUnit {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Sector) sector: Sector;
  @Field() organisationName: string;
}

@ObjectType({ description: 'A professional in the county network. Only what the model needs; no personal identity code.' })
export class Person {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field(() => PersonUnit, { nullable: true }) unit: PersonUnit | null;
  @Field(() => String, { nullable: true }) workAddress: string | null;
  @Field(() => Gender, { nullable: true, description: 'For ESF reporting; optional.' }) gender: Gender | null;
  @Field(() => Int, { nullable: true, description: 'For ESF reporting; optional.' }) birthYear: number | null;
  @Field(() => EducationLevel, { nullable: true, description: 'For ESF reporting; optional.' }) educationLevel: EducationLevel | null;
  @Field({ description: "Has the person entered their data in the funder's system (EURA)?" }) esfDataEntered: boolean;
  @Field({ description: "Listed in the county's internal directory of key workers (name, unit and sector only)." }) directoryOptIn: boolean;
  @Field(() => String, { nullable: true, description: "Participants of THL's trainer training: the county they come from." }) homeCountyCode: string | null;
  @Field(() => [String], { description: 'Fields a coordinator should still fill in: unit, phone, jobTitle, gender, birthYear, educationLevel.' })
  missingFields: string[];
  @Field(() => Int) version: number;
}

export const PersonConnection = ConnectionType(Person, 'PersonConnection');

@ObjectType({ description: "An entry of the county's internal key worker directory: only name, unit and sector." })
export class DirectoryEntry {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) unitName: string | null;
  @Field(() => Sector, { nullable: true }) sector: Sector | null;
  @Field(() => String, { nullable: true }) organisationName: string | null;
}

export const DirectoryConnection = ConnectionType(DirectoryEntry, 'DirectoryConnection');

const YEAR = { min: 1930, max: 2015 };

@InputType({ isAbstract: true })
class ProfileFields {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) @Matches(/^[+0-9 ()-]*$/, { message: 'phone may contain digits, spaces, +, ( ) and - only' }) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(300) workAddress?: string | null;
  @Field(() => Gender, { nullable: true }) @IsOptional() @IsEnum(Gender) gender?: Gender | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(YEAR.min) @Max(YEAR.max) birthYear?: number | null;
  @Field(() => EducationLevel, { nullable: true }) @IsOptional() @IsEnum(EducationLevel) educationLevel?: EducationLevel | null;
  @Field({ nullable: true }) @Omittable() @IsBoolean() esfDataEntered?: boolean;
  @Field({ nullable: true }) @Omittable() @IsBoolean() directoryOptIn?: boolean;
}

@InputType()
export class CreatePersonInput extends ProfileFields {
  @Field() @IsString() @Length(1, 100) firstName: string;
  @Field() @IsString() @Length(1, 100) lastName: string;
  @Field() @IsEmailAddress() @MaxLength(254) email: string;
  @Field(() => String, { nullable: true, description: "THL only: the county a participant of THL's trainer training comes from." })
  @IsOptional()
  @Matches(/^[0-9]{2}$/, { message: 'homeCountyCode must be a two-digit county code' })
  homeCountyCode?: string;
}

@InputType()
export class UpdatePersonInput extends ProfileFields {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field({ nullable: true }) @Omittable() @IsString() @Length(1, 100) firstName?: string;
  @Field({ nullable: true }) @Omittable() @IsString() @Length(1, 100) lastName?: string;
  @Field({ nullable: true, description: 'Only coordinators and county admins may change an e-mail address.' })
  @IsOptional()
  @IsEmailAddress()
  @MaxLength(254)
  email?: string;
}

@ArgsType()
export class PersonListArgs extends PageArgs {
  @Field({ nullable: true, description: 'Matches first name, last name or e-mail.' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() unitId?: string;
  @Field(() => Sector, { nullable: true }) @IsOptional() @IsEnum(Sector) sector?: Sector;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9]{3}$/, { message: 'municipalityCode must be a three-digit municipality number' }) municipalityCode?: string;
  @Field({ nullable: true, description: 'Only records with missing information.' }) @IsOptional() @IsBoolean() incomplete?: boolean;
}

@ArgsType()
export class DirectoryArgs extends PageArgs {
  @Field(() => Sector, { nullable: true }) @IsOptional() @IsEnum(Sector) sector?: Sector;
}
