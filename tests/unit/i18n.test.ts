import { describe, expect, it } from 'vitest';
import { catalogs, isMessageKey, SINGULAR_SUFFIX, translator } from '@shared/i18n';
import { en } from '@shared/i18n/en';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the catalogs', () => {
  const everyEnglish = flatten(catalogs.en as Tree);
  const singulars = new Map([...everyEnglish].filter(([key]) => key.endsWith(SINGULAR_SUFFIX)));
  const english = new Map([...everyEnglish].filter(([key]) => !singulars.has(key)));
  const chinese = flatten(catalogs['zh-CN'] as Tree);

  it('have exactly the same keys (bar the English singulars), none empty', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...everyEnglish, ...chinese]) expect(text.trim(), key).not.toBe('');
  });

  it('have a singular only beside its plain key, counting, and with no parameter of its own', () => {
    expect(singulars.size).toBeGreaterThan(0);
    for (const [key, text] of singulars) {
      const plain = english.get(key.slice(0, -SINGULAR_SUFFIX.length)) ?? '';
      expect(params(plain), key).toContain('count');
      for (const name of params(text)) expect(params(plain), key).toContain(name);
    }
  });

  it('word a count of one with the English singular, any other count and every Chinese count with the plain key', () => {
    const inEnglish = translator('en');
    expect(inEnglish('rentals.board.heldCount', { count: 1 })).toBe('1 rental out');
    expect(inEnglish('rentals.board.heldCount', { count: 0 })).toBe('0 rentals out');
    expect(inEnglish('rentals.board.heldCount', { count: 2 })).toBe('2 rentals out');
    expect(inEnglish('maintenance.keep', { count: 1 })).toBe('Keeps the newest backup only');
    expect(translator('zh-CN')('rentals.board.heldCount', { count: 1 })).toBe(translator('zh-CN')('rentals.board.heldCount', { count: 2 }).replace('2', '1'));
    expect(isMessageKey('rentals.board.heldCount_one')).toBe(false);
  });

  it('use the same interpolation parameters in both languages', () => {
    for (const [key, text] of english) expect(params(chinese.get(key) ?? ''), key).toEqual(params(text));
  });

  it('are really translated: Chinese strings carry Chinese (bar names and codes)', () => {
    const untranslated = [...chinese].filter(([key, text]) => text === english.get(key) && !/^(lang\.|app\.name)/.test(key) && /[a-z]{4}/i.test(text));
    expect(untranslated).toEqual([]);
  });

  it('translate with parameters in either language', () => {
    expect(translator('en')('errors.wrongPin', { remaining: 3 })).toBe('Wrong PIN. 3 tries left before the lock.');
    expect(translator('zh-CN')('errors.wrongPin', { remaining: 3 })).toBe('PIN 码错误，再错 3 次将被锁定。');
  });

  it('recognise their own keys and nothing else', () => {
    expect(isMessageKey('validation.pin')).toBe(true);
    expect(isMessageKey('validation')).toBe(false);
    expect(isMessageKey('Invalid input')).toBe(false);
    expect(Object.keys(en.audit.actions)).toContain('staff');
  });
});

describe('audit action wording', () => {
  it('finds core and domain actions, and only those', async () => {
    const { auditActionKey, AUDIT_ACTIONS } = await import('@shared/i18n');
    expect(auditActionKey('staff.create')).toBe('audit.actions.staff.create');
    expect(auditActionKey('rentals.checkOut')).toBe('rentals.audit.checkOut');
    expect(auditActionKey('printer.reprint')).toBe('printer.audit.reprint');
    expect(auditActionKey('nothing.here')).toBeUndefined();
    expect(AUDIT_ACTIONS).toEqual(expect.arrayContaining(['auth.signIn', 'rentals.return', 'printer.testPrint']));
  });
});
