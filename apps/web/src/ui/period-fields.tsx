import { TextField } from './field';
import { Period } from './period';

/**
 * A period's first and last day as two date fields, each bounding the other's picker. `name` prefixes
 * the fields' names (`period` gives `period.from`), so that the API's problems with them show at them.
 */
export function DateRangeFields({ period, onChange, labels, name, required, error }: { period: Period; onChange: (period: Period) => void; labels: { from: string; to: string }; name?: string; required?: boolean; error: unknown }) {
  const fieldName = (end: keyof Period) => (name ? `${name}.${end}` : end);
  return (
    <>
      <TextField label={labels.from} name={fieldName('from')} type="date" required={required} value={period.from} max={period.to || undefined} onChange={(e) => onChange({ ...period, from: e.target.value })} error={error} />
      <TextField label={labels.to} name={fieldName('to')} type="date" required={required} value={period.to} min={period.from || undefined} onChange={(e) => onChange({ ...period, to: e.target.value })} error={error} />
    </>
  );
}
