import { ReactNode } from 'react';
import { ApiError } from '../api/graphql';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="status" role="status">
      {t.common.state.loading}
    </p>
  );
}

/** The API's own message for field problems is shown at the fields; here the general reason, in the user's language. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : 'other';
  const text = t.common.errorCode[code] ?? t.common.errorCode['other'];
  const detail = error instanceof ApiError && code !== 'BAD_USER_INPUT' && code !== 'NETWORK' && !t.common.errorCode[code] ? error.message : null;
  return (
    <div className="error" role="alert">
      <p>{text}</p>
      {detail && <p className="detail">{detail}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.common.action.retry}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return <p className="empty">{children ?? t.common.state.empty}</p>;
}

/** Shows loading or the error until there is data, then the children. */
export function Loaded<T>({ state, children }: { state: { data: T | undefined; error: unknown; loading: boolean; reload: () => void }; children: (data: T) => ReactNode }) {
  if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}
