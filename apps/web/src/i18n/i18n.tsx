import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { Locale, messages, Messages } from './messages';

export type { Locale } from './messages';
export const LOCALES: readonly Locale[] = ['fi', 'sv', 'en'];
export const LOCALE_NAMES: Record<Locale, string> = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };
const STORAGE_KEY = 'lahde.locale';

export interface Formats {
  number: (value: number | null | undefined, fractionDigits?: number) => string;
  percent: (share: number | null | undefined) => string;
  /** A local date (`2026-02-14`) or an instant, as a date. */
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
  month: (value: string) => string;
}

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

export function formats(locale: Locale): Formats {
  const tag = INTL_LOCALE[locale];
  const dash = '–';
  const asDate = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value));
  return {
    number: (value, fractionDigits = 0) =>
      value === null || value === undefined ? dash : new Intl.NumberFormat(tag, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value),
    percent: (share) => (share === null || share === undefined ? dash : new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 }).format(share)),
    date: (value) => (value ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'Europe/Helsinki' }).format(asDate(value)) : dash),
    dateTime: (value) => (value ? new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Helsinki' }).format(new Date(value)) : dash),
    month: (value) => new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'Europe/Helsinki' }).format(asDate(value)),
  };
}
