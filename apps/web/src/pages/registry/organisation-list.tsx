import { ApiError } from '../../api/graphql';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link, navigate, Route } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { optionsOf, SelectField } from '../../ui/field';
import { Page, Section } from '../../ui/page';
import { ErrorMessage } from '../../ui/status';
import { OrganisationFields, OrganisationForm } from './organisation-forms';
import { usePaged } from './paged';
import { CREATE_ORGANISATION, Organisation, ORGANISATIONS } from './queries';
import { PagedList, useManages, useMunicipalities } from './shared';

/** `#/organisations?type=…&municipalityCode=…`: the filters live in the address (the overview links here). */
export function OrganisationListPage({ route }: { route: Route }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const municipalities = useMunicipalities();
  const type = route.query.get('type') ?? '';
  const municipalityCode = route.query.get('municipalityCode') ?? '';
  const organisations = usePaged<Organisation>(ORGANISATIONS, 'organisations', { type: type || null, municipalityCode: municipalityCode || null });

  const setFilter = (name: string, value: string) => {
    const query = new URLSearchParams(Object.entries({ type, municipalityCode, [name]: value }).filter(([, v]) => v !== '')).toString();
    navigate(`/organisations${query ? `?${query}` : ''}`);
  };

  return (
    <Page
      title={t.common.nav.organisations}
      actions={
        manages && (
          <Link to="/organisations/new" className="button primary">
            {r.addOrganisation}
          </Link>
        )
      }
    >
      <Section title={r.results} id="organisation-results">
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
        <PagedList state={organisations} empty={r.noOrganisations}>
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
        </PagedList>
      </Section>
    </Page>
  );
}

/** `#/organisations/new`. */
export function NewOrganisationPage() {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const create = useMutation<{ createOrganisation: { id: string } }, { input: OrganisationFields }>(CREATE_ORGANISATION);
  const submit = async (input: OrganisationFields) => {
    const data = await create.run({ input });
    if (data) navigate(`/organisations/${data.createOrganisation.id}?saved=1`);
  };
  return (
    <Page title={r.newOrganisation} actions={<Link to="/organisations">{r.allOrganisations}</Link>}>
      <Section title={r.organisationDetails} id="organisation-form">
        {manages ? (
          <OrganisationForm
            submitLabel={r.createOrganisation}
            onSubmit={submit}
            error={create.error}
            running={create.running}
            onReload={create.reset}
            cancel={
              <Link to="/organisations" className="button">
                {t.common.action.cancel}
              </Link>
            }
          />
        ) : (
          <ErrorMessage error={new ApiError('FORBIDDEN', 'FORBIDDEN')} />
        )}
      </Section>
    </Page>
  );
}
