import { useMemo, type CSSProperties, type ReactNode } from 'react';
import JsBarcode from 'jsbarcode';
import { create as createQr } from 'qrcode';
import type { PrintDocument } from '@shared/printing/document';
import { DOTS_PER_COLUMN, layoutDocument, type LaidOutLine } from '@shared/printing/layout';
import { columnsFor, type PaperWidth } from '@shared/printing/settings';
import { charWidth } from '@shared/printing/width';
import { useT } from '../../app/i18n';

export interface ReceiptPreviewProps {
  document: PrintDocument;
  /** 0 for the original; a reprint shows its 补打 / REPRINT banner. */
  copy: number;
  paperWidth: PaperWidth;
  /** Whether the printer prints Chinese; without it the preview shows the `?` the paper gets. Required: a preview that forgot it would show Chinese the paper does not have. */
  chinese: boolean;
}

/**
 * A printout as it comes out of the printer: the same `layoutDocument` lines the ESC/POS renderer
 * prints, drawn on a paper-like card one printer column per `ch`. Characters the printer draws
 * full-width (every non-ASCII one) get a 2-column cell, so the columns match the paper even where a
 * font draws a character narrower. QR code and barcode are drawn as SVG from `qrcode` and `jsbarcode`
 * (CODE128 code set B, as the printer is told), at the printer's module size: 12 dots per column.
 */
export function ReceiptPreview({ document, copy, paperWidth, chinese }: ReceiptPreviewProps) {
  const t = useT();
  const columns = columnsFor(paperWidth);
  const lines = useMemo(() => layoutDocument(document, { columns, copy, chinese }), [document, columns, copy, chinese]);
  return (
    <figure aria-label={t('printer.preview.label', { width: paperWidth })} data-testid="receipt-preview" data-columns={columns} style={paper(columns)}>
      {lines.map((line, index) => (
        <PrintedLine key={index} line={line} />
      ))}
    </figure>
  );
}

const MONO = '"Noto Sans Mono CJK SC", "Noto Sans Mono", "Sarasa Mono SC", "Microsoft YaHei Mono", monospace';

function paper(columns: number): CSSProperties {
  return {
    margin: 0,
    boxSizing: 'content-box',
    width: `${columns}ch`,
    padding: '1.5rem 1ch',
    background: '#fff',
    color: '#111',
    fontFamily: MONO,
    fontSize: 14,
    lineHeight: 1.45,
    boxShadow: '0 1px 3px rgba(0,0,0,.12), 0 8px 24px rgba(0,0,0,.08)',
    borderRadius: 2,
    flexShrink: 0,
  };
}

const cell: CSSProperties = { display: 'inline-block', width: '2ch', textAlign: 'center' };

/** ASCII runs as text, every full-width character in its own 2-column cell. */
function cells(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let run = '';
  for (const char of text) {
    if (charWidth(char) === 1) {
      run += char;
      continue;
    }
    if (run) out.push(run);
    run = '';
    out.push(
      <span key={out.length} style={cell}>
        {char}
      </span>,
    );
  }
  if (run) out.push(run);
  return out;
}

function PrintedLine({ line }: { line: LaidOutLine }) {
  const t = useT();
  switch (line.kind) {
    case 'text': {
      const style: CSSProperties = { textAlign: line.align, fontWeight: line.bold ? 700 : 400, whiteSpace: 'pre', minHeight: '1.45em', overflow: 'hidden' };
      if (line.size === 'double') return <div style={{ ...style, fontSize: '2em', lineHeight: 1.2 }}>{cells(line.text)}</div>;
      if (line.size === 'tall') {
        return (
          <div style={{ ...style, height: '2.9em' }}>
            <span style={{ display: 'inline-block', transform: 'scaleY(2)', transformOrigin: 'top' }}>{cells(line.text)}</span>
          </div>
        );
      }
      return <div style={style}>{cells(line.text)}</div>;
    }
    case 'qr':
      return (
        <div style={{ textAlign: 'center', padding: '0.25em 0' }}>
          <QrSymbol data={line.data} cellSize={line.cellSize} label={t('printer.preview.qr', { data: line.data })} />
        </div>
      );
    case 'barcode':
      return (
        <div style={{ textAlign: 'center', paddingTop: '0.25em' }}>
          <Barcode data={line.data} moduleWidth={line.moduleWidth} height={line.height} label={t('printer.preview.barcode', { data: line.data })} />
        </div>
      );
    case 'cut':
      return <div role="separator" aria-label={t('printer.preview.cut')} style={{ borderTop: '2px dashed #999', margin: '0.75em -1ch' }} />;
  }
}

/** Dots → columns (`ch`): thermal paper has 12 dots per column at 203 dpi. */
const toCh = (dots: number) => `${dots / DOTS_PER_COLUMN}ch`;

function QrSymbol({ data, cellSize, label }: { data: string; cellSize: number; label: string }) {
  const { size, path } = useMemo(() => {
    const { modules } = createQr(data, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) if (modules.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
    }
    return { size: modules.size, path: d };
  }, [data]);
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} width={toCh(size * cellSize)} height={toCh(size * cellSize)} shapeRendering="crispEdges" style={{ verticalAlign: 'top' }}>
      <path d={path} fill="#000" />
    </svg>
  );
}

function Barcode({ data, moduleWidth, height, label }: { data: string; moduleWidth: number; height: number; label: string }) {
  const bars = useMemo(() => {
    const target: { encodings?: Array<{ data: string }> } = {};
    JsBarcode(target, data, { format: 'CODE128B' });
    return target.encodings?.map((encoding) => encoding.data).join('') ?? '';
  }, [data]);
  let d = '';
  for (let index = 0; index < bars.length; index += 1) if (bars[index] === '1') d += `M${index} 0h1v1h-1z`;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${bars.length} 1`} preserveAspectRatio="none" width={toCh(bars.length * moduleWidth)} height={toCh(height)} shapeRendering="crispEdges">
      <path d={d} fill="#000" />
    </svg>
  );
}
