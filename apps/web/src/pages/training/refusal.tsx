import { ApiError } from '../../api/graphql';
import { useI18n } from '../../i18n/i18n';
import { ErrorMessage } from '../../ui/status';

/**
 * A refused change. For a CONFLICT the API's own words follow the general message: they say what the
 * record's state refused (someone already enrolled, a year that already has a round, items still open).
 */
export function Refusal({ error, lead }: { error: unknown; lead?: string }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return <ErrorMessage error={error} />;
  return (
    <div className="error" role="alert">
      <p>{lead ?? t.training.refused}</p>
      <p className="detail">{error.message}</p>
    </div>
  );
}
