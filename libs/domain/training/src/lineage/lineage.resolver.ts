import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { Lineage } from './lineage.models';
import { LineageService } from './lineage.service';

@Resolver(() => Lineage)
export class LineageResolver {
  constructor(private readonly lineageService: LineageService) {}

  @Query(() => Lineage, { description: 'Who trained a person and whom they trained, across tiers, and how far their chain reaches.' })
  @Can('read', 'Lineage')
  lineage(@Args('personId', { type: () => ID }, new UuidPipe('Person')) personId: string) {
    return this.lineageService.lineage(personId);
  }
}
