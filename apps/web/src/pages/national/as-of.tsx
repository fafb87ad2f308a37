import { useI18n } from '../../i18n/i18n';

/** How fresh the figures are: the aggregates are recomputed after writes and every 15 minutes. */
export function AsOf({ asOf }: { asOf: string | null }) {
  const { t, format } = useI18n();
  return <p className="hint">{asOf ? t.national.asOf(format.dateTime(asOf)) : t.national.asOfUnknown}</p>;
}
