import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { RegisterField } from './register-columns';

export enum RegisterImportStatus {
  VALIDATING = 'VALIDATING',
  VALID = 'VALID',
  INVALID = 'INVALID',
  COMMITTING = 'COMMITTING',
  COMMITTED = 'COMMITTED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(RegisterImportStatus, {
  name: 'RegisterImportStatus',
  valuesMap: {
    VALIDATING: { description: 'Tarkistetaan / Kontrolleras / Dry run in progress' },
    VALID: { description: 'Valmis tuotavaksi / Klar att importeras / Checked, no problems: ready to commit' },
    INVALID: { description: 'Virheitä / Fel / Problems found: nothing was written' },
    COMMITTING: { description: 'Tuodaan / Importeras / Being written' },
    COMMITTED: { description: 'Tuotu / Importerad / Written, all rows at once' },
    FAILED: { description: 'Epäonnistui / Misslyckades / Could not be processed: nothing was written' },
    EXPIRED: { description: 'Vanhentunut / Utgången / Not committed within FILE_RETENTION_DAYS: the uploaded file was deleted' },
  },
});

@ObjectType({ description: 'A problem with one row (or the whole file) of a register.' })
export class RegisterImportProblem {
  @Field(() => Int, { nullable: true, description: 'Row number in the file; the header is row 1.' }) row: number | null;
  @Field(() => String, { nullable: true, description: 'Column header as written in the file.' }) column: string | null;
  @Field() message: string;
}

@ObjectType({ description: 'What the import does (dry run) or did (committed).' })
export class RegisterImportSummary {
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int, { description: 'Key worker certificates recorded from the certification column.' }) certified: number;
}

@ObjectType({ description: "An import of a county's key worker register: a dry run first, then an all-or-nothing commit." })
export class RegisterImport {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field({ description: 'CSV or XLSX, detected from the content.' }) format: string;
  @Field(() => RegisterImportStatus) status: RegisterImportStatus;
  @Field(() => Int, { description: 'Percent done of the current step.' }) progress: number;
  @Field(() => Int, { nullable: true }) rowCount: number | null;
  @Field(() => [RegisterImportProblem]) problems: RegisterImportProblem[];
  @Field(() => RegisterImportSummary, { nullable: true }) summary: RegisterImportSummary | null;
  @Field() requestedBy: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) finishedAt: Date | null;
}

@InputType()
export class ColumnMappingInput {
  @Field(() => RegisterField) @IsEnum(RegisterField) field: RegisterField;
  @Field({ description: 'The header of the column in the file.' }) @IsString() @Length(1, 100) column: string;
}

/** Base64 of at most 700 KiB: a register of thousands of rows, and within the API's 1 MB request limit. */
export const MAX_REGISTER_BYTES = 700 * 1024;

@InputType()
export class StartRegisterImportInput {
  @Field() @IsString() @Length(1, 200) fileName: string;
  @Field({ description: 'The file (XLSX, or CSV in UTF-8) as base64; at most 700 KiB.' })
  @IsString()
  @MaxLength(Math.ceil(MAX_REGISTER_BYTES / 3) * 4, { message: 'contentBase64 must be a file of at most 700 KiB' })
  @Matches(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'contentBase64 must be base64' })
  contentBase64: string;
  @Field(() => [ColumnMappingInput], { nullable: true, description: 'Columns whose headers are not among the defaults (Nimi, Sähköposti, Puhelin, Työtehtävä, Organisaatio, Palvelu, Koulutettu).' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ColumnMappingInput)
  mapping?: ColumnMappingInput[];
}
