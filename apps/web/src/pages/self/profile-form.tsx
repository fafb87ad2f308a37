import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { ErrorMessage } from '../../ui/status';
import { Person, PERSON_FIELDS } from '../../api/person';
import { UnitSelect } from './unit-select';

const UPDATE_PERSON = `mutation UpdateOwnProfile($input: UpdatePersonInput!) { updatePerson(input: $input) { ${PERSON_FIELDS} } }`;

/** What the form edits: the fields the API lets key workers and trainers change on their own record. */
interface Draft {
  phone: string;
  jobTitle: string;
  workAddress: string;
  unitId: string;
  gender: string;
  birthYear: string;
  educationLevel: string;
  esfDataEntered: boolean;
  directoryOptIn: boolean;
}

function draftOf(p: Person): Draft {
  return {
    phone: p.phone ?? '',
    jobTitle: p.jobTitle ?? '',
    workAddress: p.workAddress ?? '',
    unitId: p.unit?.id ?? '',
    gender: p.gender ?? '',
    birthYear: p.birthYear?.toString() ?? '',
    educationLevel: p.educationLevel ?? '',
    esfDataEntered: p.esfDataEntered,
    directoryOptIn: p.directoryOptIn,
  };
}

/** Only what changed is sent: an untouched field is never overwritten with what this page happened to read. */
function changes(p: Person, d: Draft): Record<string, unknown> {
  const text = (v: string) => v.trim() || null;
  const next: Record<string, unknown> = {
    phone: text(d.phone),
    jobTitle: text(d.jobTitle),
    workAddress: text(d.workAddress),
    unitId: d.unitId || null,
    gender: d.gender || null,
    birthYear: d.birthYear.trim() ? Number(d.birthYear) : null,
    educationLevel: d.educationLevel || null,
    esfDataEntered: d.esfDataEntered,
    directoryOptIn: d.directoryOptIn,
  };
  const before: Record<string, unknown> = { ...p, unitId: p.unit?.id ?? null };
  return Object.fromEntries(Object.entries(next).filter(([key, value]) => value !== before[key]));
}

export function ProfileForm({ profile, onSaved, onCancel }: { profile: Person; onSaved: (saved: Person | null) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const hintId = useId();
  const form = useRef<HTMLFormElement>(null);
  // Opening the form moves the keyboard to its first field.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select')?.focus(), []);
  const [draft, setDraft] = useState(() => draftOf(profile));
  const save = useMutation<{ updatePerson: Person }, { input: Record<string, unknown> }>(UPDATE_PERSON);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'phone' | 'jobTitle' | 'workAddress' | 'birthYear') => ({
    name: key,
    value: draft[key],
    error: save.error,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = changes(profile, draft);
    if (!Object.keys(input).length) return onSaved(null);
    const result = await save.run({ input: { id: profile.id, version: profile.version, ...input } });
    if (result) onSaved(result.updatePerson);
  }

  return (
    <form ref={form} onSubmit={submit}>
      <ErrorMessage error={save.error} />
      <div className="form-grid">
        <TextField label={t.self.phone} type="tel" autoComplete="tel" {...text('phone')} />
        <TextField label={t.self.jobTitle} autoComplete="organization-title" {...text('jobTitle')} />
        <UnitSelect current={profile.unit} value={draft.unitId} onChange={set('unitId')} error={save.error} />
        <TextField label={t.self.workAddress} autoComplete="street-address" {...text('workAddress')} />
      </div>
      <fieldset>
        <legend>{t.self.esfTitle}</legend>
        <p className="hint">{t.self.esfHint}</p>
        <div className="form-grid">
          <SelectField label={t.self.gender} name="gender" value={draft.gender} onChange={(e) => set('gender')(e.target.value)} options={optionsOf(t.common.gender)} placeholder={t.self.notGiven} error={save.error} />
          <TextField label={t.self.birthYear} type="number" inputMode="numeric" min={1930} max={2015} {...text('birthYear')} />
          <SelectField
            label={t.self.educationLevel}
            name="educationLevel"
            value={draft.educationLevel}
            onChange={(e) => set('educationLevel')(e.target.value)}
            options={optionsOf(t.self.educationLevels)}
            placeholder={t.self.notGiven}
            error={save.error}
          />
        </div>
        <label className="check">
          <input type="checkbox" name="esfDataEntered" checked={draft.esfDataEntered} onChange={(e) => set('esfDataEntered')(e.target.checked)} />
          {t.self.esfDataEntered}
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" name="directoryOptIn" aria-describedby={hintId} checked={draft.directoryOptIn} onChange={(e) => set('directoryOptIn')(e.target.checked)} />
        {t.self.directoryOptIn}
      </label>
      <p className="hint" id={hintId}>
        {t.self.directoryOptInHint}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={save.running}>
          {t.self.saveProfile}
        </button>
        <button type="button" onClick={onCancel}>
          {t.common.action.cancel}
        </button>
      </div>
    </form>
  );
}
