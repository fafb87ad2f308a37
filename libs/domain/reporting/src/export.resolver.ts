import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { EsfExport, EsfIndicator, EsfNationalIndicators, ExportPeriodInput, RequestEsfExportInput } from './export.models';
import { EsfExportService } from './export.service';

@Resolver(() => EsfExport)
export class EsfExportResolver {
  constructor(private readonly exportService: EsfExportService) {}

  @Mutation(() => EsfExport, { description: 'Requests an ESF+ export of your county; the same request again returns the existing one.' })
  @Can('create', 'EsfExport')
  requestEsfExport(@Args('input') input: RequestEsfExportInput) {
    return this.exportService.request(input);
  }

  @Query(() => EsfExport, { description: 'Status and progress of an export you requested; `downloadUrl` once it is done.' })
  @Can('read', 'EsfExport')
  exportJob(@Args('id', { type: () => ID }, new UuidPipe('Export')) id: string) {
    return this.exportService.get(id);
  }

  @Query(() => [EsfIndicator], { description: "The ESF+ indicator summary of your county for a period (EECO01, 05, 07-11, gender, EECO18, EECR03)." })
  @Can('read', 'EsfExport')
  esfIndicators(@Args('period') period: ExportPeriodInput) {
    return this.exportService.indicators(period);
  }

  @Query(() => EsfNationalIndicators, {
    description: 'The ESF+ indicator summary of every county (and THL) and the national total for a period: aggregates only, small cells suppressed. National roles.',
  })
  @Can('read', 'NationalEsfIndicators')
  esfNationalIndicators(@Args('period') period: ExportPeriodInput) {
    return this.exportService.national(period);
  }

  @Query(() => [EsfExport], { description: 'Your latest exports, newest first.' })
  @Can('read', 'EsfExport')
  esfExports() {
    return this.exportService.list();
  }
}
