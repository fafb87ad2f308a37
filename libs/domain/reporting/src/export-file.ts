import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { BOM, csvLine } from './csv';

export type ExportFormat = 'CSV' | 'CSV_SEMICOLON' | 'XLSX';

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  CSV_SEMICOLON: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function extensionOf(format: ExportFormat): string {
  return format === 'XLSX' ? 'xlsx' : 'csv';
}

export function exportPath(dir: string, tenantId: string, exportId: string, format: ExportFormat): string {
  return path.join(dir, tenantId, `${exportId}.${extensionOf(format)}`);
}

/** Rows go in; the file is written as they come, so memory stays bounded whatever the size. */
export interface RowSink {
  write(rows: Array<Array<string | number>>): Promise<void>;
  close(): Promise<void>;
}

async function csvSink(file: string, separator: ',' | ';'): Promise<RowSink> {
  const handle = await open(file, 'w');
  await handle.write(BOM, null, 'utf8');
  return {
    write: async (rows) => void (await handle.write(rows.map((cells) => csvLine(cells, separator)).join(''), null, 'utf8')),
    close: async () => {
      await handle.sync();
      await handle.close();
    },
  };
}

function xlsxSink(file: string, sheet: string): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet);
  return {
    // Values are written as text or numbers, never as formulas.
    write: async (rows) => rows.forEach((cells) => worksheet.addRow(cells).commit()),
    close: async () => {
      worksheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Writes the file under a temporary name and renames it into place only when complete: a crash halfway
 * never leaves a partial file where a download would find it, and the leftovers of writers killed earlier
 * are removed (the caller holds the export's lock: no other writer of it runs). Returns the SHA-256.
 */
export async function writeAtomically(target: string, format: ExportFormat, sheet: string, fill: (sink: RowSink) => Promise<void>): Promise<string> {
  await mkdir(path.dirname(target), { recursive: true });
  // Unique per delivery: two writers (e.g. containers that are all PID 1) never share a temporary file.
  const temp = `${target}.${randomUUID()}.tmp`;
  const sink = format === 'XLSX' ? xlsxSink(temp, sheet) : await csvSink(temp, format === 'CSV_SEMICOLON' ? ';' : ',');
  try {
    await fill(sink);
    await sink.close();
  } catch (error) {
    await sink.close().catch(() => undefined); // release the file before removing it
    await rm(temp, { force: true });
    throw error;
  }
  await rename(temp, target);
  await removeLeftovers(target);
  return sha256(target);
}

/** Temporary files of earlier writers of the same export that were killed before they could clean up. */
async function removeLeftovers(target: string): Promise<void> {
  const prefix = `${path.basename(target)}.`;
  for (const name of await readdir(path.dirname(target))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await rm(path.join(path.dirname(target), name), { force: true });
  }
}

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
  });
}
