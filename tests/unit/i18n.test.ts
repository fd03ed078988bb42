import { describe, expect, it } from 'vitest';
import { catalogs, isMessageKey, translator } from '@shared/i18n';
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
  const english = flatten(catalogs.en as Tree);
  const chinese = flatten(catalogs['zh-CN'] as Tree);

  it('have exactly the same keys, none empty', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe('');
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
