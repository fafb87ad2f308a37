import { useI18n } from '../../i18n/i18n';
import { Option, SelectField } from '../../ui/field';
import { recentYears } from '../../ui/period';

/** A labelled choice of a calendar year, this year first; `extra` adds choices after the years. */
export function YearSelect({ label, value, onChange, extra = [] }: { label?: string; value: string; onChange: (value: string) => void; extra?: Option[] }) {
  const { t } = useI18n();
  const years = recentYears().map((year) => ({ value: String(year), label: String(year) }));
  return <SelectField label={label ?? t.national.year} name="year" value={value} onChange={(e) => onChange(e.target.value)} options={[...years, ...extra]} />;
}
