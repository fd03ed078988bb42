import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ReportDocumentInput } from '@shared/reports/document';
import { AppError } from '../../electron/core/errors';
import { renderReport, renderReportPdf } from '../../electron/core/pdf/render';
import { pdfText } from '../support/pdf';

const NOTO = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

function bilingual(rows: string[][]): ReportDocumentInput {
  return {
    parkName: '阳光水世界 Sunshine Water World',
    reference: 'LF-2026-W48',
    title: '失物移交清单 Lost property handover list',
    subtitle: '第 48 周 Week 48',
    meta: [
      { label: '移交 Handed over', value: '计财部 Finance department' },
      { label: '件数 Items', value: String(rows.length) },
    ],
    sections: [
      {
        heading: '说明 Notes',
        paragraphs: ['以下物品超过保管期限，按规定移交计财部。', 'Items past their holding period, handed to finance as the rules require.'],
        fields: [{ label: '经办 Handled by', value: '张柜台' }],
      },
      {
        heading: '清单 Items',
        table: {
          columns: [{ label: '编号 No.', width: 1 }, { label: '物品 Item', width: 3 }, { label: '拾获地点 Found at', width: 2 }],
          rows,
        },
      },
    ],
    signatures: ['移交人 Handed over by', '接收人 Received by'],
    footer: '打印于 2026-11-29 20:00 Printed',
    pageLabel: '第 {{page}} 页，共 {{pages}} 页 · Page {{page}} of {{pages}}',
  };
}

describe('A4 PDF reports', () => {
  it('render Chinese and English that read back exactly, with the park name and page numbers on every page', async () => {
    expect(existsSync(NOTO), 'the tests expect Debian’s fonts-noto-cjk').toBe(true);
    const { pdf, pages, font } = await renderReport(
      bilingual([
        ['LF-001', '黑色双肩包，内有钱包和身份证 Black backpack with wallet and ID card', '波浪池 Wave pool'],
        ['LF-002', '儿童手表 Child’s watch', '旋转木马 Carousel'],
      ]),
    );
    expect(font.regular.path).toBe(NOTO);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages).toBe(1);
    const [text = ''] = await pdfText(pdf);
    const lines = text.split('\n');
    expect(lines[0]).toBe('失物移交清单 Lost property handover list');
    expect(lines).toContain('第 48 周 Week 48');
    expect(lines).toContain('以下物品超过保管期限，按规定移交计财部。');
    expect(lines).toContain('Items past their holding period, handed to finance as the rules require.');
    expect(lines).toContain('经办 Handled by 张柜台');
    expect(lines).toContain('编号 No. 物品 Item 拾获地点 Found at');
    // A typographic apostrophe between Latin letters prints as a plain one (CJK fonts draw ’ full-width).
    expect(lines).toContain("LF-002 儿童手表 Child's watch 旋转木马 Carousel");
    expect(lines).toContain('移交人 Handed over by 接收人 Received by');
    expect(lines).toContain('阳光水世界 Sunshine Water World LF-2026-W48');
    expect(lines.at(-1)).toBe('打印于 2026-11-29 20:00 Printed 第 1 页，共 1 页 · Page 1 of 1');
    // The wrapped cell keeps every character, in order.
    expect(text.replace(/\s+/g, '')).toContain('黑色双肩包，内有钱包和身份证BlackbackpackwithwalletandIDcard'.replace(/\s+/g, ''));
  });

  it('continue a long table across pages with its header row repeated, and number the pages', async () => {
    const rows = Array.from({ length: 140 }, (_, index) => {
      const no = `LF-${String(index + 1).padStart(3, '0')}`;
      return [no, index % 2 === 0 ? `雨伞（蓝色） Umbrella, blue ${index + 1}` : `太阳镜 Sunglasses ${index + 1}`, '餐厅 Restaurant'];
    });
    const pdf = await renderReportPdf(bilingual(rows));
    const pages = await pdfText(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const found: string[] = [];
    pages.forEach((page, index) => {
      const lines = page.split('\n');
      expect(lines, `page ${index + 1}`).toContain('编号 No. 物品 Item 拾获地点 Found at');
      expect(lines.at(-1), `page ${index + 1}`).toBe(`打印于 2026-11-29 20:00 Printed 第 ${index + 1} 页，共 ${pages.length} 页 · Page ${index + 1} of ${pages.length}`);
      expect(lines, `page ${index + 1}`).toContain('阳光水世界 Sunshine Water World LF-2026-W48');
      for (const line of lines) {
        const match = /^(LF-\d{3}) /.exec(line);
        if (match?.[1]) found.push(match[1]);
      }
    });
    // Every row printed exactly once, in order, none lost at a page break.
    expect(found).toEqual(rows.map((row) => row[0]));
    // The title only on the first page; the signatures only at the end.
    expect(pages[0]).toContain('失物移交清单 Lost property handover list');
    expect(pages[1]).not.toContain('失物移交清单');
    expect(pages.at(-1)).toContain('移交人 Handed over by');
    expect(pages.slice(0, -1).join('\n')).not.toContain('移交人 Handed over by');
  });

  it('refuses to render without a CJK font instead of printing boxes, and names a bad PARKDESK_PDF_FONT', async () => {
    await expect(renderReportPdf(bilingual([]), { env: {}, exists: () => false })).rejects.toMatchObject({ code: 'UNAVAILABLE', messageKey: 'incidents.errors.noPdfFont' });
    // A real file that is not a font.
    const notAFont = await renderReportPdf(bilingual([]), { env: { PARKDESK_PDF_FONT: '/etc/hostname' } }).catch((error: unknown) => error);
    expect(notAFont).toBeInstanceOf(AppError);
    expect(notAFont).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'incidents.errors.pdfFontMissing', params: { path: '/etc/hostname' } });
    // The right collection with a face it does not hold.
    const wrongFace = await renderReportPdf(bilingual([]), { env: { PARKDESK_PDF_FONT: `${NOTO}#NoSuchFace` } }).catch((error: unknown) => error);
    expect(wrongFace).toMatchObject({ code: 'UNAVAILABLE', messageKey: 'incidents.errors.pdfFontMissing' });
  });

  it('uses the font PARKDESK_PDF_FONT names, face and all', async () => {
    const { pdf, font } = await renderReport(bilingual([['LF-001', '钥匙 Keys', '大门 Gate']]), {
      env: { PARKDESK_PDF_FONT: `/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular` },
    });
    expect(font).toMatchObject({ source: 'env', regular: { name: 'NotoSerifCJKsc-Regular' } });
    expect(pdf.toString('latin1')).toContain('NotoSerifCJKsc-Regular');
    expect((await pdfText(pdf))[0]).toContain('LF-001 钥匙 Keys 大门 Gate');
  });
});
