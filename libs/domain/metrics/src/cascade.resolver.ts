import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { InputError } from '@lahde/platform/errors';
import { CascadeNode } from './cascade.models';
import { CascadeService } from './cascade.service';

@Resolver(() => CascadeNode)
export class CascadeResolver {
  constructor(private readonly cascadeService: CascadeService) {}

  @Query(() => CascadeNode, {
    description: 'The training cascade below a node: THL (national roles, the default), `county:<code>` (default for county roles) or a trainer or key worker id.',
  })
  @Can('read', 'Cascade')
  cascade(
    @Args('rootId', { type: () => ID, nullable: true }) rootId: string | null,
    @Args('depth', { type: () => Int, defaultValue: 2 }) depth: number,
  ) {
    if (depth < 0 || depth > 3) throw new InputError([{ field: 'depth', message: 'must be between 0 and 3' }]);
    if (rootId !== null && rootId !== undefined && !/^(THL|county:\d{2}|\d{2}:[0-9a-f]{32})$/.test(rootId)) {
      throw new InputError([{ field: 'rootId', message: 'is not a cascade node id' }]);
    }
    return this.cascadeService.cascade(rootId ?? null, depth);
  }
}
