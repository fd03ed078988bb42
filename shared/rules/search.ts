/**
 * Full-text search over Chinese and English in SQLite FTS5 (see ../shared/docs/SEARCH.md): FTS5's
 * tokenizers do not split Chinese into words and the trigram tokenizer misses two-character words,
 * so text is indexed as overlapping two-character tokens (黑色钱包 → 黑色 色钱 钱包) in one column and
 * single characters in another, beside the Latin words. A query becomes a phrase of its own bigrams
 * (so 钱包 finds 黑色钱包 and 苹果手机 finds only that run), a single character its unigram, and a
 * Latin word a prefix.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Runs of Chinese characters, and runs of other letters and digits: "nike运动鞋" is "nike" and "运动鞋". */
const PIECES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;

/**
 * The version of the tokens `indexText` makes. Raised whenever they change: the core then indexes
 * every stored text again at start (1: Latin words split from Chinese written against them).
 */
export const SEARCH_TOKENS_VERSION = 1;

/** Full-width forms to their usual ones, lower case: what is indexed and what is searched alike. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function bigramsOf(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return [];
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i += 1) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

export interface SearchColumns {
  /** Chinese bigrams and Latin words, in reading order. */
  words: string;
  /** Every Chinese character once. */
  chars: string;
}

/** The two FTS columns for a text (several texts may be joined with spaces). */
export function indexText(text: string): SearchColumns {
  const words: string[] = [];
  const chars = new Set<string>();
  for (const piece of normalizeSearchText(text).match(PIECES) ?? []) {
    if (CJK.test(piece)) {
      if (Array.from(piece).length === 1) words.push(piece);
      words.push(...bigramsOf(piece));
      for (const char of piece) chars.add(char);
    } else {
      words.push(piece);
    }
  }
  return { words: words.join(' '), chars: [...chars].join(' ') };
}

const quote = (token: string) => `"${token.replaceAll('"', '""')}"`;

/**
 * An FTS5 MATCH expression for what someone typed: every piece must match (AND). Undefined when
 * nothing in it is searchable (only punctuation).
 */
export function matchExpression(query: string, mode: 'all' | 'any' = 'all'): string | undefined {
  const terms: string[] = [];
  for (const piece of normalizeSearchText(query).match(PIECES) ?? []) {
    if (CJK.test(piece)) {
      const grams = bigramsOf(piece);
      terms.push(grams.length === 0 ? `chars : ${quote(piece)}` : `words : ${quote(grams.join(' '))}`);
    } else {
      terms.push(`words : ${quote(piece)}*`);
    }
  }
  if (terms.length === 0) return undefined;
  return terms.join(mode === 'all' ? ' AND ' : ' OR ');
}
