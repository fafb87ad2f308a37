import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsLocalDate } from '@lahde/platform/errors';

@InputType({ description: 'A date range, both ends included (local dates). A course counts in the period of its first session.' })
export class PeriodInput {
  @Field() @IsLocalDate() from: string;
  @Field() @IsLocalDate() to: string;
}

@ObjectType({ description: 'Training throughput of one tier in the period.' })
export class TierThroughput {
  @Field(() => Int) tier: number;
  @Field(() => Int, { description: 'Courses whose first session falls in the period.' }) coursesHeld: number;
  @Field(() => Int, { description: 'Enrolments in those courses (dropped ones included).' }) enrolled: number;
  @Field(() => Int) completed: number;
  @Field(() => Int) dropped: number;
  @Field(() => Float, { nullable: true, description: 'completed / (enrolled - still open); null when nothing is decided yet.' }) completionRate: number | null;
  @Field(() => Float, { nullable: true, description: 'Median days from the first session to certification.' }) medianDaysToCertification: number | null;
  @Field(() => Int, { description: 'Addressing-training participants (tier 3: named and anonymous).' }) addressingParticipants: number;
}

@ObjectType({ description: 'A count in a breakdown that could single someone out: below 5 it is suppressed (null), and so is the next smallest if needed.' })
export class SuppressedCount {
  @Field() key: string;
  @Field(() => Int, { nullable: true }) count: number | null;
  @Field() suppressed: boolean;
}

@ObjectType({ description: 'Logged key-worker activities of one kind in the period.' })
export class ActivityCount {
  @Field({ description: 'CONSULTATION, PAIR_WORK, INFO_SESSION or ADDRESSING_TRAINING.' }) kind: string;
  @Field(() => Int) count: number;
  @Field(() => Float, { nullable: true, description: 'count / active key workers.' }) perActiveKeyWorker: number | null;
}

@ObjectType({ description: "One county's figures (or the national total): aggregates only, no personal data." })
export class CountyFigures {
  @Field(() => String, { nullable: true, description: 'Null for the national total.' }) countyCode: string | null;
  @Field() name: string;
  @Field(() => Int, { nullable: true }) population: number | null;
  @Field(() => Int, { nullable: true }) populationYear: number | null;
  @Field(() => Int) activeKeyWorkers: number;
  @Field(() => Int) certifiedKeyWorkers: number;
  @Field(() => Int) activeTrainers: number;
  @Field(() => Float, { nullable: true, description: 'Active key workers per 10,000 inhabitants (population of the latest year on record).' })
  keyWorkersPer10k: number | null;
  @Field(() => Int) municipalities: number;
  @Field(() => Int, { description: 'Municipalities with at least one unit that has an active key worker.' }) municipalitiesCovered: number;
  @Field(() => Float, { nullable: true }) municipalityCoverageShare: number | null;
  @Field(() => Int) units: number;
  @Field(() => Int) unitsCovered: number;
  @Field(() => [TierThroughput]) throughput: TierThroughput[];
  @Field(() => [ActivityCount]) activities: ActivityCount[];
  @Field(() => [SuppressedCount], { description: 'Active key workers by gender (WOMAN, MAN, NON_BINARY, UNKNOWN).' }) activeKeyWorkersByGender: SuppressedCount[];
  @Field(() => [SuppressedCount], { description: 'Active key workers by age band (18-29, 30-54, 55+, UNKNOWN).' }) activeKeyWorkersByAgeBand: SuppressedCount[];
  @Field(() => Date, { nullable: true, description: 'When these figures were computed (null: never).' }) asOf: Date | null;
}

@ObjectType()
export class NationalMetrics {
  @Field(() => Date, { nullable: true, description: 'The oldest `asOf` among the counties: every figure is at least this fresh.' }) asOf: Date | null;
  @Field(() => [CountyFigures]) counties: CountyFigures[];
  @Field(() => CountyFigures) total: CountyFigures;
}

@ObjectType({ description: 'Coverage in one slice of a county: a sector, an organisation type or a municipality.' })
export class CoverageSlice {
  @Field() key: string;
  @Field(() => Int) activeKeyWorkers: number;
  @Field(() => Int) units: number;
  @Field(() => Int) unitsCovered: number;
}

@ObjectType()
export class CountyMetrics {
  @Field(() => CountyFigures) figures: CountyFigures;
  @Field(() => [CoverageSlice]) bySector: CoverageSlice[];
  @Field(() => [CoverageSlice]) byOrganisationType: CoverageSlice[];
  @Field(() => [CoverageSlice], { description: 'Keyed by municipality code.' }) byMunicipality: CoverageSlice[];
}

export enum Granularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}
registerEnumType(Granularity, { name: 'Granularity' });

@ObjectType({ description: 'One point of a trend.' })
export class TrendPoint {
  @Field({ description: 'First day of the month, quarter or year.' }) periodStart: string;
  @Field(() => Int, { nullable: true, description: 'Active key workers at the last refresh within the period (null before records began).' })
  activeKeyWorkers: number | null;
  @Field(() => Int, { description: 'Key worker courses (tier 2) whose first session falls in the period.' }) keyWorkerCourses: number;
  @Field(() => Int, { description: 'Key workers certified from those courses.' }) keyWorkersCertified: number;
  @Field(() => Int, { description: 'Trainers certified from tier-1 courses starting in the period.' }) trainersCertified: number;
  @Field(() => Int) addressingParticipants: number;
  @Field(() => Int, { description: 'Logged activities of every kind.' }) activities: number;
}
