import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { RegisterImport, StartRegisterImportInput } from './import.models';
import { RegisterImportService } from './import.service';

@Resolver(() => RegisterImport)
export class RegisterImportResolver {
  constructor(private readonly imports: RegisterImportService) {}

  @Mutation(() => RegisterImport, { description: 'Uploads a key worker register (XLSX or CSV) and queues its dry run; nothing is written yet.' })
  @Can('create', 'RegisterImport')
  startRegisterImport(@Args('input') input: StartRegisterImportInput) {
    return this.imports.start(input);
  }

  @Mutation(() => RegisterImport, { description: 'Writes a checked import (status VALID) all at once; re-importing the same file changes nothing.' })
  @Can('update', 'RegisterImport')
  commitRegisterImport(@Args('id', { type: () => ID }, new UuidPipe('RegisterImport')) id: string) {
    return this.imports.commit(id);
  }

  @Query(() => RegisterImport, { description: 'Status, progress, problems by row and the summary of an import of your county.' })
  @Can('read', 'RegisterImport')
  registerImport(@Args('id', { type: () => ID }, new UuidPipe('RegisterImport')) id: string) {
    return this.imports.get(id);
  }

  @Query(() => [RegisterImport], { description: "Your county's latest register imports, newest first." })
  @Can('read', 'RegisterImport')
  registerImports() {
    return this.imports.list();
  }
}
