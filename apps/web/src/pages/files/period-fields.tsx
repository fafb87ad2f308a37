import { useI18n } from '../../i18n/i18n';
import { Period } from '../../ui/period';
import { DateRangeFields } from '../../ui/period-fields';

/** The reporting period's from and to dates; the API's problems with `period.from` / `period.to` appear at them. */
export function PeriodFields({ period, onChange, error }: { period: Period; onChange: (period: Period) => void; error: unknown }) {
  const { t } = useI18n();
  return (
    <fieldset className="period-fields">
      <legend>{t.files.periodTitle}</legend>
      <p className="hint">{t.files.periodHint}</p>
      <div className="toolbar">
        <DateRangeFields period={period} onChange={onChange} labels={{ from: t.files.from, to: t.files.to }} name="period" required error={error} />
      </div>
    </fieldset>
  );
}
