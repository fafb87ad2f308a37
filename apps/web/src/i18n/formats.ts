import type { Locale } from './messages';

const INTL_LOCALE: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface Formats {
  number: (value: number | null | undefined, fractionDigits?: number) => string;
  percent: (share: number | null | undefined) => string;
  /** A local date (`2026-02-14`) or an instant, as a date. */
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
  month: (value: string) => string;
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
