import { useI18n } from '../../i18n/i18n';
import { ErrorMessage, Loading } from '../../ui/status';
import { Paged } from './use-connection';

/** Below a paged list: its loading state or error, and "Show more" while the API has more pages. */
export function ShowMore({ paged }: { paged: Pick<Paged<unknown>, 'error' | 'loading' | 'hasMore' | 'more' | 'reload'> }) {
  const { t } = useI18n();
  if (paged.error) return <ErrorMessage error={paged.error} onRetry={paged.reload} />;
  if (paged.loading) return <Loading />;
  if (!paged.hasMore) return null;
  return (
    <div className="actions">
      <button type="button" onClick={paged.more}>
        {t.common.action.showMore}
      </button>
    </div>
  );
}
