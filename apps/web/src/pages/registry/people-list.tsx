import { FormEvent, useMemo, useState } from 'react';
import { useQuery } from '../../api/hooks';
import { usePaged } from '../../api/paging';
import { PersonRow } from '../../api/person';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, Route } from '../../routing';
import { Column, DataTable } from '../../ui/data-table';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { ListPage, ResultsSection } from './list-page';
import { CERTIFICATE_HOLDERS, PEOPLE } from './queries';
import { useUnitOptions } from '../../api/unit-options';
import { CheckField, MissingFields, useManages, useMunicipalities } from './shared';

const FILTERS = ['q', 'sector', 'municipalityCode', 'unitId', 'incomplete'] as const;

/** `#/people?…` with the given filters; empty ones are left out so the address stays readable. */
function peopleHref(filters: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== '')).toString();
  return `/people${query ? `?${query}` : ''}`;
}

/** Holders of key worker and trainer certificates, for the list's certification column. */
function useCertification(skip: boolean) {
  const { data } = useQuery<{ certificates: Array<{ personId: string; kind: string }> }>(CERTIFICATE_HOLDERS, {}, { skip });
  return useMemo(() => {
    const kinds = new Map<string, string[]>();
    for (const c of data?.certificates ?? []) kinds.set(c.personId, [...(kinds.get(c.personId) ?? []), c.kind]);
    return data ? kinds : undefined;
  }, [data]);
}

/**
 * The county's people: search, filters and the list, page by page. The filters live in the address,
 * so links from the overview (e.g. a unit's people) and the back button bring them along.
 */
export function PeopleListPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, route.query.get(f) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const [search, setSearch] = useState(filters.q);
  const municipalities = useMunicipalities();
  const units = useUnitOptions();
  const certification = useCertification(!manages);

  const people = usePaged<PersonRow>(PEOPLE, 'people', {
    search: filters.q || null,
    sector: filters.sector || null,
    municipalityCode: filters.municipalityCode || null,
    unitId: filters.unitId || null,
    incomplete: filters.incomplete === '1' || null,
  });

  const setFilter = (name: string, value: string) => navigate(peopleHref({ ...filters, [name]: value }));
  const submitSearch = (e: FormEvent) => {
    e.preventDefault();
    setFilter('q', search.trim());
  };
  const filtered = FILTERS.some((f) => filters[f] !== '');

  const columns: Column<PersonRow>[] = [
    { key: 'name', header: r.field.name, cell: (p) => <Link to={`/people/${p.id}`}>{`${p.lastName}, ${p.firstName}`}</Link> },
    { key: 'email', header: r.field.email, cell: (p) => p.email },
    { key: 'unit', header: r.field.unit, cell: (p) => (p.unit ? <UnitName name={p.unit.name} organisation={p.unit.organisationName} /> : t.common.state.none) },
    { key: 'sector', header: r.field.sector, cell: (p) => (p.unit ? t.common.sector[p.unit.sector] : t.common.state.none) },
    ...(certification
      ? [{ key: 'certification', header: r.certification, cell: (p: PersonRow) => (certification.get(p.id) ?? []).map((k) => r.certificateKind[k] ?? k).join(', ') || t.common.state.none }]
      : []),
    { key: 'missing', header: r.missingInformation, cell: (p) => <MissingFields fields={p.missingFields} /> },
  ];

  return (
    <ListPage title={t.common.nav.people} add={{ to: '/people/new', label: r.addPerson }}>
      <Section title={r.findPeople} id="people-filters">
        <form role="search" className="toolbar" onSubmit={submitSearch} aria-label={r.findPeople}>
          <TextField label={r.searchLabel} name="search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          <button type="submit">{t.common.action.search}</button>
        </form>
        <div className="toolbar">
          <SelectField label={r.field.sector} name="sector" value={filters.sector} onChange={(e) => setFilter('sector', e.target.value)} options={optionsOf(t.common.sector)} placeholder={r.allSectors} />
          <SelectField
            label={r.field.municipality}
            name="municipalityCode"
            value={filters.municipalityCode}
            onChange={(e) => setFilter('municipalityCode', e.target.value)}
            options={municipalities.options}
            placeholder={r.allMunicipalities}
          />
          <SelectField label={r.field.unit} name="unitId" value={filters.unitId} onChange={(e) => setFilter('unitId', e.target.value)} options={units ?? []} placeholder={r.allUnits} />
          <CheckField label={r.onlyIncomplete} name="incomplete" checked={filters.incomplete === '1'} onChange={(e) => setFilter('incomplete', e.target.checked ? '1' : '')} />
          {filtered && (
            <button
              type="button"
              onClick={() => {
                setSearch('');
                navigate('/people');
              }}
            >
              {r.clearFilters}
            </button>
          )}
        </div>
      </Section>
      <ResultsSection id="people-results" state={people} empty={r.noPeople}>
        {(nodes) => <DataTable caption={r.peopleCaption} columns={columns} rows={nodes} rowKey={(p) => p.id} />}
      </ResultsSection>
    </ListPage>
  );
}

function UnitName({ name, organisation }: { name: string; organisation: string }) {
  return (
    <>
      {name}
      <span className="sub">{organisation}</span>
    </>
  );
}
