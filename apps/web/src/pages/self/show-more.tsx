import { Paged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage, Loading } from '../../ui/status';

/** Below a paged list: its loading state or error, and "Show more" while the API has more pages. */
export function ShowMore({ paged }: { paged: Pick<Paged<unknown>, 'error' | 'loading' | 'loadingMore' | 'hasNextPage' | 'loadMore' | 'reload'> }) {
  const { t } = useI18n();
  if (paged.error) return <ErrorMessage error={paged.error} onRetry={paged.reload} />;
  if (paged.loading || paged.loadingMore) return <Loading />;
  if (!paged.hasNextPage) return null;
  return (
    <div className="actions">
      <button type="button" onClick={paged.loadMore}>
        {t.common.action.showMore}
      </button>
    </div>
  );
}
