import { FormEvent, ReactNode, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { Organisation, Unit } from './queries';
import { localProblem, SaveError, useFocusFirstProblem, useMunicipalities } from './shared';

interface FormProps<T, F> {
  record?: T;
  submitLabel: string;
  onSubmit: (fields: F) => Promise<unknown>;
  error: unknown;
  running: boolean;
  onReload: () => void;
  cancel?: ReactNode;
}

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
  submitLabel,
  onSubmit,
  error,
  running,
  onReload,
  cancel,
}: Omit<FormProps<unknown, { name: string; kind: string; municipalityCode: string | null }>, 'record'> & {
  initial: { name: string; kind: string; municipalityCode: string };
  kind: { name: string; label: string; options: Record<string, string>; missing: string };
}) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  const [values, setValues] = useState(initial);
  const [localError, setLocalError] = useState<unknown>();
  const shown = localError ?? error;
  const form = useFocusFirstProblem(shown);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.kind) return setLocalError(localProblem(kind.name, kind.missing));
    setLocalError(undefined);
    void onSubmit({ name: values.name.trim(), kind: values.kind, municipalityCode: values.municipalityCode || null });
  };
  return (
    <form ref={form} className="registry-form" onSubmit={submit} noValidate>
      <p className="hint">{r.requiredNote}</p>
      <SaveError error={shown} onReload={onReload} />
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
      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t.common.state.saving : submitLabel}
        </button>
        {cancel}
      </div>
    </form>
  );
}

export function OrganisationForm({ record, onSubmit, ...props }: FormProps<Organisation, OrganisationFields>) {
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

export function UnitForm({ record, defaultMunicipality, onSubmit, ...props }: FormProps<Unit, UnitFields> & { defaultMunicipality?: string | null }) {
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
