import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createReadStream } from 'node:fs';
import { PrincipalContext } from '@lahde/platform/auth';
import { Can } from '@lahde/platform/authz';
import { AppConfig, CONFIG } from '@lahde/platform/config';
import { NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { audit } from '@lahde/platform/audit';
import { verifyDownload } from './download-link';
import { CONTENT_TYPES, ExportFormat, exportPath, extensionOf } from './export-file';
import { findExport } from './export.service';

/**
 * Serves a finished export to its requester: the bearer token must be theirs, in the same county, and
 * the link's signature valid and unexpired. Anything else is NOT_FOUND, like an unknown export.
 */
@Controller('exports')
export class ExportDownloadController {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/download')
  @Can('read', 'EsfExport')
  async download(@Param('id') id: string, @Query('expires') expires: string, @Query('signature') signature: string, @Res() res: Response): Promise<void> {
    const principal = this.principals.current;
    const tenantId = principal.tenantId ?? '';
    if (!verifyDownload(this.config.exports.linkSecret, { exportId: id, principalId: principal.id, tenantId }, Number(expires), String(signature ?? ''))) {
      throw new NotFoundError('Export');
    }
    const row = await this.tx.run(async (em) => {
      const found = await findExport(em, id, principal.id);
      if (found.status !== 'DONE') throw new NotFoundError('Export');
      await audit(em, 'EXPORT', 'EsfExport', id, ['download']);
      return found;
    });
    const format = row.format as ExportFormat;
    const name = row.kind === 'INDICATORS' ? 'esf-indikaattorit' : 'esf-osallistujat';
    res.setHeader('content-type', CONTENT_TYPES[format]);
    res.setHeader('content-disposition', `attachment; filename="${name}-${row.periodFrom}-${row.periodTo}.${extensionOf(format)}"`);
    createReadStream(exportPath(this.config.exports.dir, tenantId, id, format)).pipe(res);
  }
}
