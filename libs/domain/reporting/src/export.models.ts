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
