import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { CreateUnitInput, MunicipalityGap, Unit, UnitConnection, UnitListArgs, UpdateUnitInput } from './unit.models';
import { UnitService } from './unit.service';

@Resolver(() => Unit)
export class UnitResolver {
  constructor(private readonly unitService: UnitService) {}

  @Query(() => UnitConnection, { description: "Units of your county's organisations, sorted by name; `withoutActiveKeyWorker` finds the gaps." })
  @Can('read', 'Unit')
  units(@Args() args: UnitListArgs) {
    return this.unitService.list(args);
  }

  @Query(() => [MunicipalityGap], { description: 'Municipalities of your county where no unit has an active key worker.' })
  @Can('read', 'Unit')
  municipalitiesWithoutActiveKeyWorker() {
    return this.unitService.municipalitiesWithoutActiveKeyWorker();
  }

  @Query(() => Unit)
  @Can('read', 'Unit')
  unit(@Args('id', { type: () => ID }, new UuidPipe('Unit')) id: string) {
    return this.unitService.get(id);
  }

  @Mutation(() => Unit)
  @Can('create', 'Unit')
  createUnit(@Args('input') input: CreateUnitInput) {
    return this.unitService.create(input);
  }

  @Mutation(() => Unit)
  @Can('update', 'Unit')
  updateUnit(@Args('input') input: UpdateUnitInput) {
    return this.unitService.update(input);
  }
}
