import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { Facts } from '../../ui/facts';
import { Section } from '../../ui/page';
import { Empty } from '../../ui/status';

export interface MyMembership {
  status: string;
  since: string;
  unitName: string | null;
  sector: string | null;
  history: Array<{ status: string; effectiveOn: string; reason: string | null }>;
}

export const MY_MEMBERSHIP_FIELDS = 'status since unitName sector history { status effectiveOn reason }';

const BADGE: Record<string, string> = { ACTIVE: 'ok', ON_LEAVE: 'warn', LEFT_ROLE: 'bad', LEFT_ORGANISATION: 'bad' };

/** The status badge always carries the status's name: colour only repeats it. */
export function MembershipBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge ${BADGE[status] ?? ''}`}>{t.common.membershipStatus[status] ?? status}</span>;
}

export function MembershipSection({ membership }: { membership: MyMembership | null }) {
  const { t, format } = useI18n();
  const columns: Column<MyMembership['history'][number]>[] = [
    { key: 'effectiveOn', header: t.self.since, cell: (h) => format.date(h.effectiveOn), sortValue: (h) => h.effectiveOn },
    { key: 'status', header: t.self.status, cell: (h) => t.common.membershipStatus[h.status] ?? h.status },
    { key: 'reason', header: t.self.reason, cell: (h) => h.reason ?? t.common.state.none },
  ];
  return (
    <Section title={t.self.membershipTitle} id="my-membership">
      {membership ? (
        <>
          <Facts
            items={[
              [t.self.status, <MembershipBadge status={membership.status} />],
              [t.self.since, format.date(membership.since)],
              [t.self.unit, membership.unitName ?? t.common.state.none],
              [t.self.sector, membership.sector ? t.common.sector[membership.sector] : t.common.state.none],
            ]}
          />
          {membership.history.length > 1 && (
            <DataTable caption={t.self.historyCaption} columns={columns} rows={membership.history} rowKey={(h) => `${h.effectiveOn}-${h.status}-${h.reason ?? ''}`} />
          )}
        </>
      ) : (
        <Empty>{t.self.noMembership}</Empty>
      )}
    </Section>
  );
}
