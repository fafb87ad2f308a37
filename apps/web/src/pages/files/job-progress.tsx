import { useI18n } from '../../i18n/i18n';

/** Progress of a background job (import, export), announced politely as it changes. */
export function JobProgress({ label, percent }: { label: string; percent: number }) {
  const { format } = useI18n();
  return (
    <div className="job-progress" role="status">
      <span>{label}</span>
      <progress max={100} value={percent} aria-label={label} />
      <span className="num">{format.percent(percent / 100)}</span>
    </div>
  );
}
