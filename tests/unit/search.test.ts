import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexText, matchExpression } from '@shared/rules/search';

/** A real FTS5 table in memory, fed the way the lost-and-found tables are. */
function table(texts: string[]): (query: string, mode?: 'all' | 'any') => number[] {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(words, chars, content='', contentless_delete=1, tokenize='unicode61')");
  const insert = db.prepare('INSERT INTO t (rowid, words, chars) VALUES (?, ?, ?)');
  texts.forEach((text, index) => {
    const { words, chars } = indexText(text);
    insert.run(index + 1, words, chars);
  });
  return (query, mode) => {
    const expression = matchExpression(query, mode);
    if (!expression) return [];
    return db.prepare<[string], { rowid: number }>('SELECT rowid FROM t WHERE t MATCH ? ORDER BY rowid').all(expression).map((row) => row.rowid);
  };
}

describe('Chinese and English full-text search', () => {
  const search = table([
    '黑色钱包，内有身份证和现金', // 1
    '红色儿童雨伞', // 2
    '苹果手机 iPhone 15，黑色手机壳', // 3
    '过山车旁拾到的蓝色背包', // 4
    'Black umbrella with a wooden handle', // 5
    '华为手机', // 6
    'Nike运动鞋，白色', // 7
  ]);

  it('finds two-character words, which trigram and unicode61 tokenizers miss', () => {
    expect(search('钱包')).toEqual([1]);
    expect(search('雨伞')).toEqual([2]);
    expect(search('手机')).toEqual([3, 6]);
  });

  it('finds longer words and whole runs, not scattered characters', () => {
    expect(search('身份证')).toEqual([1]);
    expect(search('过山车')).toEqual([4]);
    expect(search('苹果手机')).toEqual([3]);
    expect(search('黑色钱包')).toEqual([1]);
    expect(search('红色钱包')).toEqual([]);
  });

  it('handles single characters, English words by prefix, mixed queries and full-width input', () => {
    expect(search('伞')).toEqual([2]);
    expect(search('umbrella')).toEqual([5]);
    expect(search('UMBREL')).toEqual([5]);
    expect(search('iphone 黑色')).toEqual([3]);
    expect(search('ｉＰｈｏｎｅ')).toEqual([3]);
    expect(search('钱包，现金')).toEqual([1]);
    expect(search('钱包 雨伞', 'any')).toEqual([1, 2]);
    expect(matchExpression('，。！')).toBeUndefined();
  });

  it('splits a Latin word written against Chinese from it, in the text and in the query', () => {
    expect(indexText('Nike运动鞋').words.split(' ')).toEqual(['nike', '运动', '动鞋']);
    expect(search('nike')).toEqual([7]);
    expect(search('运动鞋')).toEqual([7]);
    expect(search('nike运动鞋')).toEqual([7]);
    expect(search('白色nike')).toEqual([7]);
  });

  it('keeps quotes in a query from breaking the expression', () => {
    expect(search('"手机"')).toEqual([3, 6]);
    // Quotes and operators are plain text: 'a"b OR' means the words a, b and or.
    expect(search('a"b')).toEqual([5]);
    expect(search('钱包 OR 雨伞')).toEqual([]);
  });
});
