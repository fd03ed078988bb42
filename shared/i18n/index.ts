import { createInstance, type i18n } from 'i18next';
import { en } from './en';
import { SINGULAR_SUFFIX, type Catalog, type MessageKey, type MessageParams } from './types';
import { zhCN } from './zh-CN';

export type { Catalog, MessageKey, MessageParams } from './types';
export { SINGULAR_SUFFIX } from './types';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const catalogs: Record<Language, Catalog> = { 'zh-CN': zhCN, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** An i18next instance over both catalogs, initialised synchronously (renderer and core alike). */
export function createI18n(language: Language): i18n {
  const instance = createInstance();
  void instance.init({
    initAsync: false,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

function leaves(node: object, prefix: string, into: Set<string>): Set<string> {
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object') leaves(value, `${prefix}${key}.`, into);
    else if (typeof value === 'string' && !key.endsWith(SINGULAR_SUFFIX)) into.add(prefix + key);
  }
  return into;
}

const knownKeys = leaves(en, '', new Set<string>());

export function isMessageKey(value: string): value is MessageKey {
  return knownKeys.has(value);
}

/**
 * The catalog key that words an audit action: core actions under `audit.actions.<action>`, a
 * domain's under `<domain>.audit.<name>` (e.g. `rentals.checkOut` → `rentals.audit.checkOut`).
 */
export function auditActionKey(action: string): MessageKey | undefined {
  const core = `audit.actions.${action}`;
  if (isMessageKey(core)) return core;
  const dot = action.indexOf('.');
  const domain = `${action.slice(0, dot)}.audit.${action.slice(dot + 1)}`;
  return dot > 0 && isMessageKey(domain) ? domain : undefined;
}

/** Every audit action the catalogs word, for the audit log's filter. */
export const AUDIT_ACTIONS: readonly string[] = [...knownKeys].flatMap((key) => {
  if (key.startsWith('audit.actions.')) return [key.slice('audit.actions.'.length)];
  const match = /^([a-zA-Z]+)\.audit\.([a-zA-Z]+)$/.exec(key);
  return match ? [`${match[1]}.${match[2]}`] : [];
});

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A typed `t` for one language: for the core's console, receipts and documents. */
export function translator(language: Language): Translate {
  const instance = createI18n(language);
  return (key, params) => instance.t(key, params ?? {});
}
