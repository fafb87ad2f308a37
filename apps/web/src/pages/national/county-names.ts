import { useCallback } from 'react';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { localName } from '../../i18n/local-name';
import { COUNTIES, CountyName } from './api';

/**
 * County names in the user's language. Metrics carry only the Finnish name, so the reference list
 * (`counties`) supplies the Swedish and English ones; until it arrives the caller's fallback is used.
 */
export function useCountyNames(): { nameOf: (code: string | null | undefined, fallback: string) => string; counties: CountyName[] } {
  const { locale } = useI18n();
  const { data } = useQuery<{ counties: CountyName[] }>(COUNTIES);
  const counties = data?.counties ?? [];
  const nameOf = useCallback(
    (code: string | null | undefined, fallback: string) => {
      const county = data?.counties.find((c) => c.code === code);
      if (!county) return fallback;
      return localName(locale, county);
    },
    [data, locale],
  );
  return { nameOf, counties };
}
