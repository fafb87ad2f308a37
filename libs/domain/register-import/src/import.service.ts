import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { audit } from '@lahde/platform/audit';
import { PrincipalContext } from '@lahde/platform/auth';
import { ConflictError, InputError, NotFoundError } from '@lahde/platform/errors';
import { TenantTransaction } from '@lahde/platform/tenancy';
import { COMMIT_JOB, ImportQueue, VALIDATE_JOB } from './import-queue';
import { MAX_REGISTER_BYTES, RegisterImport, StartRegisterImportInput } from './import.models';
import { detectFormat } from './register-file';

export const IMPORT_COLUMNS = `id, file_name AS "fileName", format, status, progress, row_count AS "rowCount", problems, summary,
  requested_by AS "requestedBy", created_at AS "createdAt", finished_at AS "finishedAt", tenant_id AS "tenantId"`;

type ImportRow = RegisterImport & { tenantId: string };

/** Register imports of the caller's county: upload (dry run queued), commit, status. */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly tx: TenantTransaction,
    private readonly principals: PrincipalContext,
    private readonly importQueue: ImportQueue,
  ) {}

  /** Stores the file with its mapping and queues the dry run. Nothing in the registry changes yet. */
  async start(input: StartRegisterImportInput): Promise<RegisterImport> {
    const content = Buffer.from(input.contentBase64, 'base64');
    if (content.length === 0) throw new InputError([{ field: 'input.contentBase64', message: 'contentBase64 must not be empty' }]);
    if (content.length > MAX_REGISTER_BYTES) throw new InputError([{ field: 'input.contentBase64', message: 'contentBase64 must be a file of at most 700 KiB' }]);
    const principal = this.principals.current;
    const row = await this.tx.run(async (em) => {
      const [created] = await em.query(
        `INSERT INTO register_imports (requested_by, file_name, format, content, sha256, mapping) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${IMPORT_COLUMNS}`,
        [principal.id, input.fileName, detectFormat(content), content, createHash('sha256').update(content).digest('hex'), JSON.stringify(input.mapping ?? [])],
      );
      await audit(em, 'CREATE', 'RegisterImport', created.id, [input.fileName]);
      return created as ImportRow;
    });
    await this.importQueue.enqueue(VALIDATE_JOB, { tenantId: row.tenantId, requestedBy: principal.id, importId: row.id });
    return present(row);
  }

  /** Queues the commit of a checked import; it is checked once more, then written all at once. */
  async commit(id: string): Promise<RegisterImport> {
    const principal = this.principals.current;
    const row = await this.tx.run(async (em) => {
      // TypeORM answers an UPDATE with [rows, count].
      const [[claimed]] = await em.query(
        `UPDATE register_imports SET status = 'COMMITTING', progress = 0 WHERE id = $1 AND status = 'VALID' RETURNING ${IMPORT_COLUMNS}`,
        [id],
      );
      if (claimed) return claimed as ImportRow;
      const current = await findImport(em, id);
      if (current.status === 'COMMITTING' || current.status === 'COMMITTED') return current; // a repeated click
      throw new ConflictError(`Only a checked import without problems can be committed; this one is ${current.status}`);
    });
    if (row.status === 'COMMITTING') await this.importQueue.enqueue(COMMIT_JOB, { tenantId: row.tenantId, requestedBy: principal.id, importId: row.id });
    return present(row);
  }

  get(id: string): Promise<RegisterImport> {
    return this.tx.run(async (em) => present(await findImport(em, id)));
  }

  list(): Promise<RegisterImport[]> {
    return this.tx.run(async (em) => (await em.query(`SELECT ${IMPORT_COLUMNS} FROM register_imports ORDER BY created_at DESC LIMIT 50`)).map(present));
  }
}

async function findImport(em: EntityManager, id: string): Promise<ImportRow> {
  const [row] = await em.query(`SELECT ${IMPORT_COLUMNS} FROM register_imports WHERE id = $1`, [id]);
  if (!row) throw new NotFoundError('RegisterImport');
  return row;
}

function present({ tenantId: _, ...row }: ImportRow): RegisterImport {
  return row;
}
