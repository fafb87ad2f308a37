import { Formats } from '../../i18n/i18n';
import { Messages } from '../../i18n/messages';
import { CountyFigures } from './api';

/** What the map can be coloured by. */
export type MetricKey = 'keyWorkersPer10k' | 'municipalityCoverageShare' | 'certified';
export const METRIC_KEYS: MetricKey[] = ['keyWorkersPer10k', 'municipalityCoverageShare', 'certified'];

/** Key workers certified in the period: completions of tier-2 (key worker) courses begun in it. */
export function certifiedIn(figures: CountyFigures): number | null {
  return figures.throughput.find((t) => t.tier === 2)?.completed ?? null;
}

export function metricValue(figures: CountyFigures, key: MetricKey): number | null {
  return key === 'certified' ? certifiedIn(figures) : figures[key];
}

export function formatMetric(key: MetricKey, value: number | null, format: Formats): string {
  if (key === 'keyWorkersPer10k') return format.number(value, 2);
  if (key === 'municipalityCoverageShare') return format.percent(value);
  return format.number(value);
}

export function metricLabel(key: MetricKey, t: Messages, year: number): string {
  return key === 'certified' ? t.national.metric.certified(year) : t.national.metric[key];
}
