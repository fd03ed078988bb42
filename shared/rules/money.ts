/**
 * Money on screens and receipts. Amounts are integer fen everywhere (1 yuan = 100 fen); these only
 * format them.
 */

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`an amount must be a whole number of fen, got ${fen}`);
}

/**
 * Yuan with two decimals and no currency sign: `50000` → `'500.00'`, `-5` → `'-0.05'`, and
 * `1250000` → `'12,500.00'` grouped by thousands as people read it on screens and paper. Files a
 * program reads again (CSV) take `{ grouped: false }`: `'12500.00'`.
 */
export function formatYuan(fen: number, options: { grouped?: boolean } = {}): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100));
  const yuan = options.grouped === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const PLACES = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿', '万亿'];

/** One four-digit section (1 to 9999): zeros between digits read as one 零, trailing zeros not at all. */
function sectionText(value: number): string {
  let out = '';
  let zero = false;
  for (let place = 3; place >= 0; place -= 1) {
    const digit = Math.floor(value / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS.charAt(digit) + (PLACES[place] ?? '');
  }
  return out;
}

/** Whole yuan (> 0) in capitals: sections of four digits joined by 万 / 亿, a 零 where a gap of zeros falls between them. */
function yuanText(yuan: number): string {
  const sections: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) sections.push(rest % 10_000);
  if (sections.length > SECTIONS.length) throw new RangeError(`amount too large for capital numerals: ${yuan} yuan`);
  let out = '';
  let gap = false;
  for (let index = sections.length - 1; index >= 0; index -= 1) {
    const value = sections[index] ?? 0;
    if (value === 0) {
      if (out !== '') gap = true;
      continue;
    }
    if (out !== '' && (gap || value < 1000)) out += '零';
    out += sectionText(value) + (SECTIONS[index] ?? '');
    gap = false;
  }
  return out;
}

/**
 * The amount in Chinese capital numerals (大写金额), as written on receipts and vouchers:
 * `50000` → `伍佰元整`, `30050` → `叁佰元伍角`, `105` → `壹元零伍分`, `5` → `伍分`, `0` → `零元整`,
 * `1000500` → `壹万零伍元整`. Rules: 壹拾 keeps its 壹; a run of zeros inside the yuan reads as one 零;
 * 整 closes an amount with no 角 and no 分; a 分 without 角 after yuan takes a 零; negative amounts
 * start with 负.
 */
export function chineseCapital(fen: number): string {
  assertFen(fen);
  if (fen < 0) return `负${chineseCapital(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${yuanText(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS.charAt(jiao)}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS.charAt(cents)}分`;
  return out;
}
