import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { registerLabelledEnum } from '@lahde/domain/directory';

export enum ModuleKind {
  SESSION = 'SESSION',
  PRE_TASK = 'PRE_TASK',
  INTERMEDIATE_TASK = 'INTERMEDIATE_TASK',
  FINAL_TASK = 'FINAL_TASK',
}
registerLabelledEnum(ModuleKind, 'ModuleKind', {
  SESSION: { fi: 'Koulutuspäivä', sv: 'Utbildningsdag', en: 'Training session' },
  PRE_TASK: { fi: 'Ennakkotehtävä', sv: 'Förhandsuppgift', en: 'Pre-task' },
  INTERMEDIATE_TASK: { fi: 'Välitehtävä', sv: 'Mellanuppgift', en: 'Intermediate task' },
  FINAL_TASK: { fi: 'Lopputehtävä', sv: 'Slutuppgift', en: 'Final task' },
});

@ObjectType({ description: 'A part of a curriculum: a session (with hours) or a task.' })
export class ProgrammeModule {
  @Field(() => ID) id: string;
  @Field(() => Int) position: number;
  @Field(() => ModuleKind) kind: ModuleKind;
  @Field() themeFi: string;
  @Field() themeSv: string;
  @Field() themeEn: string;
  @Field(() => Float, { nullable: true }) hours: number | null;
  @Field({ description: 'Needed for completion.' }) required: boolean;
}

@ObjectType({ description: 'A curriculum of one tier: 1 trainer training, 2 key worker training, 3 addressing training.' })
export class Programme {
  @Field(() => ID) id: string;
  @Field(() => Int) tier: number;
  @Field() nameFi: string;
  @Field() nameSv: string;
  @Field() nameEn: string;
  @Field(() => Int, { nullable: true, description: 'When set, this many session modules must be attended instead of every required one.' })
  minSessions: number | null;
  @Field({ description: 'The national default curriculum (a county may add its own variants).' }) isNationalDefault: boolean;
  @Field(() => Float, { description: 'Hours of all sessions.' }) totalHours: number;
  @Field(() => [ProgrammeModule]) modules: ProgrammeModule[];
}

@InputType()
export class ProgrammeModuleInput {
  @Field(() => ModuleKind) @IsEnum(ModuleKind) kind: ModuleKind;
  @Field() @IsString() @Length(1, 200) themeFi: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) themeSv?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) themeEn?: string;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0.5) @Max(24) hours?: number;
  @Field({ defaultValue: true }) @IsBoolean() required: boolean = true;
}

@InputType({ description: "A county's own curriculum variant, e.g. an expert network built on an online course with seven meetings." })
export class CreateProgrammeInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(3) tier: number;
  @Field() @IsString() @Length(1, 200) nameFi: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) nameSv?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) nameEn?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(50) minSessions?: number;
  @Field(() => [ProgrammeModuleInput])
  @ValidateNested({ each: true })
  @Type(() => ProgrammeModuleInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  modules: ProgrammeModuleInput[];
}
