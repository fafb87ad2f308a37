/** UTF-8 byte order mark: Excel then reads Finnish letters right. */
export const BOM = '\uFEFF';

/**
 * One CSV line (RFC 4180 quoting, CRLF). A cell that begins with = + - @ (or a tab or CR) is prefixed
 * with an apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
 */
export function csvLine(values: Array<string | number | null | undefined>, separator: ',' | ';'): string {
  return values.map((value) => csvCell(value, separator)).join(separator) + '\r\n';
}

export function csvCell(value: string | number | null | undefined, separator: ',' | ';'): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /["\r\n,;]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}
