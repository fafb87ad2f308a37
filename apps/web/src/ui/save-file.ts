/** Hands a file made or fetched in the browser to the user as a download named `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; give it a moment before letting go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
