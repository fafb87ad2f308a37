import { FormEvent, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { Organisation, Unit } from './queries';
import { FormBindings, RecordForm, RecordFormProps } from './record-form';
import { localProblem, useMunicipalities } from './shared';

export interface OrganisationFields {
  name: string;
  type: string;
  municipalityCode: string | null;
}

export interface UnitFields {
  name: string;
  sector: string;
  municipalityCode: string | null;
}

/**
 * The form both organisations and units use: a name, a kind (organisation type or sector) and a
 * municipality. A kind left unchosen is caught here, as the API cannot name the field of an enum it
 * could not read.
 */
function NamedForm({
  initial,
  kind,
  onSubmit,
  error,
  ...frame
}: FormBindings<{ name: string; kind: string; municipalityCode: string | null }> & {
  initial: { name: string; kind: string; municipalityCode: string };
  kind: { name: string; label: string; options: Record<string, string>; missing: string };
}) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  const [values, setValues] = useState(initial);
  const [localError, setLocalError] = useState<unknown>();
  const shown = localError ?? error;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.kind) return setLocalError(localProblem(kind.name, kind.missing));
    setLocalError(undefined);
    void onSubmit({ name: values.name.trim(), kind: values.kind, municipalityCode: values.municipalityCode || null });
  };
  return (
    <RecordForm {...frame} onSubmit={submit} error={shown}>
      <div className="form-grid">
        <TextField label={r.field.name} name="name" required value={values.name} error={shown} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
        <SelectField
          label={kind.label}
          name={kind.name}
          required
          value={values.kind}
          error={shown}
          options={optionsOf(kind.options)}
          placeholder={r.choose}
          onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value }))}
        />
        <SelectField
          label={r.field.municipality}
          name="municipalityCode"
          value={values.municipalityCode}
          error={shown}
          options={municipalities.options}
          placeholder={r.noMunicipality}
          onChange={(e) => setValues((v) => ({ ...v, municipalityCode: e.target.value }))}
        />
      </div>
    </RecordForm>
  );
}

export function OrganisationForm({ record, onSubmit, ...props }: RecordFormProps<Organisation, OrganisationFields>) {
  const { t } = useI18n();
  return (
    <NamedForm
      {...props}
      initial={{ name: record?.name ?? '', kind: record?.type ?? '', municipalityCode: record?.municipalityCode ?? '' }}
      kind={{ name: 'type', label: t.registry.field.organisationType, options: t.common.organisationType, missing: t.registry.chooseType }}
      onSubmit={({ name, kind, municipalityCode }) => onSubmit({ name, type: kind, municipalityCode })}
    />
  );
}

export function UnitForm({ record, defaultMunicipality, onSubmit, ...props }: RecordFormProps<Unit, UnitFields> & { defaultMunicipality?: string | null }) {
  const { t } = useI18n();
  return (
    <NamedForm
      {...props}
      initial={{ name: record?.name ?? '', kind: record?.sector ?? '', municipalityCode: record?.municipalityCode ?? defaultMunicipality ?? '' }}
      kind={{ name: 'sector', label: t.registry.field.sector, options: t.common.sector, missing: t.registry.chooseSector }}
      onSubmit={({ name, kind, municipalityCode }) => onSubmit({ name, sector: kind, municipalityCode })}
    />
  );
}
