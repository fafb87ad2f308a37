import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { formats, Formats } from './formats';

export type { Formats } from './formats';
import { Locale, messages, Messages } from './messages';

export type { Locale } from './messages';
export const LOCALES: readonly Locale[] = ['fi', 'sv', 'en'];
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
const STORAGE_KEY = 'lahde.locale';

interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Messages;
  format: Formats;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LOCALES as string[]).includes(stored)) return stored as Locale;
  const browser = navigator.language.slice(0, 2);
  return (LOCALES as string[]).includes(browser) ? (browser as Locale) : 'fi';
}

/** Texts and number/date formats in the user's language; the choice is remembered in this browser. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    localStorage.setItem(STORAGE_KEY, locale);
  }, [locale]);
  const value = useMemo<I18n>(() => ({ locale, setLocale: setLocaleState, t: messages[locale], format: formats(locale) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
