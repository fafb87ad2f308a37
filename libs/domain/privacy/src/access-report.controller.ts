import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Can } from '@lahde/platform/authz';
import { UuidPipe } from '@lahde/platform/errors';
import { AccessReportService } from './access-report.service';
import { PersonalDataReport } from './privacy.models';

/**
 * The access report as a JSON file, with the same bearer token and the same rules as the GraphQL
 * queries: `/privacy/personal-data` is the caller's own, `/privacy/personal-data/:personId` a person
 * of the caller's county for those who manage people. Each download is audited like the query.
 */
@Controller('privacy/personal-data')
export class AccessReportController {
  constructor(private readonly reports: AccessReportService) {}

  @Get()
  @Can('read', 'Me')
  async mine(@Res() res: Response): Promise<void> {
    send(res, await this.reports.mine());
  }

  @Get(':personId')
  @Can('delete', 'Person')
  async forPerson(@Param('personId', new UuidPipe('Person')) personId: string, @Res() res: Response): Promise<void> {
    send(res, await this.reports.forPerson(personId));
  }
}

function send(res: Response, report: PersonalDataReport): void {
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="lahde-personal-data-${report.generatedAt.toISOString().slice(0, 10)}.json"`);
  res.setHeader('cache-control', 'no-store');
  res.send(JSON.stringify(report, null, 2));
}
