import { useRef, useState } from 'react';
import { Person } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { Section } from '../../ui/page';
import { ProfileForm } from './profile-form';

/** The user's own record: read, then edited in place (everything but the name and e-mail). */
export function ProfileSection({ initial }: { initial: Person }) {
  const { t } = useI18n();
  const [profile, setProfile] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const none = t.common.state.none;
  const label: Record<string, string> = {
    phone: t.self.phone,
    jobTitle: t.self.jobTitle,
    unit: t.self.unit,
    gender: t.self.gender,
    birthYear: t.self.birthYear,
    educationLevel: t.self.educationLevel,
  };

  function close(saved: Person | null | undefined) {
    if (saved) setProfile(saved);
    setMessage(saved === undefined ? null : saved ? t.self.profileSaved : t.self.nothingChanged);
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <Section title={t.self.detailsTitle} id="my-details">
      <Facts
        items={[
          [t.self.name, `${profile.firstName} ${profile.lastName}`],
          [t.self.email, profile.email],
          ...(editing
            ? []
            : ([
                [t.self.phone, profile.phone ?? none],
                [t.self.jobTitle, profile.jobTitle ?? none],
                [t.self.unit, profile.unit ? `${profile.unit.organisationName} · ${profile.unit.name}` : none],
                [t.self.sector, profile.unit ? t.common.sector[profile.unit.sector] : none],
                [t.self.workAddress, profile.workAddress ?? none],
                [t.self.gender, profile.gender ? t.common.gender[profile.gender] : t.self.notGiven],
                [t.self.birthYear, profile.birthYear ? String(profile.birthYear) : t.self.notGiven],
                [t.self.educationLevel, profile.educationLevel ? t.self.educationLevels[profile.educationLevel] : t.self.notGiven],
                [t.self.esfDataEnteredShort, profile.esfDataEntered ? t.common.state.yes : t.common.state.no],
                [t.self.directoryOptInShort, profile.directoryOptIn ? t.common.state.yes : t.common.state.no],
              ] as Array<[string, string]>)),
        ]}
      />
      <p className="hint">{t.self.emailHint}</p>
      {!editing && profile.missingFields.length > 0 && <p className="hint">{t.self.missing(profile.missingFields.map((f) => label[f] ?? f).join(', '))}</p>}
      {editing ? (
        <ProfileForm profile={profile} onSaved={close} onCancel={() => close(undefined)} />
      ) : (
        <div className="actions">
          <button type="button" ref={editButton} onClick={() => (setMessage(null), setEditing(true))}>
            {t.self.editProfile}
          </button>
        </div>
      )}
      <div role="status">{message && <p className="success">{message}</p>}</div>
    </Section>
  );
}
