import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { decodeMessage, type ErrorBody, type MessageKey, type MessageParams } from '@shared/contract';
import { createI18n, isLanguage, type Language } from '@shared/i18n';

const STORAGE_KEY = 'parkdesk.language';
const i18n = createI18n('zh-CN');

interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
  /** Adopt a default (the park's, or a staff member's preference) unless someone chose by hand here. */
  adoptDefault(language: Language): void;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(() => {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-CN';
  });

  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    sessionStorage.setItem(STORAGE_KEY, next);
    setState(next);
  }, []);
  const adoptDefault = useCallback((next: Language) => {
    if (!sessionStorage.getItem(STORAGE_KEY)) setState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, adoptDefault }), [language, setLanguage, adoptDefault]);
  return (
    <I18nextProvider i18n={i18n}>
      <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>
    </I18nextProvider>
  );
}

export function useLanguage(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useLanguage outside LanguageProvider');
  return state;
}

export type T = (key: MessageKey, params?: MessageParams) => string;

/** The current language's `t`, outside React (notices shown from event handlers). */
export const currentT: T = (key, params) => i18n.t(key, params ?? {});

/** The typed `t`: only catalog keys compile. Re-renders when the language changes. */
export function useT(): T {
  const { t } = useTranslation();
  return useCallback<T>((key, params) => t(key, params ?? {}), [t]);
}

/** A form or envelope message (a catalog key, maybe with parameters) in the current language. */
export function localize(t: T, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const described = decodeMessage(message);
  return described ? t(described.key, described.params) : message;
}

export function errorText(t: T, body: ErrorBody): string {
  return t(body.message, body.params);
}
