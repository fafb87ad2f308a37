import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A population figure for one year (31 December of that year).' })
export class Population {
  @Field(() => Int) year: number;
  @Field(() => Int) population: number;
  @Field({ description: 'Where the figure comes from.' }) source: string;
}

@ObjectType({ description: 'A wellbeing services county or the City of Helsinki: one of the 22 organisers, each a tenant of Lähde.' })
export class County {
  @Field(() => ID) id: string;
  @Field({ description: "Statistics Finland's wellbeing services county code, e.g. \"10\"." }) code: string;
  @Field({ description: 'Name in Finnish.' }) nameFi: string;
  @Field({ description: 'Name in Swedish.' }) nameSv: string;
  @Field({ description: 'Name in English.' }) nameEn: string;
  @Field(() => Population, { nullable: true, description: 'The population of the requested year, or of the latest year on record at or before it.' })
  population: Population | null;
}

@ObjectType({ description: 'A municipality (kunta) and the county it belongs to.' })
export class Municipality {
  @Field({ description: 'Official three-digit municipality number.' }) code: string;
  @Field() nameFi: string;
  @Field({ description: 'Code of the county (91 for Åland, which is not a tenant).' }) countyCode: string;
  @Field(() => Population, { nullable: true }) population: Population | null;
}
