import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { METRIC_KEYS, MetricKey, metricLabel } from './metrics';

/** Radio buttons: which figure colours the map. */
export function MetricChoice({ value, onChange, year }: { value: MetricKey; onChange: (key: MetricKey) => void; year: number }) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className="metric-choice">
      <legend>{t.national.map.colourBy}</legend>
      {METRIC_KEYS.map((key) => (
        <label key={key} className="check">
          <input type="radio" name={name} value={key} checked={value === key} onChange={() => onChange(key)} />
          {metricLabel(key, t, year)}
        </label>
      ))}
    </fieldset>
  );
}
