import { useMemo } from 'react';
import { useQuery } from '../../api/hooks';
import { PersonUnit } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { SelectField } from '../../ui/field';

const UNITS = `{
  organisations(first: 200) { nodes { id name } }
  units(first: 200) { nodes { id name organisationId } }
}`;

interface Units {
  organisations: { nodes: Array<{ id: string; name: string }> };
  units: { nodes: Array<{ id: string; name: string; organisationId: string }> };
}

/** The county's units, labelled "Organisation · Unit"; the person's current unit is always among them. */
export function UnitSelect({ current, value, onChange, error }: { current: PersonUnit | null; value: string; onChange: (id: string) => void; error: unknown }) {
  const { t, locale } = useI18n();
  const { data } = useQuery<Units>(UNITS);
  const options = useMemo(() => {
    const organisation = new Map(data?.organisations.nodes.map((o) => [o.id, o.name]));
    const byId = new Map((data?.units.nodes ?? []).map((u) => [u.id, `${organisation.get(u.organisationId) ?? ''} · ${u.name}`]));
    if (current && !byId.has(current.id)) byId.set(current.id, `${current.organisationName} · ${current.name}`);
    const collator = new Intl.Collator(locale);
    return [...byId].map(([id, label]) => ({ value: id, label })).sort((a, b) => collator.compare(a.label, b.label));
  }, [data, current, locale]);
  return <SelectField label={t.self.unit} name="unitId" value={value} onChange={(e) => onChange(e.target.value)} options={options} placeholder={t.self.noUnit} error={error} />;
}
