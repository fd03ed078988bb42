import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportDocumentInput } from '@shared/reports/document';
import { writeFileWhole } from '../files';
import { renderReport } from './render';

export interface ReportFile {
  fileName: string;
  /** Where it was saved, relative to the data folder (`reports/…/name.pdf`). */
  savedAs: string;
  base64: string;
  bytes: number;
  pages: number;
}

/**
 * Renders a printable A4 record and keeps it in the data folder under `folder` (relative, with `/`),
 * written whole (a crash leaves the previous file, never half of one), replacing an earlier copy of
 * the same name: the latest print of a record is the one on file.
 */
export async function saveReportFile(dataDir: string, folder: string, fileName: string, document: ReportDocumentInput): Promise<ReportFile> {
  const { pdf, pages } = await renderReport(document);
  const directory = join(dataDir, ...folder.split('/'));
  mkdirSync(directory, { recursive: true });
  writeFileWhole(join(directory, fileName), pdf);
  return { fileName, savedAs: `${folder}/${fileName}`, base64: pdf.toString('base64'), bytes: pdf.length, pages };
}
