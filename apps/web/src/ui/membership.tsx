import { useI18n } from '../i18n/i18n';
import { Badge, Tone } from './badge';
import { DataTable } from './data-table';

export interface MembershipEvent {
  status: string;
  effectiveOn: string;
  reason: string | null;
}

const TONE: Record<string, Tone> = { ACTIVE: 'ok', ON_LEAVE: 'warn', LEFT_ROLE: 'bad', LEFT_ORGANISATION: 'bad' };

/** A key worker network membership status (a person's own page and the registry alike). */
export function MembershipBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <Badge label={t.common.membershipStatus[status] ?? status} tone={TONE[status]} />;
}

/** Every status a membership has had, newest first as the API gives them. */
export function MembershipHistory({ history }: { history: MembershipEvent[] }) {
  const { t, format } = useI18n();
  const m = t.common.membershipHistory;
  return (
    <DataTable
      caption={m.caption}
      rows={history}
      rowKey={(h) => `${h.effectiveOn}-${h.status}-${h.reason ?? ''}`}
      columns={[
        { key: 'effectiveOn', header: m.effectiveOn, cell: (h) => format.date(h.effectiveOn), sortValue: (h) => h.effectiveOn },
        { key: 'status', header: m.status, cell: (h) => t.common.membershipStatus[h.status] ?? h.status },
        { key: 'reason', header: m.reason, cell: (h) => h.reason ?? t.common.state.none },
      ]}
    />
  );
}
