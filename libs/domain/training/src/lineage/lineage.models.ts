import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One link of the training chain: a trainer and a participant of one course.' })
export class LineageLink {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => ID) courseId: string;
  @Field() courseName: string;
  @Field(() => Int) tier: number;
  @Field({ description: 'ENROLLED while the course runs, COMPLETED once the participant completed it.' }) status: string;
}

@ObjectType({ description: 'How far the chain below a person reaches, counting completed links only.' })
export class LineageReach {
  @Field(() => Int, { description: 'Longest chain below the person (1 = they trained someone).' }) depth: number;
  @Field(() => Int, { description: 'Certified trainers below the person.' }) trainers: number;
  @Field(() => Int, { description: 'Certified key workers below the person.' }) keyWorkers: number;
  @Field(() => Int, { description: 'Addressing-training participants (named and anonymous) reached by the person and everyone below.' })
  addressingParticipants: number;
}

@ObjectType({ description: 'Who trained a person and whom they trained, across tiers.' })
export class Lineage {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field({ description: 'Certified as a trainer by a tier-1 course (THL trainer training).' }) trainedByThl: boolean;
  @Field(() => [LineageLink], { description: 'Trainers of the courses this person took.' }) trainedBy: LineageLink[];
  @Field(() => [LineageLink], { description: 'Participants of the courses this person trained.' }) trained: LineageLink[];
  @Field(() => LineageReach) reach: LineageReach;
}
