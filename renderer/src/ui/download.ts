/** Files the core hands over (PDF reports, CSV exports) saved through the browser's download. */

export function base64Blob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type });
}

export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const savePdf = (fileName: string, base64: string) => saveFile(fileName, base64Blob(base64, 'application/pdf'));
/** CSV with its byte-order mark, so spreadsheet programs read Chinese correctly. */
export const saveCsv = (fileName: string, csv: string) => saveFile(fileName, new Blob([csv], { type: 'text/csv;charset=utf-8' }));
