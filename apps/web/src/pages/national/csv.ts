import { saveFile } from '../../ui/save-file';

/**
 * A CSV file built in the browser: `;`-separated (what spreadsheet programs expect in Finnish and
 * Swedish locales, and what the API's own ESF+ exports use), CRLF lines, UTF-8 with a byte-order mark
 * so that Excel reads ä and ö right.
 */
export function csvText(rows: string[][]): string {
  return rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

function csvCell(value: string): string {
  // A leading =, +, - or @ would make a spreadsheet evaluate the cell as a formula.
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function downloadCsv(fileName: string, text: string): void {
  saveFile(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }), fileName);
}
