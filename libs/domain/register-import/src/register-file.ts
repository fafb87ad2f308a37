import ExcelJS from 'exceljs';

export type RegisterFormat = 'CSV' | 'XLSX';

/** A register as read from its file: the header row and the data rows, each with its row number in the file. */
export interface RegisterSheet {
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export class RegisterFileError extends Error {}

/** An XLSX file is a zip archive: it starts with "PK". Anything else is read as CSV text. */
export function detectFormat(content: Buffer): RegisterFormat {
  return content.subarray(0, 2).toString('latin1') === 'PK' ? 'XLSX' : 'CSV';
}

export async function readRegister(content: Buffer, format: RegisterFormat): Promise<RegisterSheet> {
  const table = format === 'XLSX' ? await readXlsx(content) : readCsv(content);
  const [header, ...rest] = table;
  if (!header || header.cells.every((c) => !c)) throw new RegisterFileError('The file has no header row');
  // Blank lines (common at the end of an Excel export) are not rows.
  return { headers: header.cells, rows: rest.filter((r) => r.cells.some((c) => c !== '')) };
}

async function readXlsx(content: Buffer): Promise<Array<{ row: number; cells: string[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as never);
  } catch {
    throw new RegisterFileError('The file is not a readable Excel workbook (.xlsx)');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new RegisterFileError('The workbook has no sheets');
  const table: Array<{ row: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col)));
    table.push({ row: number, cells });
  });
  return table;
}

/** Dates as YYYY-MM-DD; formulas by their result; rich text and hyperlinks by their text. */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object') {
    if ('result' in value) return String(value.result ?? '').trim();
    if ('text' in value) return String(value.text ?? '').trim();
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
  }
  return value === null || value === undefined ? '' : String(value).trim();
}

/**
 * RFC 4180 CSV in UTF-8 (with or without BOM), separated by semicolons (Finnish Excel), commas or tabs:
 * whichever occurs most in the header line. Row numbers count lines as a spreadsheet shows them.
 */
export function readCsv(content: Buffer): Array<{ row: number; cells: string[] }> {
  const text = content.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) throw new RegisterFileError('The file is not UTF-8 text; save it from Excel as "CSV UTF-8"');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = [';', ',', '\t'].map((s) => [s, firstLine.split(s).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const table: Array<{ row: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) cells.push(cell.trim()), (cell = '');
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell.trim());
      table.push({ row: rowStart, cells });
      (cells = []), (cell = ''), (rowStart = ++line);
    } else cell += ch;
  }
  if (quoted) throw new RegisterFileError(`A quoted cell that starts on row ${rowStart} never ends`);
  if (cell !== '' || cells.length) table.push({ row: rowStart, cells: [...cells, cell.trim()] });
  return table;
}
