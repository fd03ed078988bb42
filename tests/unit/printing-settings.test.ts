import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '@shared/contract/validation';
import { DEFAULT_PRINTER_SETTINGS, columnsFor, printerSettingsSchema } from '@shared/printing/settings';

const errors = (value: unknown) => {
  const parsed = printerSettingsSchema.safeParse(value, { reportInput: true });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe('printer settings', () => {
  it('default to the preview printer, EPSON, 80 mm, Chinese on', () => {
    expect(printerSettingsSchema.parse(DEFAULT_PRINTER_SETTINGS)).toEqual({
      connection: { kind: 'preview' },
      type: 'EPSON',
      paperWidth: 80,
      chinese: true,
      timeoutMs: 5000,
    });
    expect(columnsFor(80)).toBe(48);
    expect(columnsFor(58)).toBe(32);
  });

  it('take a network printer with port 9100 unless told otherwise', () => {
    const tcp = printerSettingsSchema.parse({ ...DEFAULT_PRINTER_SETTINGS, connection: { kind: 'tcp', host: ' 192.168.1.50 ' } });
    expect(tcp.connection).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(printerSettingsSchema.parse({ ...DEFAULT_PRINTER_SETTINGS, connection: { kind: 'tcp', host: 'fe80::1', port: 9101 } }).connection).toMatchObject({ port: 9101 });
  });

  it('refuse an empty or malformed host, a port out of range, an empty name or path', () => {
    const base = DEFAULT_PRINTER_SETTINGS;
    expect(errors({ ...base, connection: { kind: 'tcp', host: '  ' } })).toHaveProperty(['connection.host', 'key'], 'validation.required');
    expect(errors({ ...base, connection: { kind: 'tcp', host: 'http://printer/' } })).toHaveProperty(['connection.host', 'key'], 'printer.settings.hostInvalid');
    expect(errors({ ...base, connection: { kind: 'tcp', host: 'printer', port: 0 } })).toHaveProperty(['connection.port', 'key'], 'validation.tooSmall');
    expect(errors({ ...base, connection: { kind: 'tcp', host: 'printer', port: 65_536 } })).toHaveProperty(['connection.port', 'key'], 'validation.tooBig');
    expect(errors({ ...base, connection: { kind: 'os', name: '' } })).toHaveProperty(['connection.name']);
    expect(errors({ ...base, connection: { kind: 'os', name: '..\\evil' } })).toHaveProperty(['connection.name', 'key'], 'printer.settings.nameInvalid');
    expect(errors({ ...base, connection: { kind: 'os', name: '-o evil' } })).toHaveProperty(['connection.name', 'key'], 'printer.settings.nameInvalid');
    expect(errors({ ...base, connection: { kind: 'os', name: 'Counter Printer' } })).toEqual({});
    expect(errors({ ...base, connection: { kind: 'device', path: '' } })).toHaveProperty(['connection.path']);
    expect(errors({ ...base, connection: { kind: 'usb' } })).toHaveProperty(['connection.kind']);
    expect(errors({ ...base, paperWidth: 76 })).toHaveProperty(['paperWidth']);
    expect(errors({ ...base, timeoutMs: 10 })).toHaveProperty(['timeoutMs']);
    expect(errors({ ...base, connection: { kind: 'preview', host: 'x' } })).toHaveProperty(['connection']);
  });

  it('refuse Chinese on STAR and BROTHER, which have no China code page, with a catalog message on the switch', () => {
    expect(errors({ ...DEFAULT_PRINTER_SETTINGS, type: 'STAR' })).toEqual({ chinese: { key: 'printer.settings.noChinese' } });
    expect(errors({ ...DEFAULT_PRINTER_SETTINGS, type: 'BROTHER' })).toEqual({ chinese: { key: 'printer.settings.noChinese' } });
    expect(errors({ ...DEFAULT_PRINTER_SETTINGS, type: 'STAR', chinese: false })).toEqual({});
    expect(errors({ ...DEFAULT_PRINTER_SETTINGS, type: 'TANCA' })).toEqual({});
  });
});
