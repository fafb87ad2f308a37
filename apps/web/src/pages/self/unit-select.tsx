import { useMemo } from 'react';
import { PersonUnit } from '../../api/person';
import { useUnitOptions } from '../../api/unit-options';
import { useI18n } from '../../i18n/i18n';
import { SelectField } from '../../ui/field';

/** The county's units to choose one's own from; the person's current unit is always among them. */
export function UnitSelect({ current, value, onChange, error }: { current: PersonUnit | null; value: string; onChange: (id: string) => void; error: unknown }) {
  const { t } = useI18n();
  const units = useUnitOptions();
  const options = useMemo(() => {
    const list = units ?? [];
    return current && !list.some((o) => o.value === current.id) ? [{ value: current.id, label: `${current.name} – ${current.organisationName}` }, ...list] : list;
  }, [units, current]);
  return <SelectField label={t.self.unit} name="unitId" value={value} onChange={(e) => onChange(e.target.value)} options={options} placeholder={t.self.noUnit} error={error} />;
}
