import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { CreateOrganisationInput, Organisation, OrganisationConnection, OrganisationListArgs, UpdateOrganisationInput } from './organisation.models';
import { OrganisationService } from './organisation.service';

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisationService: OrganisationService) {}

  @Query(() => OrganisationConnection, { description: "Organisations of your county's network, sorted by name." })
  @Can('read', 'Organisation')
  organisations(@Args() args: OrganisationListArgs) {
    return this.organisationService.list(args);
  }

  @Query(() => Organisation, { description: 'One organisation of your county. Another county\'s id answers NOT_FOUND, like an unknown id.' })
  @Can('read', 'Organisation')
  organisation(@Args('id', { type: () => ID }, new UuidPipe('Organisation')) id: string) {
    return this.organisationService.get(id);
  }

  @Mutation(() => Organisation)
  @Can('create', 'Organisation')
  createOrganisation(@Args('input') input: CreateOrganisationInput) {
    return this.organisationService.create(input);
  }

  @Mutation(() => Organisation, { description: 'Changes an organisation; refused with CONFLICT if `version` is not the current one.' })
  @Can('update', 'Organisation')
  updateOrganisation(@Args('input') input: UpdateOrganisationInput) {
    return this.organisationService.update(input);
  }
}
