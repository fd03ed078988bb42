import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { createI18n } from '@shared/i18n';
import type { PrintDocument } from '@shared/printing/document';
import { layoutDocument, type LaidOutLine } from '@shared/printing/layout';
import type { PaperWidth } from '@shared/printing/settings';
import { sampleReceipt } from '../support/virtualPrinter';

/** ReceiptPreview's props (renderer/src/features/printing/ReceiptPreview.tsx). */
interface ReceiptPreviewProps {
  document: PrintDocument;
  copy: number;
  paperWidth: PaperWidth;
  chinese: boolean;
}

// tsconfig.tests.json is a composite project without renderer/ in its files, so the component is
// loaded at run time (vitest compiles it like any module) rather than imported for the type checker.
const PREVIEW_MODULE = '../../renderer/src/features/printing/ReceiptPreview';
const { ReceiptPreview } = (await import(/* @vite-ignore */ PREVIEW_MODULE)) as { ReceiptPreview: FunctionComponent<ReceiptPreviewProps> };
// The job preview reads `printer.preview` through the session's API; its answer is put in the query cache below.
vi.mock('../../renderer/src/app/session', () => ({ useApi: () => ({ call: () => new Promise(() => undefined) }) }));
const JOB_PREVIEW_MODULE = '../../renderer/src/features/printing/JobPreview';
const { JobPreview } = (await import(/* @vite-ignore */ JOB_PREVIEW_MODULE)) as { JobPreview: FunctionComponent<{ jobId: number }> };

/** The preview as static HTML (no DOM needed), in English. */
function render(props: ReceiptPreviewProps): string {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n('en') }, createElement(ReceiptPreview, props)));
}

const decode = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/** The figure's line elements: each a `<div>` (none nest), in order. */
function previewLines(html: string): string[] {
  const figure = /<figure[^>]*>([\s\S]*)<\/figure>/.exec(html)?.[1] ?? '';
  return [...figure.matchAll(/<div[^>]*>([\s\S]*?)<\/div>/g)].map((match) => match[0]);
}

describe('ReceiptPreview', () => {
  const props: ReceiptPreviewProps = { document: sampleReceipt(), copy: 1, paperWidth: 58, chinese: true };
  const html = render(props);
  const layout: LaidOutLine[] = layoutDocument(props.document, { columns: 32, copy: 1 });
  const lines = previewLines(html);

  it('draws exactly the lines the printer prints, in order, on a 32-column paper', () => {
    expect(html).toContain('data-columns="32"');
    expect(html).toContain('width:32ch');
    expect(lines).toHaveLength(layout.length);
    layout.forEach((line, index) => {
      if (line.kind === 'text') expect(decode(lines[index] ?? ''), `line ${index}`).toBe(line.text);
    });
  });

  it('shows the reprint banner bold and centered first', () => {
    expect(lines[0]).toContain('text-align:center');
    expect(lines[0]).toContain('font-weight:700');
    expect(decode(lines[0] ?? '')).toBe('补打 / REPRINT #1');
  });

  it('gives every full-width character a 2-column cell, as the printer does', () => {
    const wide = layout.flatMap((line) => (line.kind === 'text' ? [...line.text].filter((char) => char.charCodeAt(0) > 0x7e) : []));
    expect(html.match(/display:inline-block;width:2ch/g)).toHaveLength(wide.length);
  });

  it('draws the QR code and the barcode at the printer’s size: 12 dots per column', () => {
    const qr = layout.find((line) => line.kind === 'qr');
    expect(qr).toEqual({ kind: 'qr', data: 'R20261129-0001', cellSize: 6 });
    // 21 modules (version 1) of 6 dots = 126 dots = 10.5 columns.
    expect(html).toMatch(/<svg role="img" aria-label="QR code: R20261129-0001" viewBox="0 0 21 21" width="10.5ch" height="10.5ch"/);
    // 189 modules (14 characters in code set B) of 2 dots = 378 dots = 31.5 columns; 80 dots high.
    expect(html).toMatch(/<svg role="img" aria-label="Barcode: R20261129-0001" viewBox="0 0 189 1" preserveAspectRatio="none" width="31.5ch" height="6.666666666666667ch"/);
    expect(html).toContain('role="separator"');
  });

  it('shows the ? a printer without Chinese prints', () => {
    const ascii = previewLines(render({ ...props, copy: 0, chinese: false })).map(decode);
    expect(ascii).toContain(`?? Deposit${' '.repeat(13)}RMB500.00`);
  });
});

describe('JobPreview', () => {
  /** The preview of job 7 as the core answers it, rendered with that answer already fetched. */
  function renderJob(chinese: boolean): string[] {
    const client = new QueryClient();
    client.setQueryData(['printer.preview', { jobId: 7 }], { document: sampleReceipt(), copy: 0, paperWidth: 58, chinese });
    const tree = createElement(QueryClientProvider, { client }, createElement(I18nextProvider, { i18n: createI18n('en') }, createElement(JobPreview, { jobId: 7 })));
    return previewLines(renderToStaticMarkup(tree)).map(decode);
  }

  it('follows the printer’s Chinese setting: the ? a printer without Chinese prints, Chinese on one with it', () => {
    expect(renderJob(false)).toContain(`?? Deposit${' '.repeat(13)}RMB500.00`);
    const chinese = renderJob(true);
    expect(chinese).toContain('押金 Deposit            ￥500.00');
    expect(chinese.join('\n')).not.toContain('??');
  });
});
