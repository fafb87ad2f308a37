import { useI18n } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { MembershipBadge, MembershipEvent, MembershipHistory } from '../../ui/membership';
import { Section } from '../../ui/page';
import { Empty } from '../../ui/status';

export interface MyMembership {
  status: string;
  since: string;
  unitName: string | null;
  sector: string | null;
  history: MembershipEvent[];
}

export const MY_MEMBERSHIP_FIELDS = 'status since unitName sector history { status effectiveOn reason }';

export function MembershipSection({ membership }: { membership: MyMembership | null }) {
  const { t, format } = useI18n();
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
          {membership.history.length > 1 && <MembershipHistory history={membership.history} />}
        </>
      ) : (
        <Empty>{t.self.noMembership}</Empty>
      )}
    </Section>
  );
}
