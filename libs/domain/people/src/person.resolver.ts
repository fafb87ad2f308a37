import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { CreatePersonInput, DirectoryArgs, DirectoryConnection, Person, PersonConnection, PersonListArgs, UpdatePersonInput } from './person.models';
import { PersonService } from './person.service';

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly personService: PersonService) {}

  @Query(() => PersonConnection, {
    description: 'People of your county sorted by name. Coordinators, admins and ESF reporters see everyone; trainers themselves and their trainees; key workers themselves.',
  })
  @Can('read', 'Person')
  people(@Args() args: PersonListArgs) {
    return this.personService.list(args);
  }

  @Query(() => Person)
  @Can('read', 'Person')
  person(@Args('id', { type: () => ID }, new UuidPipe('Person')) id: string) {
    return this.personService.get(id);
  }

  @Query(() => Person, { nullable: true, description: 'Your own record in the county registry (matched by the e-mail of your sign-in).' })
  @Can('read', 'Me')
  myProfile() {
    return this.personService.me();
  }

  @Query(() => DirectoryConnection, { description: "The county's internal directory: active key workers who opted in, with name, unit and sector only." })
  @Can('read', 'Directory')
  keyWorkerDirectory(@Args() args: DirectoryArgs) {
    return this.personService.directory(args);
  }

  @Mutation(() => Person)
  @Can('create', 'Person')
  createPerson(@Args('input') input: CreatePersonInput) {
    return this.personService.create(input);
  }

  @Mutation(() => Person, { description: 'Coordinators change anyone; trainers and key workers their own profile (not the e-mail).' })
  @Can('update', 'Person')
  updatePerson(@Args('input') input: UpdatePersonInput) {
    return this.personService.update(input);
  }
}
