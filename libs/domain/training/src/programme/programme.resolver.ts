import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { InputError, UuidPipe } from '@lahde/platform/errors';
import { CreateProgrammeInput, Programme } from './programme.models';
import { ProgrammeService } from './programme.service';

@Resolver(() => Programme)
export class ProgrammeResolver {
  constructor(private readonly programmeService: ProgrammeService) {}

  @Query(() => [Programme], { description: "Your county's curricula, national defaults first." })
  @Can('read', 'Programme')
  programmes(@Args('tier', { type: () => Int, nullable: true }) tier: number | null) {
    if (tier !== null && tier !== undefined && (tier < 1 || tier > 3)) throw new InputError([{ field: 'tier', message: 'must be 1, 2 or 3' }]);
    return this.programmeService.list(tier ?? null);
  }

  @Query(() => Programme)
  @Can('read', 'Programme')
  programme(@Args('id', { type: () => ID }, new UuidPipe('Programme')) id: string) {
    return this.programmeService.get(id);
  }

  @Mutation(() => Programme, { description: 'Defines a county curriculum variant: its modules and completion rule are data.' })
  @Can('create', 'Programme')
  createProgramme(@Args('input') input: CreateProgrammeInput) {
    return this.programmeService.create(input);
  }
}
