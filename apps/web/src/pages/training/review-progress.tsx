import { useI18n } from '../../i18n/i18n';
import { ReviewCounts } from './review-api';

/** How far a round has got: decided of all, announced as a status, with the outcomes so far. */
export function RoundProgress({ counts }: { counts: ReviewCounts }) {
  const { t, format } = useI18n();
  const decided = counts.total - counts.open;
  const share = counts.total ? decided / counts.total : 1;
  return (
    <div className="round-progress">
      <p role="status" className="progress-text">
        {t.training.progress(decided, counts.total)}
      </p>
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(share * 100)}%` }} />
      </div>
      <p className="hint">
        {t.training.outcome.CONFIRMED}: {format.number(counts.confirmed)} · {t.training.outcome.CHANGED}: {format.number(counts.changed)} · {t.training.outcome.GONE}:{' '}
        {format.number(counts.gone)} · {t.training.undecided}: {format.number(counts.open)}
      </p>
    </div>
  );
}
