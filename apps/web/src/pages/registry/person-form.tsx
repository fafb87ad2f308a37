import { FormEvent, useState } from 'react';
import { Person } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { RecordForm, RecordFormProps } from './record-form';
import { useUnitOptions } from '../../api/unit-options';
import { CheckField, localProblem, orNull } from './shared';

/** The fields of CreatePersonInput that a county user fills in (homeCountyCode is THL's only). */
export interface PersonFields {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  unitId: string | null;
  workAddress: string | null;
  directoryOptIn: boolean;
  gender: string | null;
  birthYear: number | null;
  educationLevel: string | null;
  esfDataEntered: boolean;
}

function initialValues(person?: Person) {
  return {
    firstName: person?.firstName ?? '',
    lastName: person?.lastName ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    jobTitle: person?.jobTitle ?? '',
    unitId: person?.unit?.id ?? '',
    workAddress: person?.workAddress ?? '',
    directoryOptIn: person?.directoryOptIn ?? false,
    gender: person?.gender ?? '',
    birthYear: person?.birthYear?.toString() ?? '',
    educationLevel: person?.educationLevel ?? '',
    esfDataEntered: person?.esfDataEntered ?? false,
  };
}

/** Create and edit a person; a bad e-mail too is the API's problem, shown at its field like the others. */
export function PersonForm({ record: person, onSubmit, error, ...frame }: RecordFormProps<Person, PersonFields>) {
  const { t } = useI18n();
  const r = t.registry;
  const [values, setValues] = useState(() => initialValues(person));
  const [localError, setLocalError] = useState<unknown>();
  const units = useUnitOptions();
  const shown = localError ?? error;

  // Value, change handler and the API's problem of one text or select field.
  const bind = (name: keyof ReturnType<typeof initialValues>) => ({
    name,
    value: values[name] as string,
    error: shown,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const year = values.birthYear.trim();
    if (year !== '' && !/^\d{4}$/.test(year)) return setLocalError(localProblem('birthYear', r.birthYearFormat));
    setLocalError(undefined);
    void onSubmit({
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      email: values.email.trim(),
      phone: orNull(values.phone),
      jobTitle: orNull(values.jobTitle),
      unitId: values.unitId || null,
      workAddress: orNull(values.workAddress),
      directoryOptIn: values.directoryOptIn,
      gender: values.gender || null,
      birthYear: year === '' ? null : Number(year),
      educationLevel: values.educationLevel || null,
      esfDataEntered: values.esfDataEntered,
    });
  };

  return (
    <RecordForm {...frame} onSubmit={submit} error={shown}>
      <div className="form-grid">
        <TextField label={r.field.firstName} required autoComplete="off" {...bind('firstName')} />
        <TextField label={r.field.lastName} required autoComplete="off" {...bind('lastName')} />
        <TextField label={r.field.email} required type="email" autoComplete="off" {...bind('email')} />
        <TextField label={r.field.phone} type="tel" autoComplete="off" {...bind('phone')} />
        <TextField label={r.field.jobTitle} {...bind('jobTitle')} />
        <SelectField label={r.field.unit} options={units ?? []} placeholder={units ? r.noUnit : t.common.state.loading} {...bind('unitId')} />
        <TextField label={r.field.workAddress} {...bind('workAddress')} />
      </div>
      <CheckField
        label={r.field.directoryOptIn}
        hint={r.directoryHint}
        name="directoryOptIn"
        error={shown}
        checked={values.directoryOptIn}
        onChange={(e) => setValues((v) => ({ ...v, directoryOptIn: e.target.checked }))}
      />
      <fieldset>
        <legend>{r.esfLegend}</legend>
        <p className="hint">{r.esfHint}</p>
        <div className="form-grid">
          <SelectField label={r.field.gender} options={optionsOf(t.common.gender)} placeholder={r.notGiven} {...bind('gender')} />
          <TextField label={r.field.birthYear} inputMode="numeric" maxLength={4} hint={r.birthYearHint} {...bind('birthYear')} />
          <SelectField label={r.field.educationLevel} options={optionsOf(r.educationLevel)} placeholder={r.notGiven} {...bind('educationLevel')} />
        </div>
        <CheckField
          label={r.field.esfDataEntered}
          name="esfDataEntered"
          error={shown}
          checked={values.esfDataEntered}
          onChange={(e) => setValues((v) => ({ ...v, esfDataEntered: e.target.checked }))}
        />
      </fieldset>
    </RecordForm>
  );
}
