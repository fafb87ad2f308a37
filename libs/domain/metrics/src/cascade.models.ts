import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CascadeNodeKind {
  THL = 'THL',
  COUNTY = 'COUNTY',
  TRAINER = 'TRAINER',
  KEY_WORKER = 'KEY_WORKER',
}
registerEnumType(CascadeNodeKind, { name: 'CascadeNodeKind' });

@ObjectType({ description: 'A node of the training cascade with the counts below it. Names only inside your own county.' })
export class CascadeNode {
  @Field(() => ID, { description: 'Pass as `rootId` to drill down.' }) id: string;
  @Field(() => CascadeNodeKind) kind: CascadeNodeKind;
  @Field(() => String, { nullable: true, description: "County name; a person's name only in the viewer's own county." }) label: string | null;
  @Field({ description: 'Trainer certified in THL’s trainer training.' }) certifiedByThl: boolean;
  @Field() active: boolean;
  @Field({ description: 'A trainer who left while key workers they trained are still active.' }) broken: boolean;
  @Field(() => Int, { description: 'Certified trainers below.' }) trainers: number;
  @Field(() => Int, { description: 'Certified key workers below (trained by this node, for a trainer).' }) keyWorkers: number;
  @Field(() => Int) activeKeyWorkers: number;
  @Field(() => Int, { description: 'Addressing-training participants reached by the node and everyone below.' }) addressingParticipants: number;
  @Field(() => Int, { description: 'Broken trainer links below.' }) brokenLinks: number;
  @Field(() => Int, { description: 'Levels below this node (THL → county → trainer → key worker).' }) depth: number;
  @Field(() => Int, { description: 'Direct children: counties with trainers (THL), trainers (county), key workers trained (trainer).' }) branching: number;
  @Field(() => [CascadeNode], { description: 'Children, down to the requested depth.' }) children: CascadeNode[];
}
