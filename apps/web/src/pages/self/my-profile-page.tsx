import { useQuery } from '../../api/hooks';
import { Person, PERSON_FIELDS } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { ActivityLog } from './activity-log';
import { CertificatesSection } from './certificates-section';
import { MembershipSection, MY_MEMBERSHIP_FIELDS, MyMembership } from './membership-section';
import { ProfileSection } from './profile-section';
import './self.css';

const MINE = `{ myProfile { ${PERSON_FIELDS} } myMembership { ${MY_MEMBERSHIP_FIELDS} } }`;

/** A key worker's or trainer's own page: their record (found by the e-mail of their sign-in), membership, certificates and activities. */
export function MyProfilePage(_props: { route: Route }) {
  const { t } = useI18n();
  const state = useQuery<{ myProfile: Person | null; myMembership: MyMembership | null }>(MINE);
  return (
    <Page title={t.common.nav.myProfile}>
      <Loaded state={state}>
        {({ myProfile, myMembership }) =>
          myProfile ? (
            <>
              <div className="grid">
                <ProfileSection initial={myProfile} />
                <div>
                  <MembershipSection membership={myMembership} />
                  <CertificatesSection personId={myProfile.id} />
                </div>
              </div>
              <ActivityLog />
            </>
          ) : (
            <Section title={t.self.noRecordTitle} id="no-record">
              <p>{t.self.noRecord}</p>
              <p>{t.self.noRecordAsk}</p>
            </Section>
          )
        }
      </Loaded>
    </Page>
  );
}
