import { usePaged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, Route } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { optionsOf, SelectField } from '../../ui/field';
import { Page } from '../../ui/page';
import { ListPage, ResultsSection } from './list-page';
import { OrganisationFields, OrganisationForm } from './organisation-forms';
import { CREATE_ORGANISATION, Organisation, ORGANISATIONS } from './queries';
import { RecordSection } from './record-section';
import { useMunicipalities } from './shared';

/** `#/organisations?type=…&municipalityCode=…`: the filters live in the address (the overview links here). */
export function OrganisationListPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  const type = route.query.get('type') ?? '';
  const municipalityCode = route.query.get('municipalityCode') ?? '';
  const organisations = usePaged<Organisation>(ORGANISATIONS, 'organisations', { type: type || null, municipalityCode: municipalityCode || null });

  const setFilter = (name: string, value: string) => {
    const query = new URLSearchParams(Object.entries({ type, municipalityCode, [name]: value }).filter(([, v]) => v !== '')).toString();
    navigate(`/organisations${query ? `?${query}` : ''}`);
  };

  const filters = (
    <div className="toolbar">
      <SelectField label={r.field.organisationType} name="type" value={type} onChange={(e) => setFilter('type', e.target.value)} options={optionsOf(t.common.organisationType)} placeholder={r.allTypes} />
      <SelectField
        label={r.field.municipality}
        name="municipalityCode"
        value={municipalityCode}
        onChange={(e) => setFilter('municipalityCode', e.target.value)}
        options={municipalities.options}
        placeholder={r.allMunicipalities}
      />
    </div>
  );

  return (
    <ListPage title={t.common.nav.organisations} add={{ to: '/organisations/new', label: r.addOrganisation }}>
      <ResultsSection id="organisation-results" state={organisations} empty={r.noOrganisations} filters={filters}>
        {(nodes) => (
          <DataTable
            caption={r.organisationsCaption}
            rows={nodes}
            rowKey={(o) => o.id}
            columns={[
              { key: 'name', header: r.field.name, cell: (o) => <Link to={`/organisations/${o.id}`}>{o.name}</Link> },
              { key: 'type', header: r.field.organisationType, cell: (o) => t.common.organisationType[o.type] ?? o.type },
              { key: 'municipality', header: r.field.municipality, cell: (o) => municipalities.nameOf(o.municipalityCode) ?? t.common.state.none },
            ]}
          />
        )}
      </ResultsSection>
    </ListPage>
  );
}

/** `#/organisations/new`. */
export function NewOrganisationPage() {
  const { t } = useI18n();
  const r = t.registry;
  return (
    <Page title={r.newOrganisation} actions={<Link to="/organisations">{r.allOrganisations}</Link>}>
      <RecordSection<{ createOrganisation: { id: string } }, OrganisationFields>
        title={r.organisationDetails}
        id="organisation-form"
        mutation={CREATE_ORGANISATION}
        submitLabel={r.createOrganisation}
        savedPage={(data) => `/organisations/${data.createOrganisation.id}`}
        back="/organisations"
      >
        {(form) => <OrganisationForm {...form} />}
      </RecordSection>
    </Page>
  );
}
