import { describe, expect, it } from 'vitest';
import { csvCell, csvFile } from '@shared/rules/csv';

describe('CSV files for the spreadsheets of finance and the departments', () => {
  it('keep text a spreadsheet would run as a formula as text, and quote what needs it', () => {
    expect(['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx'].map(csvCell)).toEqual(["'=1+1", "'+86 138", "'-5", "'@SUM(A1)", "'\tx", "\"'\rx\""]);
    expect(csvCell('黑色钱包, "Coach"')).toBe('"黑色钱包, ""Coach"""');
    expect(csvCell('两行\n说明')).toBe('"两行\n说明"');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('are UTF-8 with a byte-order mark, a header row and CRLF line ends', () => {
    expect(csvFile(['no', 'text'], [['L1', '雨伞'], ['L2', null]])).toBe('\uFEFFno,text\r\nL1,雨伞\r\nL2,\r\n');
  });
});
