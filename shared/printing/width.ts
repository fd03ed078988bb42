/**
 * Printer columns and printable characters, for the receipt layout (and so for paper and preview alike).
 *
 * A Chinese ESC/POS printer in GBK mode (`FS &`) prints every single-byte code (ASCII) half-width,
 * 12 dots on 203 dpi paper, and every double-byte GBK code from its 24-dot Chinese font, full-width:
 * not only 汉字 but also ·, °, ×, Greek, Cyrillic, pinyin vowels and full-width forms. So on paper a
 * character takes 1 column when it is ASCII, 2 when it is anything else, and 0 for combining marks
 * and invisible format characters (which the layout removes). 58 mm paper holds 32 columns, 80 mm 48.
 */

/**
 * Every BMP character that GBK (code page 936, what node-thermal-printer's CHINA encodes) has as a
 * double-byte code which decodes back to the same character under GB18030. Generated from iconv-lite
 * and checked against it code point by code point in tests/unit/printing-width.test.ts. Absent on
 * purpose: U+00A5 ¥ (not in GBK: it breaks the next byte), U+20AC € (a single byte 0x80 only in
 * Microsoft's table), private-use code points, and everything outside the BMP (emoji).
 */
const GBK_RANGES =
  'a4 a7-a8 b0-b1 b7 d7 e0-e1 e8-ea ec-ed f2-f3 f7 f9-fa fc 101 113 11b 12b 144 148 14d 16b 1ce 1d0 1d2 ' +
  '1d4 1d6 1d8 1da 1dc 1f9 251 261 2c7 2c9-2cb 2d9 391-3a1 3a3-3a9 3b1-3c1 3c3-3c9 401 410-44f 451 1e3f ' +
  '2010 2013-2016 2018-2019 201c-201d 2025-2026 2030 2032-2033 2035 203b 2103 2105 2109 2116 2121 ' +
  '2160-216b 2170-2179 2190-2193 2196-2199 2208 220f 2211 2215 221a 221d-2220 2223 2225 2227-222b 222e ' +
  '2234-2237 223d 2248 224c 2252 2260-2261 2264-2267 226e-226f 2295 2299 22a5 22bf 2312 2460-2469 ' +
  '2474-249b 2500-254b 2550-2573 2581-258f 2593-2595 25a0-25a1 25b2-25b3 25bc-25bd 25c6-25c7 25cb ' +
  '25ce-25cf 25e2-25e5 2605-2606 2609 2640 2642 2e81 2e84 2e88 2e8b-2e8c 2e97 2ea7 2eaa 2eae 2eb3 ' +
  '2eb6-2eb7 2ebb 2eca 2ff0-2ffb 3000-3003 3005-3017 301d-301e 3021-3029 303e 3041-3093 309b-309e ' +
  '30a1-30f6 30fc-30fe 3105-3129 3220-3229 3231 32a3 338e-338f 339c-339e 33a1 33c4 33ce 33d1-33d2 33d5 ' +
  '3447 3473 359e 360e 361a 3918 396e 39cf-39d0 39df 3a73 3b4e 3c6e 3ce0 4056 415f 4337 43ac 43b1 43dd ' +
  '44d6 464c 4661 4723 4729 477c 478d 4947 497a 497d 4982-4983 4985-4986 499b 499f 49b6-49b7 4c77 ' +
  '4c9f-4ca3 4d13-4d19 4dae 4e00-9fa5 f92c f979 f995 f9e7 f9f1 fa0c-fa0f fa11 fa13-fa14 fa18 fa1f-fa21 ' +
  'fa23-fa24 fa27-fa29 fe30-fe31 fe33-fe44 fe49-fe52 fe54-fe57 fe59-fe66 fe68-fe6b ff01-ff5e ffe0-ffe5 ';

const ranges: Array<readonly [number, number]> = GBK_RANGES.trim()
  .split(/\s+/)
  .map((part) => {
    const [from, to] = part.split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to === undefined ? start : Number.parseInt(to, 16)] as const;
  });

/** Whether a Chinese printer in GBK mode prints this code point (ASCII printable included). */
export function isGbkPrintable(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const range = ranges[mid];
    if (!range) break;
    if (codePoint < range[0]) high = mid - 1;
    else if (codePoint > range[1]) low = mid + 1;
    else return true;
  }
  return false;
}

const ZERO_WIDTH = /^[\p{M}\p{Cc}\p{Cf}]$/u;

/** Printer columns of one character (one code point): 0, 1 or 2. */
export function charWidth(char: string): 0 | 1 | 2 {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint >= 0x20 && codePoint <= 0x7e) return 1;
  // The common CJK ideographs and full-width forms, before the (slower) Unicode property test.
  if ((codePoint >= 0x4e00 && codePoint <= 0x9fff) || (codePoint >= 0xff01 && codePoint <= 0xff60)) return 2;
  if (ZERO_WIDTH.test(char)) return 0;
  // Half-width katakana and hangul are the only narrow non-ASCII forms; GBK has neither.
  if (codePoint >= 0xff61 && codePoint <= 0xffdc) return 1;
  return 2;
}

/** Printer columns of a text: CJK and every other double-byte character 2, ASCII 1, combining marks 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** The replacement for a character the printer cannot print. */
export const UNPRINTABLE = '?';

/**
 * THE one place where text becomes printable, used by the layout for every line (so the preview
 * shows exactly what the paper gets):
 * - Chinese printers (GBK): NFC first (e + U+0301 becomes é, which GBK has); `¥` (U+00A5, not in GBK)
 *   becomes the full-width `￥`; tabs and no-break spaces become spaces; control, format and leftover
 *   combining characters are dropped; any other character GBK lacks (emoji and everything outside the
 *   BMP, €, rare symbols) becomes `?`.
 * - Printers without Chinese (ASCII): NFKD (full-width forms become ASCII, accents come off), `¥` becomes
 *   `RMB`, and anything else outside printable ASCII becomes `?`.
 * Line breaks are not expected here: the layout splits paragraphs before.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Printable ASCII, common ideographs, CJK punctuation and full-width forms: all in GBK, all unchanged by NFC. */
const PRINTABLE_GBK = /^[\x20-\x7e\u3000-\u3003\u3008-\u3011\u4e00-\u9fa5\uff01-\uff5e]*$/;

export function toPrintable(text: string, chinese: boolean): string {
  // The common case, printable as it is (checked character by character below otherwise).
  if (PRINTABLE_ASCII.test(text) || (chinese && PRINTABLE_GBK.test(text))) return text;
  let out = '';
  for (const char of chinese ? text.normalize('NFC') : text.normalize('NFKD')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\t' || char === '\u00a0') out += ' ';
    else if (codePoint >= 0x20 && codePoint <= 0x7e) out += char;
    else if (char === '\u00a5' || char === '\uffe5') out += chinese ? '\uffe5' : 'RMB';
    else if (ZERO_WIDTH.test(char)) continue;
    else out += chinese && isGbkPrintable(codePoint) ? char : UNPRINTABLE;
  }
  return out;
}
