import { createInstance, type i18n } from 'i18next';
import { en } from './en';
import type { Catalog, MessageKey, MessageParams } from './types';
import { zhCN } from './zh-CN';

export type { Catalog, MessageKey, MessageParams } from './types';

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
    if (typeof value === 'string') into.add(prefix + key);
    else if (value && typeof value === 'object') leaves(value, `${prefix}${key}.`, into);
  }
  return into;
}

const knownKeys = leaves(en, '', new Set<string>());

export function isMessageKey(value: string): value is MessageKey {
  return knownKeys.has(value);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A typed `t` for one language: for the core's console, receipts and documents. */
export function translator(language: Language): Translate {
  const instance = createI18n(language);
  return (key, params) => instance.t(key, params ?? {});
}
