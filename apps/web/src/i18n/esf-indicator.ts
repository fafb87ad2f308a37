import type { Locale } from './messages';
import type { CommonMessages } from './messages/common';

/** An ESF+ indicator as the API names it: its code, and labels in Finnish and English. */
export interface EsfIndicatorLabels {
  code: string;
  labelFi: string;
  labelEn: string;
}

/** The indicator's name in the user's language: our own texts first (Swedish has no API label), then the API's. */
export function esfIndicatorName(common: CommonMessages, locale: Locale, indicator: EsfIndicatorLabels): string {
  return common.esfIndicator[indicator.code] ?? (locale === 'fi' ? indicator.labelFi : indicator.labelEn);
}
