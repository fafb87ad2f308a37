import { useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useAll, usePaged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { OrganisationFields, OrganisationForm, UnitFields, UnitForm } from './organisation-forms';
import { CREATE_UNIT, Organisation, ORGANISATION_QUERY, Unit, UNITS, UPDATE_ORGANISATION } from './queries';
import { EditDetailsLink, EditSection } from './record-section';
import { DetailList, PagedList, SavedNotice, useManages, useMunicipalities } from './shared';

/** Units of an organisation that no active key worker works in (the API has no per-unit count). */
export function useUncoveredUnits(organisationId: string) {
  const { nodes, reload } = useAll<Unit>(UNITS, 'units', { organisationId, withoutActiveKeyWorker: true });
  return { uncovered: nodes ? new Set(nodes.map((u) => u.id)) : undefined, reload };
}

export function CoveredBadge({ covered }: { covered: boolean | undefined }) {
  const { t } = useI18n();
  if (covered === undefined) return <>{t.common.state.none}</>;
  return <span className={`badge ${covered ? 'ok' : 'bad'}`}>{covered ? t.common.state.yes : t.common.state.no}</span>;
}

/** `#/organisations/<id>` (details, units, a new unit) and `#/organisations/<id>/edit`. */
export function OrganisationPage({ id, editing, saved }: { id: string; editing: boolean; saved: boolean }) {
  const { t } = useI18n();
  const state = useQuery<{ organisation: Organisation }>(ORGANISATION_QUERY, { id });
  const organisation = state.data?.organisation;
  return (
    <Page title={organisation?.name ?? t.registry.organisation} actions={<Link to="/organisations">{t.registry.allOrganisations}</Link>}>
      <Loaded state={state}>
        {({ organisation }) =>
          editing ? (
            <OrganisationEdit key={organisation.version} organisation={organisation} onReload={state.reload} />
          ) : (
            <>
              {saved && <SavedNotice />}
              <OrganisationDetails organisation={organisation} />
              <OrganisationUnits organisation={organisation} />
            </>
          )
        }
      </Loaded>
    </Page>
  );
}

function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  return (
    <Section title={r.organisationDetails} id="organisation-details">
      <DetailList
        items={[
          [r.field.organisationType, t.common.organisationType[organisation.type] ?? organisation.type],
          [r.field.municipality, municipalities.nameOf(organisation.municipalityCode)],
        ]}
      />
      <EditDetailsLink page={`/organisations/${organisation.id}`} />
    </Section>
  );
}

function OrganisationEdit({ organisation, onReload }: { organisation: Organisation; onReload: () => void }) {
  return (
    <EditSection<OrganisationFields> id="organisation-edit" mutation={UPDATE_ORGANISATION} record={organisation} page={`/organisations/${organisation.id}`} onReload={onReload}>
      {(form) => <OrganisationForm record={organisation} {...form} />}
    </EditSection>
  );
}

function OrganisationUnits({ organisation }: { organisation: Organisation }) {
  const { t } = useI18n();
  const r = t.registry;
  const manages = useManages();
  const municipalities = useMunicipalities();
  const units = usePaged<Unit>(UNITS, 'units', { organisationId: organisation.id });
  const { uncovered, reload: reloadCoverage } = useUncoveredUnits(organisation.id);
  const create = useMutation<{ createUnit: Unit }, { input: UnitFields & { organisationId: string } }>(CREATE_UNIT);
  // A new form (empty fields) after each unit added; the name of the last one is announced.
  const [added, setAdded] = useState<{ count: number; name?: string }>({ count: 0 });
  const submit = async (fields: UnitFields) => {
    const data = await create.run({ input: { ...fields, organisationId: organisation.id } });
    if (!data) return;
    setAdded((a) => ({ count: a.count + 1, name: data.createUnit.name }));
    units.reload();
    reloadCoverage();
  };
  return (
    <>
      <Section title={r.units} id="organisation-units">
        <PagedList state={units} empty={r.noUnits}>
          {(nodes) => (
            <DataTable
              caption={r.unitsOf(organisation.name)}
              rows={nodes}
              rowKey={(u) => u.id}
              columns={[
                { key: 'name', header: r.field.name, cell: (u) => <Link to={`/organisations/${organisation.id}/units/${u.id}`}>{u.name}</Link> },
                { key: 'sector', header: r.field.sector, cell: (u) => t.common.sector[u.sector] ?? u.sector },
                { key: 'municipality', header: r.field.municipality, cell: (u) => municipalities.nameOf(u.municipalityCode) ?? t.common.state.none },
                { key: 'covered', header: r.hasActiveKeyWorker, cell: (u) => <CoveredBadge covered={uncovered && !uncovered.has(u.id)} /> },
              ]}
            />
          )}
        </PagedList>
      </Section>
      {manages && (
        <Section title={r.addUnit} id="organisation-add-unit">
          {/* The live region is there before its text, so screen readers announce the text. */}
          <div role="status">{added.name && <p className="success">{r.unitAdded(added.name)}</p>}</div>
          <UnitForm
            key={added.count}
            defaultMunicipality={organisation.municipalityCode}
            submitLabel={r.createUnit}
            onSubmit={submit}
            error={create.error}
            running={create.running}
            onReload={create.reset}
          />
        </Section>
      )}
    </>
  );
}
