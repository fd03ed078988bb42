import { describe, expect, it } from 'vitest';
import { chineseCapital, formatYuan } from '@shared/rules/money';

describe('formatYuan', () => {
  it('writes fen as yuan with two decimals', () => {
    expect(formatYuan(50_000)).toBe('500.00');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(30_050)).toBe('300.50');
    expect(formatYuan(-1234)).toBe('-12.34');
  });

  it('groups the yuan by thousands for people, and not in files a program reads again', () => {
    expect(formatYuan(99_999)).toBe('999.99');
    expect(formatYuan(100_000)).toBe('1,000.00');
    expect(formatYuan(1_000_500)).toBe('10,005.00');
    expect(formatYuan(123_456_789_00)).toBe('123,456,789.00');
    expect(formatYuan(-1_250_000)).toBe('-12,500.00');
    expect(formatYuan(1_000_500, { grouped: false })).toBe('10005.00');
    expect(formatYuan(-1_250_000, { grouped: false })).toBe('-12500.00');
  });

  it('refuses amounts that are not whole fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError);
  });
});

describe('chineseCapital (大写金额)', () => {
  const cases: Array<[number, string]> = [
    [0, '零元整'],
    [5, '伍分'],
    [10, '壹角'],
    [14, '壹角肆分'],
    [50, '伍角'],
    [100, '壹元整'],
    [105, '壹元零伍分'],
    [1_000, '壹拾元整'],
    [1_050, '壹拾元伍角'],
    [1_600, '壹拾陆元整'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [30_050, '叁佰元伍角'],
    [50_000, '伍佰元整'],
    [100_004, '壹仟元零肆分'],
    [100_100, '壹仟零壹元整'],
    [101_000, '壹仟零壹拾元整'],
    [110_000, '壹仟壹佰元整'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
    [600_714, '陆仟零柒元壹角肆分'],
    [1_000_500, '壹万零伍元整'],
    [1_005_000, '壹万零伍拾元整'],
    [1_050_000, '壹万零伍佰元整'],
    [1_500_000, '壹万伍仟元整'],
    [10_000_000, '壹拾万元整'],
    [10_700_053, '壹拾万柒仟元伍角叁分'],
    [10_001_000, '壹拾万零壹拾元整'],
    [100_050_000, '壹佰万零伍佰元整'],
    [123_456_789, '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    [2_000_000_000, '贰仟万元整'],
    [10_000_000_000, '壹亿元整'],
    [10_001_000_000, '壹亿零壹万元整'],
    [20_000_001_000, '贰亿零壹拾元整'],
    [20_100_000_000, '贰亿零壹佰万元整'],
    [21_000_000_000, '贰亿壹仟万元整'],
    [100_000_000_000_000, '壹万亿元整'],
  ];
  it.each(cases)('%i fen → %s', (fen, expected) => {
    expect(chineseCapital(fen)).toBe(expected);
  });

  it('never doubles 零, never ends the yuan with 零, and always closes with 整, 角 or 分', () => {
    for (let fen = 1; fen < 2_000_000; fen += 997) {
      const text = chineseCapital(fen);
      expect(text, String(fen)).not.toMatch(/零零|零元|零[万亿]|零整|^[拾佰仟万亿元]/);
      expect(text, String(fen)).toMatch(/(整|角|分)$/);
    }
  });

  it('marks negative amounts and refuses fractions of a fen', () => {
    expect(chineseCapital(-50_000)).toBe('负伍佰元整');
    expect(() => chineseCapital(0.5)).toThrow(RangeError);
  });
});
