import { esfIndicatorName } from '../../i18n/esf-indicator';
import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { Period } from '../../ui/period';

export interface EsfIndicator {
  code: string;
  labelFi: string;
  labelEn: string;
  value: number;
}

/** The county's live ESF+ indicator summary for the period, in the user's language. */
export function IndicatorTable({ indicators, period }: { indicators: EsfIndicator[]; period: Period }) {
  const { t, format, locale } = useI18n();
  const label = (i: EsfIndicator) => esfIndicatorName(t.common, locale, i);
  const columns: Column<EsfIndicator>[] = [
    { key: 'code', header: t.files.code, cell: (i) => i.code, sortValue: (i) => i.code },
    { key: 'label', header: t.files.indicator, cell: label },
    { key: 'value', header: t.files.value, cell: (i) => format.number(i.value), numeric: true, sortValue: (i) => i.value },
  ];
  return <DataTable caption={t.files.indicatorsCaption(format.date(period.from), format.date(period.to))} columns={columns} rows={indicators} rowKey={(i) => i.code} />;
}
