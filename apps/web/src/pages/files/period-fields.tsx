import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/field';
import { Period } from './period';

/** From and to dates; the API's problems with `period.from` / `period.to` appear at them. */
export function PeriodFields({ period, onChange, error }: { period: Period; onChange: (period: Period) => void; error: unknown }) {
  const { t } = useI18n();
  return (
    <fieldset className="period-fields">
      <legend>{t.files.periodTitle}</legend>
      <p className="hint">{t.files.periodHint}</p>
      <div className="toolbar">
        <TextField label={t.files.from} name="period.from" type="date" required value={period.from} max={period.to || undefined} onChange={(e) => onChange({ ...period, from: e.target.value })} error={error} />
        <TextField label={t.files.to} name="period.to" type="date" required value={period.to} min={period.from || undefined} onChange={(e) => onChange({ ...period, to: e.target.value })} error={error} />
      </div>
    </fieldset>
  );
}
