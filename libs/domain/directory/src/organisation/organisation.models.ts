import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { Omittable } from '@lahde/platform/database';
import { ConnectionType, PageArgs } from '@lahde/platform/pagination';
import { registerLabelledEnum } from '../unit/sector';

export enum OrganisationType {
  COUNTY = 'COUNTY',
  MUNICIPALITY = 'MUNICIPALITY',
  NGO = 'NGO',
  PARISH = 'PARISH',
  COMPANY = 'COMPANY',
  OTHER = 'OTHER',
}

/** User-facing labels in Finnish, Swedish and English. */
export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, { fi: string; sv: string; en: string }> = {
  COUNTY: { fi: 'Hyvinvointialue', sv: 'Välfärdsområde', en: 'Wellbeing services county' },
  MUNICIPALITY: { fi: 'Kunta', sv: 'Kommun', en: 'Municipality' },
  NGO: { fi: 'Järjestö', sv: 'Organisation', en: 'NGO' },
  PARISH: { fi: 'Seurakunta', sv: 'Församling', en: 'Parish' },
  COMPANY: { fi: 'Yritys', sv: 'Företag', en: 'Company' },
  OTHER: { fi: 'Muu', sv: 'Annan', en: 'Other' },
};

registerLabelledEnum(OrganisationType, 'OrganisationType', ORGANISATION_TYPE_LABELS);

@ObjectType({ description: "An organisation in a county's key worker network: the county itself, a municipality, an NGO, a parish, a company." })
export class Organisation {
  @Field(() => ID) id: string;
  @Field(() => OrganisationType) type: OrganisationType;
  @Field() name: string;
  @Field(() => String, { nullable: true, description: 'Municipality number, e.g. "286" for Kouvola.' }) municipalityCode: string | null;
  @Field(() => Int, { description: 'Increases on every change; send it back with an update to detect concurrent edits.' }) version: number;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
}

export const OrganisationConnection = ConnectionType(Organisation, 'OrganisationConnection');

@InputType()
export class CreateOrganisationInput {
  @Field(() => OrganisationType)
  @IsEnum(OrganisationType)
  type: OrganisationType;

  @Field()
  @IsString()
  @Length(1, 200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{3}$/, { message: 'municipalityCode must be a three-digit municipality number' })
  municipalityCode?: string | null;
}

@InputType()
export class UpdateOrganisationInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version you last read; the update is refused if someone else changed the record since.' })
  @IsInt()
  @Min(1)
  version: number;

  @Field(() => OrganisationType, { nullable: true })
  @Omittable()
  @IsEnum(OrganisationType)
  type?: OrganisationType;

  @Field({ nullable: true })
  @Omittable()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{3}$/, { message: 'municipalityCode must be a three-digit municipality number' })
  municipalityCode?: string | null;
}

@ArgsType()
export class OrganisationListArgs extends PageArgs {
  @Field(() => OrganisationType, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationType)
  type?: OrganisationType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[0-9]{3}$/, { message: 'municipalityCode must be a three-digit municipality number' })
  municipalityCode?: string;
}
