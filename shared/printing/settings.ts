import { z } from 'zod';
import { rule } from '../contract/validation';

/** Command sets node-thermal-printer speaks (CUSTOM left out: it needs hand-written byte tables). */
export const PRINTER_TYPES = ['EPSON', 'STAR', 'TANCA', 'DARUMA', 'BROTHER'] as const;
export type PrinterType = (typeof PRINTER_TYPES)[number];

/** node-thermal-printer has no China code page for these (setting it throws), so they cannot print Chinese. */
export const NO_CHINA_PAGE: ReadonlySet<PrinterType> = new Set(['STAR', 'BROTHER']);

export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

export const CONNECTION_KINDS = ['preview', 'tcp', 'os', 'device'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

/** Characters per line at normal size: 58 mm = 32 columns (384 dots), 80 mm = 48 (576 dots). */
export function columnsFor(paperWidth: PaperWidth): number {
  return paperWidth === 58 ? 32 : 48;
}

export const DEFAULT_PRINTER_PORT = 9100;

/** A host name, IPv4 or IPv6 address: no scheme, no port, no path. */
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9._:-]+$/, rule('printer.settings.hostInvalid'));

/** A printer name as the spooler knows it; no path separators (it becomes `\\localhost\NAME` on Windows). */
const osPrinterName = z
  .string()
  .trim()
  .min(1)
  .max(127)
  .refine((name) => !name.startsWith('-') && ![...name].some((char) => '\\/:*?"<>|'.includes(char) || char < ' '), rule('printer.settings.nameInvalid'));

export const printerConnectionSchema = z.discriminatedUnion('kind', [
  /** No printer: receipts are shown on screen and written to `<data folder>/printouts`. */
  z.object({ kind: z.literal('preview') }).strict(),
  /** A network printer, raw port (JetDirect / 9100). */
  z
    .object({
      kind: z.literal('tcp'),
      host,
      port: z.number().int().min(1).max(65535).default(DEFAULT_PRINTER_PORT),
    })
    .strict(),
  /** A printer installed in the operating system: CUPS `lp` on Linux/macOS, a shared printer on Windows. */
  z.object({ kind: z.literal('os'), name: osPrinterName }).strict(),
  /** A device or file path: `/dev/usb/lp0`, `\\.\COM3`. */
  z.object({ kind: z.literal('device'), path: z.string().trim().min(1).max(260) }).strict(),
]);
export type PrinterConnection = z.output<typeof printerConnectionSchema>;

export const printerSettingsSchema = z
  .object({
    connection: printerConnectionSchema,
    type: z.enum(PRINTER_TYPES),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
    /** Print Chinese (GBK code page and `FS &`). Off: text is reduced to ASCII. */
    chinese: z.boolean(),
    /** How long the printer may stay silent before a job counts as failed (and is retried). */
    timeoutMs: z.number().int().min(1000).max(60_000),
  })
  .strict()
  .refine((settings) => !(settings.chinese && NO_CHINA_PAGE.has(settings.type)), { ...rule('printer.settings.noChinese'), path: ['chinese'] });
export type PrinterSettings = z.output<typeof printerSettingsSchema>;
export type PrinterSettingsInput = z.input<typeof printerSettingsSchema>;

/** Until a printer is configured: the preview printer, EPSON commands, 80 mm, Chinese on. */
export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  connection: { kind: 'preview' },
  type: 'EPSON',
  paperWidth: 80,
  chinese: true,
  timeoutMs: 5000,
};
