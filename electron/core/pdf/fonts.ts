import { existsSync } from 'node:fs';
import { AppError } from '../errors';

/**
 * The fonts of A4 reports. Reports carry Chinese, and PDF's built-in fonts (Helvetica …) have no
 * CJK glyphs: printing with them would show empty boxes. So a CJK font is embedded (subset) in every
 * report, found in this order:
 *
 * 1. `PARKDESK_PDF_FONT`: a .ttf, .otf or .ttc file; for a collection (.ttc) add `#PostScriptName`
 *    (`/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular`).
 *    `PARKDESK_PDF_FONT_BOLD` may name its bold face the same way (default: the regular face).
 *    A setting that names an unusable file is an error, never silently replaced by another font.
 * 2. Known system fonts: Noto Sans CJK (Debian/Ubuntu `fonts-noto-cjk`, also the Fedora and Arch
 *    paths), WenQuanYi, Microsoft YaHei / SimHei / SimSun on Windows, PingFang on macOS.
 *
 * When none is found the report is refused (`UNAVAILABLE`, `incidents.errors.noPdfFont`, which says
 * how to set `PARKDESK_PDF_FONT`) rather than printed with boxes in place of Chinese.
 */

export interface FontFace {
  path: string;
  /** The PostScript name of the face inside a collection (.ttc); absent for a single-font file. */
  name?: string;
}

export interface FontChoice {
  regular: FontFace;
  bold: FontFace;
  /** Where it came from: the environment setting, or a known system font. */
  source: 'env' | 'system';
}

const NOTO = (dir: string): { regular: FontFace; bold: FontFace } => ({
  regular: { path: `${dir}/NotoSansCJK-Regular.ttc`, name: 'NotoSansCJKsc-Regular' },
  bold: { path: `${dir}/NotoSansCJK-Bold.ttc`, name: 'NotoSansCJKsc-Bold' },
});

function windowsFonts(env: NodeJS.ProcessEnv): Array<{ regular: FontFace; bold?: FontFace }> {
  const dir = `${(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows').replace(/[\\/]+$/, '')}\\Fonts`;
  return [
    { regular: { path: `${dir}\\msyh.ttc`, name: 'MicrosoftYaHei' }, bold: { path: `${dir}\\msyhbd.ttc`, name: 'MicrosoftYaHei-Bold' } },
    { regular: { path: `${dir}\\simhei.ttf` } },
    { regular: { path: `${dir}\\simsun.ttc`, name: 'SimSun' } },
  ];
}

/** Known system CJK fonts, most wanted first. */
export function systemFontCandidates(env: NodeJS.ProcessEnv = process.env): Array<{ regular: FontFace; bold?: FontFace }> {
  return [
    NOTO('/usr/share/fonts/opentype/noto'),
    NOTO('/usr/share/fonts/google-noto-cjk'),
    NOTO('/usr/share/fonts/noto-cjk'),
    { regular: { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' } },
    { regular: { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' } },
    ...windowsFonts(env),
    { regular: { path: '/System/Library/Fonts/PingFang.ttc', name: 'PingFangSC-Regular' }, bold: { path: '/System/Library/Fonts/PingFang.ttc', name: 'PingFangSC-Semibold' } },
    { regular: { path: '/System/Library/Fonts/Hiragino Sans GB.ttc', name: 'HiraginoSansGB-W3' }, bold: { path: '/System/Library/Fonts/Hiragino Sans GB.ttc', name: 'HiraginoSansGB-W6' } },
  ];
}

/** `path#PostScriptName` → the face. The name follows the last `#` (paths rarely hold one; names never do). */
export function parseFontSetting(value: string): FontFace {
  const trimmed = value.trim();
  const hash = trimmed.lastIndexOf('#');
  if (hash > 0 && !/[\\/]/.test(trimmed.slice(hash + 1))) {
    const name = trimmed.slice(hash + 1).trim();
    return name ? { path: trimmed.slice(0, hash), name } : { path: trimmed.slice(0, hash) };
  }
  return { path: trimmed };
}

export interface FontLookup {
  env?: NodeJS.ProcessEnv;
  exists?: (path: string) => boolean;
}

/**
 * The fonts to try, in order: only the environment's when it is set (a wrong setting must be seen,
 * not papered over), else the known system fonts present on this machine. Throws `UNAVAILABLE` when
 * there is none, or when the setting names a file that does not exist.
 */
export function fontCandidates({ env = process.env, exists = existsSync }: FontLookup = {}): FontChoice[] {
  const setting = env.PARKDESK_PDF_FONT?.trim();
  if (setting) {
    const regular = parseFontSetting(setting);
    if (!exists(regular.path)) throw new AppError('UNAVAILABLE', 'incidents.errors.pdfFontMissing', { path: regular.path, detail: 'file not found' });
    const boldSetting = env.PARKDESK_PDF_FONT_BOLD?.trim();
    const bold = boldSetting ? parseFontSetting(boldSetting) : regular;
    if (!exists(bold.path)) throw new AppError('UNAVAILABLE', 'incidents.errors.pdfFontMissing', { path: bold.path, detail: 'file not found' });
    return [{ regular, bold, source: 'env' }];
  }
  const found = systemFontCandidates(env)
    .filter((candidate) => exists(candidate.regular.path))
    .map((candidate) => ({
      regular: candidate.regular,
      bold: candidate.bold && exists(candidate.bold.path) ? candidate.bold : candidate.regular,
      source: 'system' as const,
    }));
  if (found.length === 0) throw new AppError('UNAVAILABLE', 'incidents.errors.noPdfFont');
  return found;
}
