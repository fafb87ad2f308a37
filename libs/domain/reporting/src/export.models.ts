import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, ValidateNested } from 'class-validator';
import { IsLocalDate } from '@lahde/platform/errors';

export enum EsfExportKind {
  PARTICIPANTS = 'PARTICIPANTS',
  INDICATORS = 'INDICATORS',
}
registerEnumType(EsfExportKind, {
  name: 'EsfExportKind',
  valuesMap: {
    PARTICIPANTS: { description: 'Osallistujat / Deltagare / Participants (tier 1 and 2 courses)' },
    INDICATORS: { description: 'Indikaattoriyhteenveto / Indikatorsammandrag / Indicator summary (ESF+ common indicators)' },
  },
});

@ObjectType({ description: 'One ESF+ indicator of a county and period.' })
export class EsfIndicator {
  @Field({ description: 'e.g. EECO01' }) code: string;
  @Field() labelFi: string;
  @Field() labelEn: string;
  @Field(() => Int) value: number;
}

@ObjectType({ description: 'One ESF+ indicator for publication outside the county: counts of 1 to 4 in a breakdown are suppressed.' })
export class EsfIndicatorCell {
  @Field({ description: 'e.g. EECO01' }) code: string;
  @Field() labelFi: string;
  @Field() labelEn: string;
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' }) value: number | null;
  @Field() suppressed: boolean;
}

@ObjectType({ description: 'The indicator summary of one organiser (a county, or THL for its trainer training) or of the whole country.' })
export class EsfOrganiserIndicators {
  @Field(() => String, { nullable: true, description: "County code ('00' is THL); null for the national total." }) countyCode: string | null;
  @Field() name: string;
  @Field(() => [EsfIndicatorCell]) indicators: EsfIndicatorCell[];
}

@ObjectType({ description: 'The ESF+ indicator summary of every organiser and the national total: aggregates only, small cells suppressed.' })
export class EsfNationalIndicators {
  @Field() periodFrom: string;
  @Field() periodTo: string;
  @Field(() => Date, { nullable: true, description: "When the oldest organiser's aggregates were computed; null if one has never been." }) asOf: Date | null;
  @Field(() => [EsfOrganiserIndicators]) organisers: EsfOrganiserIndicators[];
  @Field(() => EsfOrganiserIndicators) total: EsfOrganiserIndicators;
}

export enum EsfExportFormat {
  CSV = 'CSV',
  CSV_SEMICOLON = 'CSV_SEMICOLON',
  XLSX = 'XLSX',
}
registerEnumType(EsfExportFormat, {
  name: 'EsfExportFormat',
  valuesMap: {
    CSV: { description: 'UTF-8 with BOM, comma-separated' },
    CSV_SEMICOLON: { description: 'UTF-8 with BOM, semicolon-separated (Finnish Excel)' },
    XLSX: { description: 'Excel workbook' },
  },
});

export enum EsfExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
  /** The file was deleted after FILE_RETENTION_DAYS; request the export again. */
  EXPIRED = 'EXPIRED',
}
registerEnumType(EsfExportStatus, { name: 'EsfExportStatus' });

@InputType()
export class ExportPeriodInput {
  @Field() @IsLocalDate() from: string;
  @Field() @IsLocalDate() to: string;
}

@InputType()
export class RequestEsfExportInput {
  @Field(() => EsfExportKind) @IsEnum(EsfExportKind) kind: EsfExportKind;
  @Field(() => EsfExportFormat) @IsEnum(EsfExportFormat) format: EsfExportFormat;
  @Field(() => ExportPeriodInput) @ValidateNested() @Type(() => ExportPeriodInput) period: ExportPeriodInput;
}

@ObjectType({ description: 'An ESF+ export: requested, queued on bull, written to a file; the file is downloadable by its requester only.' })
export class EsfExport {
  @Field(() => ID) id: string;
  @Field(() => EsfExportKind) kind: EsfExportKind;
  @Field(() => EsfExportFormat) format: EsfExportFormat;
  @Field() periodFrom: string;
  @Field() periodTo: string;
  @Field(() => EsfExportStatus) status: EsfExportStatus;
  @Field(() => Int, { description: 'Percent done.' }) progress: number;
  @Field(() => Int, { nullable: true }) rowCount: number | null;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the file: the same data give the same file.' }) sha256: string | null;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'When DONE, for the requester: a link valid for 10 minutes (send your bearer token with it).' })
  downloadUrl: string | null;
}
