import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, isGbkPrintable, toPrintable } from '@shared/printing/width';

describe('displayWidth: printer columns', () => {
  it('counts ASCII 1, Chinese and every other double-byte character 2, combining marks 0', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('Deposit 500.00')).toBe(14);
    expect(displayWidth('押金')).toBe(4);
    expect(displayWidth('押金 Deposit')).toBe(12);
    expect(displayWidth('￥500')).toBe(5);
    expect(displayWidth('，。！')).toBe(6);
    expect(displayWidth('·°×')).toBe(6);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('é')).toBe(2);
    expect(displayWidth('a\u200bb')).toBe(2);
    expect(displayWidth('😀')).toBe(2);
    expect(charWidth('ｱ')).toBe(1);
  });
});

describe('the GBK table', () => {
  it('matches iconv-lite for every BMP code point: two GBK bytes that decode back as GB18030', () => {
    const mismatches: string[] = [];
    for (let code = 0x80; code <= 0xffff; code += 1) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      const bytes = iconv.encode(char, 'gbk');
      const printable = code < 0xe000 || code > 0xf8ff ? bytes.length === 2 && iconv.decode(bytes, 'gb18030') === char : false;
      if (printable !== isGbkPrintable(code)) mismatches.push(code.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('has the characters receipts use and not the ones that break printers', () => {
    for (const char of '押金元整￥·—“”：，。（）①') expect(isGbkPrintable(char.codePointAt(0) ?? 0), char).toBe(true);
    for (const char of ['¥', '€', '😀', '\ue000']) expect(isGbkPrintable(char.codePointAt(0) ?? 0), char).toBe(false);
  });
});

describe('toPrintable: the one place text becomes printable', () => {
  it('for Chinese printers: ¥ becomes ￥, emoji and other non-GBK characters ?, accents composed', () => {
    expect(toPrintable('押金 ¥500.00', true)).toBe('押金 ￥500.00');
    expect(toPrintable('谢谢😀!', true)).toBe('谢谢?!');
    expect(toPrintable('Cafe\u0301 €5', true)).toBe('Café ?5');
    expect(toPrintable('a\tb\u00a0c\u200bd', true)).toBe('a b cd');
    expect(toPrintable('𠀀', true)).toBe('?');
  });

  it('whatever goes in, every character that comes out is GBK bytes that decode back', () => {
    const sample = '押金¥€😀👍🏽 Zoë ß ñ ①㊣ ½ ™ © Ω ЖЯ ㄅ あ 한 \u0301x';
    const out = toPrintable(sample, true);
    expect(iconv.decode(iconv.encode(out, 'gbk'), 'gb18030')).toBe(out);
    expect(iconv.encode(out, 'gbk').includes(0x3f)).toBe(true);
  });

  it('for printers without Chinese: ASCII only', () => {
    expect(toPrintable('押金 Deposit ¥500', false)).toBe('?? Deposit RMB500');
    expect(toPrintable('Ｄｅｐｏｓｉｔ Café', false)).toBe('Deposit Cafe');
    expect(toPrintable('€😀', false)).toBe('??');
  });
});
