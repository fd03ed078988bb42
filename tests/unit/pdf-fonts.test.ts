import { describe, expect, it } from 'vitest';
import { reportDocumentSchema, pageLabelText } from '@shared/reports/document';
import { fontCandidates, parseFontSetting } from '../../electron/core/pdf/fonts';
import { AppError } from '../../electron/core/errors';

const NOTO_REGULAR = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const NOTO_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('report fonts', () => {
  it('read PARKDESK_PDF_FONT as a path with an optional #PostScriptName', () => {
    expect(parseFontSetting('/fonts/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular')).toEqual({ path: '/fonts/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' });
    expect(parseFontSetting(' C:\\Windows\\Fonts\\simhei.ttf ')).toEqual({ path: 'C:\\Windows\\Fonts\\simhei.ttf' });
    // A `#` inside a folder name is part of the path, not a face name.
    expect(parseFontSetting('/srv/fonts#2/wqy.ttc')).toEqual({ path: '/srv/fonts#2/wqy.ttc' });
  });

  it('use only the setting when it is given (regular for bold unless PARKDESK_PDF_FONT_BOLD), and refuse a setting that names no file', () => {
    const exists = (path: string) => path === '/opt/fonts/simsun.ttc' || path === NOTO_REGULAR;
    expect(fontCandidates({ env: { PARKDESK_PDF_FONT: '/opt/fonts/simsun.ttc#SimSun' }, exists })).toEqual([
      { regular: { path: '/opt/fonts/simsun.ttc', name: 'SimSun' }, bold: { path: '/opt/fonts/simsun.ttc', name: 'SimSun' }, source: 'env' },
    ]);
    const missing = refusal(() => fontCandidates({ env: { PARKDESK_PDF_FONT: '/nowhere/font.ttf' }, exists }));
    expect(missing).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'incidents.errors.pdfFontMissing', params: { path: '/nowhere/font.ttf' } });
  });

  it('find Noto Sans CJK on Linux, Microsoft YaHei on Windows, PingFang on macOS, in that order of preference', () => {
    const only = (...paths: string[]) => (path: string) => paths.includes(path);
    expect(fontCandidates({ env: {}, exists: only(NOTO_REGULAR, NOTO_BOLD) })[0]).toEqual({
      regular: { path: NOTO_REGULAR, name: 'NotoSansCJKsc-Regular' },
      bold: { path: NOTO_BOLD, name: 'NotoSansCJKsc-Bold' },
      source: 'system',
    });
    // No bold face installed: the regular one serves for both.
    expect(fontCandidates({ env: {}, exists: only(NOTO_REGULAR) })[0]?.bold).toEqual({ path: NOTO_REGULAR, name: 'NotoSansCJKsc-Regular' });
    expect(fontCandidates({ env: { WINDIR: 'D:\\Windows' }, exists: only('D:\\Windows\\Fonts\\msyh.ttc', 'D:\\Windows\\Fonts\\msyhbd.ttc') })[0]).toMatchObject({
      regular: { path: 'D:\\Windows\\Fonts\\msyh.ttc', name: 'MicrosoftYaHei' },
      bold: { path: 'D:\\Windows\\Fonts\\msyhbd.ttc', name: 'MicrosoftYaHei-Bold' },
    });
    expect(fontCandidates({ env: {}, exists: only('C:\\Windows\\Fonts\\simhei.ttf') })[0]?.regular).toEqual({ path: 'C:\\Windows\\Fonts\\simhei.ttf' });
    expect(fontCandidates({ env: {}, exists: only('/System/Library/Fonts/PingFang.ttc') })[0]?.regular).toEqual({ path: '/System/Library/Fonts/PingFang.ttc', name: 'PingFangSC-Regular' });
  });

  it('refuse to print rather than print boxes when no Chinese font is found', () => {
    const none = refusal(() => fontCandidates({ env: {}, exists: () => false }));
    expect(none).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'incidents.errors.noPdfFont' });
  });
});

describe('the report document', () => {
  it('checks that every table row has a cell per column', () => {
    const base = { parkName: 'P', title: 'T', sections: [] };
    expect(reportDocumentSchema.safeParse(base).success).toBe(true);
    const table = { columns: [{ label: 'A' }, { label: 'B' }], rows: [['1', '2'], ['3']] };
    const parsed = reportDocumentSchema.safeParse({ ...base, sections: [{ heading: 'H', table }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['sections', 0, 'table', 'rows', 1]);
  });

  it('words page numbers from its template', () => {
    expect(pageLabelText('Page {{page}} of {{pages}}', 2, 7)).toBe('Page 2 of 7');
    expect(pageLabelText('第 {{page}} 页，共 {{pages}} 页', 1, 3)).toBe('第 1 页，共 3 页');
  });
});
