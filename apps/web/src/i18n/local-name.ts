import type { Locale } from './messages';

/** A name the API keeps in all three languages (counties, programmes), in the user's. */
export function localName(locale: Locale, item: { nameFi: string; nameSv: string; nameEn: string }): string {
  return locale === 'sv' ? item.nameSv : locale === 'en' ? item.nameEn : item.nameFi;
}
