/** The API takes at most 700 KiB (base64 of it stays within the 1 MB request limit). */
export const MAX_REGISTER_BYTES = 700 * 1024;

export const isRegisterFile = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

/** The file's content as base64, without the `data:…;base64,` prefix FileReader puts in front. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/**
 * The headers of a CSV file's first row, to offer them in the column mapping. An XLSX file would need a
 * workbook reader in the browser: the API names its columns in the dry run's problems instead.
 */
export async function csvHeaders(file: File): Promise<string[]> {
  if (!/\.csv$/i.test(file.name)) return [];
  const text = await file.slice(0, 64 * 1024).text();
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = [';', '\t', ','].reduce((best, s) => (first.split(s).length > first.split(best).length ? s : best), ';');
  return first
    .split(separator)
    .map((h) => h.trim().replace(/^"(.*)"$/, '$1').trim())
    .filter(Boolean);
}
