/** Files the core hands over (PDF reports, CSV exports) saved through the browser's download, or A4 reports printed. */

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

/** The A4 printer could not be reached: no print dialog opened, or the frame holding the PDF did not load. */
export class PrintError extends Error {
  override name = 'PrintError';
}

/** How long the PDF may take to load in its frame before printing is given up. */
const PRINT_LOAD_MS = 20_000;
/** The frame of the last report sent to print: kept until the next one, so the print dialog keeps its document. */
let printing: { frame: HTMLIFrameElement; url: string } | undefined;

/**
 * Prints an A4 PDF on the system's printer: a hidden frame holds the PDF (a blob URL) and its
 * window opens the print dialog (Chromium's, Electron's). Resolves once the dialog is asked for;
 * rejects with a PrintError when the frame cannot load or print.
 */
export function printPdf(fileName: string, base64: string): Promise<void> {
  if (printing) {
    printing.frame.remove();
    URL.revokeObjectURL(printing.url);
  }
  const url = URL.createObjectURL(base64Blob(base64, 'application/pdf'));
  const frame = document.createElement('iframe');
  printing = { frame, url };
  frame.title = fileName;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'print-frame';
  Object.assign(frame.style, { position: 'fixed', right: '0', bottom: '0', width: '0', height: '0', border: '0' });
  return new Promise<void>((resolve, reject) => {
    let gaveUp = false;
    const timer = window.setTimeout(() => {
      gaveUp = true;
      reject(new PrintError(`${fileName} did not load for printing`));
    }, PRINT_LOAD_MS);
    frame.addEventListener(
      'load',
      () => {
        window.clearTimeout(timer);
        // Said to have failed already: no print dialog turns up later.
        if (gaveUp) return;
        try {
          const view = frame.contentWindow;
          if (!view) throw new PrintError(`${fileName} has no window to print from`);
          view.focus();
          view.print();
          resolve();
        } catch (error) {
          reject(error instanceof PrintError ? error : new PrintError(error instanceof Error ? error.message : String(error)));
        }
      },
      { once: true },
    );
    frame.src = url;
    document.body.append(frame);
  });
}
